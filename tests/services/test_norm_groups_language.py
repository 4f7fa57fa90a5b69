"""Every group a norm was measured in is named in the reader's language: the report names it
under a finding that quotes the norm (services/reports/summary.py, _NORM_GROUPS)."""

from __future__ import annotations

from mobileathlete_desktop.domain.catalogue import default_catalogue
from mobileathlete_desktop.support.i18n import texts


def test_every_norm_group_has_its_spanish_words() -> None:
    spanish = texts("es")
    groups = {n.population for m in default_catalogue() for n in m.norms if n.population}
    assert groups, "the catalogue names the groups behind its norms"
    untranslated = sorted(g for g in groups if spanish.gettext(g) == g)
    assert untranslated == [], "add them to _NORM_GROUPS, make catalogs, and translate"


def test_the_hip_abduction_group_reads_in_spanish() -> None:
    group = "394 asymptomatic male professional football players aged 18-40"
    assert texts("es").gettext(group) == (
        "394 futbolistas profesionales varones asintomáticos de 18 a 40 años"
    )
