"""The demo clinic shows the runner test battery: hop tests and heel-rise endurance from the
second visit on, the involved leg catching up, and a sore shin whose painful hops bring the
bone-stress warning to the findings."""

from __future__ import annotations

from mobileathlete_desktop.domain.interpretation import interpret_assessment
from mobileathlete_desktop.domain.interpretation.highlights import highlights
from mobileathlete_desktop.services.assessments import load_history
from mobileathlete_desktop.services.clients import search_clients
from mobileathlete_desktop.services.context import ServiceContext
from mobileathlete_desktop.services.demo import create_demo_clinic
from mobileathlete_desktop.storage.database import Database


def test_the_demo_has_hop_tests_that_improve_and_a_painful_hop(db: Database) -> None:
    ctx = ServiceContext.system(db)
    create_demo_clinic(ctx, clients=40, seed=7)
    with_hops, improving, warned = 0, 0, 0
    for client in search_clients(ctx, ""):
        history = load_history(ctx, client.id)
        visits = [
            a for a in history.assessments if any(m.code == "hop.triple" for m in a.measurements)
        ]
        if not visits:
            continue
        with_hops += 1
        assert not any(m.code.startswith("hop.") for m in history.assessments[0].measurements)
        lsi = []
        for visit in visits:
            rows = interpret_assessment(history, visit.id, catalogue=ctx.catalogue).rows
            lsi += [r.value for r in rows if r.code == "hop.triple.lsi"]
        if len(lsi) >= 2 and lsi[-1] > lsi[0]:
            improving += 1
        if any(m.pain for v in visits for m in v.measurements if m.code.startswith("hop.")):
            result = interpret_assessment(history, visits[0].id, catalogue=ctx.catalogue)
            pain = [h.text for h in highlights(result, "en", ctx.catalogue) if h.kind == "pain"]
            warned += any("bone stress injury" in text for text in pain)
    assert with_hops >= 8 and improving >= with_hops // 2 and warned >= 1
