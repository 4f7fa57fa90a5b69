"""Progress reports: what a client's PDF says; day batches hold exactly that day's clients."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest

from mobileathlete_desktop.services.context import InputError, ServiceContext
from mobileathlete_desktop.services.reports import (
    clients_assessed_between,
    write_batch,
    write_report,
)
from tests.reports.helpers import CLINIC, add_clinic, add_runner, pdf_pages

WBLT = ("wblt.distance", "right", "none")
WBLT_L = ("wblt.distance", "left", "none")
HIP = ("hip.flexion", "left", "active")


@pytest.fixture
def clinic(ctx: ServiceContext) -> ServiceContext:
    add_clinic(ctx)
    return ctx


def test_report_names_client_values_change_and_numbers_every_page(
    clinic: ServiceContext, tmp_path: Path
) -> None:
    client = add_runner(
        clinic,
        "TR-1",
        visits={
            date(2025, 3, 1): {WBLT: 6.0, WBLT_L: 11.0, HIP: 110},
            date(2025, 4, 1): {WBLT: 9.5, WBLT_L: 11.5, HIP: 112},
        },
    )
    out = tmp_path / "r.pdf"
    write_report(clinic, client.id, out, kind="full")
    pages = pdf_pages(out)
    text = "\n".join(pages)
    assert "Testa Runnerton" in text and "TR-1" in text and CLINIC in text
    assert "Right calf tightness on hills" in text
    assert "Visits 2 from Mar 1, 2025 to Apr 1, 2025" in " ".join(text.split())
    assert "6 cm" in text and "9.5 cm" in text
    # 3.5 cm beyond the 1.9 cm MDC of the lunge test is stated as a real change.
    assert re.search(r"Right weight-bearing lunge.*improved", text.replace("\n", " "))
    # Drafts (never signed): said on every page, and no line to sign on.
    assert "Pat Physio, PT" in text and "Signature" not in text
    flat_text = " ".join(text.split())
    assert "Not signed: the assessments of Mar 1, 2025, Apr 1, 2025 are drafts." in flat_text
    for number, page in enumerate(pages, start=1):
        assert "DRAFT — not signed: the assessments of Mar 1, 2025, Apr 1, 2025" in page
        assert f"Page {number} of {len(pages)}" in page
        assert "Testa Runnerton (TR-1)" in page


def test_client_without_assessments_still_gets_a_report_saying_so(
    clinic: ServiceContext, tmp_path: Path
) -> None:
    client = add_runner(clinic, "TR-2", given="Nova")
    out = tmp_path / "r.pdf"
    write_report(clinic, client.id, out, kind="full")
    text = "\n".join(pdf_pages(out))
    assert "Nova Runnerton has no assessments recorded yet" in text


def test_long_history_splits_visits_over_tables(clinic: ServiceContext, tmp_path: Path) -> None:
    visits = {date(2025, month, 3): {WBLT: 5.0 + month} for month in range(1, 10)}
    client = add_runner(clinic, "TR-3", visits=visits)
    out = tmp_path / "r.pdf"
    write_report(clinic, client.id, out, kind="full")
    text = "\n".join(pdf_pages(out))
    assert "visits 1–3 of 9" in text and "visits 7–9 of 9" in text
    # Each visit heads its column as "3 Jan" over "2025", never broken inside a date.
    months = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep")
    assert all(f"3 {month}\n2025" in text for month in months)


@pytest.fixture
def out_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "out"
    folder.mkdir()
    return folder


@pytest.fixture
def day(clinic: ServiceContext) -> ServiceContext:
    seen = date(2025, 6, 10)
    add_runner(clinic, "A-1", "Ada", "Quickstep", {seen: {WBLT: 8.0}})
    add_runner(clinic, "B-2", "Bea", "Longrun", {seen: {WBLT: 9.0}, date(2025, 5, 1): {WBLT: 7.0}})
    add_runner(clinic, "C-3", "Cy", "Elsewhere", {date(2025, 6, 11): {WBLT: 10.0}})
    return clinic


def test_day_batch_holds_exactly_the_clients_seen_that_day(
    day: ServiceContext, out_dir: Path
) -> None:
    ids = clients_assessed_between(day, date(2025, 6, 10), date(2025, 6, 10))
    calls: list[tuple[int, int]] = []
    out = out_dir / "day.pdf"
    result = write_batch(
        day, ids, out, label="2025-06-10", progress=lambda d, t: calls.append((d, t))
    )
    assert result.chart_numbers == ("B-2", "A-1")  # by family name
    assert calls == [(1, 2), (2, 2)]
    text = "\n".join(pdf_pages(out))
    assert "Ada Quickstep" in text and "Bea Longrun" in text and "Cy Elsewhere" not in text
    # A cover page lists them; then each client's pages are numbered on their own.
    pages = pdf_pages(out)
    cover = " ".join(pages[0].split())
    assert "2 clients, Jun 10, 2025" in cover and cover.index("B-2") < cover.index("A-1")
    assert "Bea Longrun (B-2)" in pages[1] and "Page 1 of" in pages[1]
    assert any("Ada Quickstep (A-1)" in p and "Page 1 of" in p for p in pages[2:])
    assert len(pages) <= 2 * 2 + 1


def test_batch_into_folder_writes_one_file_per_client(day: ServiceContext, out_dir: Path) -> None:
    ids = clients_assessed_between(day, date(2025, 6, 10), date(2025, 6, 11))
    result = write_batch(day, ids, out_dir, label="2025-06-10")
    names = sorted(p.name for p in result.files)
    # Each file is named with the date of the visit its report describes.
    assert names == ["A-1_2025-06-10.pdf", "B-2_2025-06-10.pdf", "C-3_2025-06-11.pdf"]
    assert "Cy Elsewhere" in "\n".join(pdf_pages(out_dir / "C-3_2025-06-11.pdf"))


def test_cancelled_batch_leaves_no_file(day: ServiceContext, out_dir: Path) -> None:
    ids = clients_assessed_between(day, date(2025, 6, 10), date(2025, 6, 10))
    done: list[int] = []
    out = out_dir / "day.pdf"
    result = write_batch(
        day, ids, out, progress=lambda d, t: done.append(d), cancelled=lambda: len(done) >= 1
    )
    assert result.cancelled and not out.exists()
    assert list(out_dir.iterdir()) == []


def test_unwritable_folder_is_input_error_and_nothing_left(
    day: ServiceContext, out_dir: Path
) -> None:
    ids = clients_assessed_between(day, date(2025, 6, 10), date(2025, 6, 10))
    with pytest.raises(InputError, match="does not exist"):
        write_batch(day, ids, out_dir / "missing" / "day.pdf")


def test_failed_render_keeps_the_previous_file(
    day: ServiceContext, out_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = out_dir / "day.pdf"
    out.write_bytes(b"previous report")
    ids = clients_assessed_between(day, date(2025, 6, 10), date(2025, 6, 10))

    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("renderer broke")

    monkeypatch.setattr("mobileathlete_desktop.services.reports.batch.write_documents", broken)
    with pytest.raises(RuntimeError):
        write_batch(day, ids, out)
    assert out.read_bytes() == b"previous report"
    assert [p.name for p in out_dir.iterdir()] == ["day.pdf"]


# --- what the tables and "What changed" hold (issue 16, item 7) ----------------------------

FIRST, LATEST = date(2025, 3, 1), date(2025, 4, 1)
NPRS = ("nprs", "none", "none")
YBAL = {
    (code, side, "none"): value
    for side in ("left", "right")
    for code, value in (
        ("limb.length", 90.0),
        ("ybalance.anterior", 60.0),
        ("ybalance.posteromedial", 95.0),
        ("ybalance.posterolateral", 90.0),
    )
}


@pytest.fixture
def episode(clinic: ServiceContext) -> int:
    """Two visits: the right lunge improves by 3.5 cm (beyond its error), the left by 0.5 cm
    (within it); pain falls 6 → 3 (a clinically important change); left hip extension taken
    actively and passively (8° of 20°: a control deficit) and about the same at both visits;
    knee-flexed dorsiflexion first recorded at the latest visit; the single-leg squat goes
    from poor to fair."""
    from mobileathlete_desktop.services.assessments import list_assessments, set_finding

    hip_a, hip_p = ("hip.extension", "left", "active"), ("hip.extension", "left", "passive")
    client = add_runner(
        clinic,
        "EP-1",
        visits={
            FIRST: {WBLT: 6.0, WBLT_L: 11.0, hip_a: 8.0, hip_p: 20.0, NPRS: 6.0, **YBAL},
            LATEST: {
                WBLT: 9.5,
                WBLT_L: 11.5,
                hip_a: 9.0,
                hip_p: 20.0,
                NPRS: 3.0,
                ("ankle.dorsiflexion.knee_flexed", "left", "active"): 30.0,
                **YBAL,
            },
        },
    )
    first, latest = sorted(list_assessments(clinic, client.id), key=lambda a: a.date)
    set_finding(
        clinic, first.id, "sls", "left", rating="poor", faults=("knee_valgus", "trunk_lean")
    )
    set_finding(clinic, latest.id, "sls", "left", rating="fair", faults=("trunk_lean",))
    return client.id


def test_outcomes_and_computed_scores_sit_in_their_own_tables(
    clinic: ServiceContext, episode: int
) -> None:
    from mobileathlete_desktop.services.reports import build_progress_report

    report = build_progress_report(clinic, episode, charts=False)
    rom = {r.code for r in report.rows}
    tests = {r.code for r in report.tests}
    assert [r.code for r in report.outcomes] == ["nprs"]
    assert {"hip.extension", "ankle.dorsiflexion.knee_flexed"} <= rom
    assert "nprs" not in rom | tests and "wblt.distance" not in rom
    assert {"wblt.distance", "ybalance.composite", "sls"} <= tests
    composite = [r for r in report.tests if r.code == "ybalance.composite"]
    assert [r.side for r in composite] == ["L", "R"]
    assert all(v.endswith("%") and v != "" for r in composite for v in r.values)
    # A motor-control rating: the count of faults in the cell, the faults named in findings.
    squat = next(r for r in report.tests if r.code == "sls")
    assert squat.values == ("poor, 2 faults", "fair, 1 fault")
    assert any(
        line.startswith("Single-leg squat (left): fair (") and "Mar 1, 2025" in line
        for line in report.findings
    )


def test_what_changed_lists_only_changes(clinic: ServiceContext, episode: int) -> None:
    from mobileathlete_desktop.services.reports import build_progress_report

    report = build_progress_report(clinic, episode, charts=False)
    changes = report.changes
    assert len(changes) == 2, changes
    lunge = next(c for c in changes if c.startswith("Right weight-bearing lunge"))
    assert "6 cm (Mar 1, 2025) → 9.5 cm" in lunge and "improved" in lunge
    pain = next(c for c in changes if c.startswith("Pain"))
    assert "clinically important" in pain
    text = " ".join(changes)
    # Unchanged (left lunge, hip extension, composite), first recordings (dorsiflexion) and
    # findings that are not changes (the squat's faults) are not listed.
    for absent in ("Left weight-bearing", "hip extension", "dorsiflexion", "composite", "squat"):
        assert absent not in text
    pain_row = report.outcomes[0]
    assert pain_row.values == ("6 points", "3 points") and "MCID" in pain_row.change


def test_one_visit_says_there_is_nothing_to_compare(clinic: ServiceContext, tmp_path: Path) -> None:
    client = add_runner(clinic, "EP-2", visits={FIRST: {WBLT: 6.0, NPRS: 4.0}})
    out = tmp_path / "r.pdf"
    report = write_report(clinic, client.id, out, kind="full").report
    assert report.changes == ()
    text = " ".join("\n".join(pdf_pages(out)).split())
    assert "What changed One visit so far: nothing to compare yet." in text
    assert text.index("Tests and computed scores") < text.index("Outcome scores")
    assert text.index("Outcome scores") < text.index("Pain (NPRS 0-10)")


def test_report_pages_carry_the_active_passive_chart_and_the_tables(
    clinic: ServiceContext, episode: int, tmp_path: Path
) -> None:
    from mobileathlete_desktop.services.reports import build_progress_report

    report = build_progress_report(clinic, episode)
    titles = [f.legends[0].get_title().get_text() for f in report.figures if f.legends]
    assert any(t.startswith("Active vs passive range") for t in titles)
    out = tmp_path / "r.pdf"
    write_report(clinic, episode, out, kind="full")
    text = " ".join("\n".join(pdf_pages(out)).split())
    for heading in ("What changed", "Movement findings", "Range of motion", "Outcome scores"):
        assert heading in text
    assert text.index("Range of motion") < text.index("Tests and computed scores")


def test_no_active_passive_chart_without_both_modes(clinic: ServiceContext) -> None:
    from mobileathlete_desktop.services.reports import build_progress_report

    client = add_runner(clinic, "EP-3", visits={FIRST: {WBLT: 6.0}, LATEST: {WBLT: 7.0}})
    report = build_progress_report(clinic, client.id)
    titles = [f.legends[0].get_title().get_text() for f in report.figures if f.legends]
    assert not any(t.startswith("Active vs passive range") for t in titles)


# --- "What changed" says exactly what holds (review P1) --------------------------------------


def _nprs_change(**change: object) -> tuple[object, object]:
    """NPRS 4 → 2 as interpreted, its Change set to the given values (so the wording is
    tested whatever the catalogue's figures are), and a measure with the Farrar MCID."""
    from dataclasses import replace

    from mobileathlete_desktop.domain.catalogue import ImportantChange
    from tests.domain.test_worked_cases import V1, V2, read, row, runner, visit

    result = read(
        runner(),
        visit(1, V1, ("nprs", "none", "none", 4)),
        visit(2, V2, ("nprs", "none", "none", 2)),
    )
    interpreted = row(result, "nprs", "none", "none")
    base = {
        "verdict": "improved",
        "mdc": 2.0,
        "source": "childs-2005",
        "mcid": "2 or 30%",
        "mcid_source": "farrar-2001",
    }
    interpreted = replace(
        interpreted,
        flags=tuple(f for f in interpreted.flags if f != "clinically_important"),
        change=replace(interpreted.change, **{**base, **change}),  # type: ignore[arg-type]
    )

    class Measure:
        important_change = ImportantChange("farrar-2001", points=2, percent=30)

    return interpreted, Measure()


@pytest.mark.parametrize(
    ("beyond", "important", "said", "cell"),
    [
        (
            False,
            True,
            "improved, clinically important (reaches the 2-point or 30% MCID, farrar-2001); "
            "within the 2-point measurement error (childs-2005)",
            "-2 (improved: MCID)",
        ),
        (
            True,
            False,
            "improved, beyond the 2-point measurement error (childs-2005); short of the "
            "2-point or 30% MCID, farrar-2001",
            "-2 (improved: MDC)",
        ),
        (
            True,
            True,
            "improved, beyond the 2-point measurement error (childs-2005) and clinically "
            "important (reaches the 2-point or 30% MCID, farrar-2001)",
            "-2 (improved: MDC, MCID)",
        ),
    ],
)
def test_what_changed_names_the_measurement_error_and_the_mcid_each_for_what_holds(
    beyond: bool, important: bool, said: str, cell: str
) -> None:
    """A change reaching the MCID but not beyond the MDC is never "more than the measurement
    error" (the summary says "within" for the same change); each judgement is named."""
    from mobileathlete_desktop.services.reports.tables import _change_line, _change_text

    interpreted, measure = _nprs_change(beyond_error=beyond, important=important)
    line = _change_line(interpreted, date(2026, 1, 15), "points", measure)  # type: ignore[arg-type]
    assert line == f"Pain (NPRS 0-10): 4 points (Jan 15, 2026) → 2 points: {said}"
    assert "more than" not in line
    assert _change_text(interpreted) == cell  # type: ignore[arg-type]


def test_a_change_neither_beyond_the_error_nor_important_is_not_listed() -> None:
    from mobileathlete_desktop.services.reports.tables import _change_line, _change_text

    interpreted, measure = _nprs_change(verdict="unchanged", beyond_error=False, important=False)
    assert _change_line(interpreted, date(2026, 1, 15), "points", measure) is None  # type: ignore[arg-type]
    assert _change_text(interpreted) == "-2"  # type: ignore[arg-type]


def test_the_table_words_a_reference_point_and_a_clinically_important_change(
    clinic: ServiceContext, episode: int
) -> None:
    """The Y-balance composite 90.7% is under Plisky's 94%, a cut-off from one cohort of
    high-school girls whose ages the abstract does not give: catalogue 2026.7 applies it to
    no runner and never makes it a finding, so the table flags nothing and the note under the
    tables does not name it (it printed "below the 94% reference point (not a risk
    prediction)" and "plisky-2006" before). No raw flag code is printed."""
    from mobileathlete_desktop.services.reports import FLAG_WORDS, build_progress_report

    report = build_progress_report(clinic, episode, charts=False)
    composite = next(r for r in report.tests if r.code == "ybalance.composite")
    assert composite.flags == ()
    assert "plisky-2006" not in report.reference_note
    assert {"cutoff", "faults", "clinically_important"} <= set(FLAG_WORDS)
    for row in (*report.rows, *report.tests, *report.outcomes):
        assert not [f for f in row.flags if "_" in f], row


def test_a_chart_with_nothing_to_show_is_one_line_and_the_signature_never_stands_alone(
    clinic: ServiceContext, tmp_path: Path
) -> None:
    """One visit, one side of a measure with no norm: no symmetry and no norm to chart. Each
    is a line ("Not drawn: Limb symmetry — …"), not half a page; the report is one page, the
    signature on it."""
    from mobileathlete_desktop.services.reports import build_progress_report

    client = add_runner(clinic, "EMPTY-1", visits={FIRST: {("limb.length", "left", "none"): 90}})
    report = build_progress_report(clinic, client.id)
    assert report.figures == ()
    assert [n.split(" — ")[0] for n in report.chart_notes] == ["Limb symmetry", "Percent of norm"]
    out = tmp_path / "r.pdf"
    write_report(clinic, client.id, out, kind="full")
    pages = pdf_pages(out)
    assert len(pages) == 1
    assert "Not drawn: Limb symmetry — no measure was recorded on both sides" in " ".join(
        pages[0].split()
    )
    assert "Therapist: Pat Physio, PT" in pages[0]


def test_the_signature_goes_with_the_last_lines_of_the_report(
    clinic: ServiceContext, episode: int, tmp_path: Path
) -> None:
    """Whatever the page breaks, the page with the signature holds the home-program section
    (never the signature alone)."""
    out = tmp_path / "r.pdf"
    write_report(clinic, episode, out, kind="full")
    last = pdf_pages(out)[-1]
    assert "Therapist: Pat Physio, PT" in last and "Current home program" in last


# --- a day's reports on every core -----------------------------------------------------------


@pytest.fixture
def busy_day(clinic: ServiceContext) -> ServiceContext:
    seen = date(2025, 6, 10)
    for n in range(6):
        add_runner(clinic, f"P-{n}", f"Pat{n}", "Parallel", {seen: {WBLT: 8.0 + n}})
    return clinic


def test_a_folder_batch_of_several_clients_is_written_by_worker_processes(
    busy_day: ServiceContext,
    admin_ctx: ServiceContext,
    out_dir: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from mobileathlete_desktop.services.audit import AuditFilter, find_events
    from mobileathlete_desktop.services.reports import batch

    assert batch._pool_size(busy_day, 6) > 1 or (__import__("os").cpu_count() or 1) < 2
    # The serial path is not taken (it would call _write in this process).
    monkeypatch.setattr(batch, "_write", lambda *a, **k: pytest.fail("written in this process"))
    ids = clients_assessed_between(busy_day, date(2025, 6, 10), date(2025, 6, 10))
    calls: list[tuple[int, int]] = []
    result = write_batch(busy_day, ids, out_dir, progress=lambda d, t: calls.append((d, t)))
    assert sorted(p.name for p in result.files) == [f"P-{n}_2025-06-10.pdf" for n in range(6)]
    assert [d for d, _ in calls] == [1, 2, 3, 4, 5, 6] and {t for _, t in calls} == {6}
    assert "Pat3 Parallel" in "\n".join(pdf_pages(out_dir / "P-3_2025-06-10.pdf"))
    printed = find_events(admin_ctx, AuditFilter(action="report.print"))
    assert len(printed) == 6
    assert sorted(p.name for p in out_dir.iterdir()) == sorted(p.name for p in result.files)


def test_a_cancelled_parallel_batch_keeps_only_whole_audited_files(
    busy_day: ServiceContext, admin_ctx: ServiceContext, out_dir: Path
) -> None:
    from mobileathlete_desktop.services.audit import AuditFilter, find_events

    ids = clients_assessed_between(busy_day, date(2025, 6, 10), date(2025, 6, 10))
    done: list[int] = []
    result = write_batch(
        busy_day,
        ids,
        out_dir,
        progress=lambda d, t: done.append(d),
        cancelled=lambda: len(done) >= 1,
    )
    on_disk = sorted(p.name for p in out_dir.iterdir())
    assert on_disk == sorted(p.name for p in result.files)  # no half or unlisted file
    assert all(p.read_bytes().startswith(b"%PDF") for p in result.files)
    assert len(find_events(admin_ctx, AuditFilter(action="report.print"))) == len(result.files)
    assert result.cancelled == (len(result.files) < len(ids))
