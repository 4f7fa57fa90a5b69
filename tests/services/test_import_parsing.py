"""Import files are checked row by row with no database (services.imports.parsing): the same
records and messages the import applies, from the text alone."""

from __future__ import annotations

from datetime import date

import pytest

from mobileathlete_desktop.domain.catalogue import default_catalogue
from mobileathlete_desktop.services.imports import (
    ImportFailed,
    parse_assessment_rows,
    parse_client_rows,
)

CATALOGUE = default_catalogue()


def test_measurement_rows_become_checked_records_without_a_database() -> None:
    text = (
        "chart_number,date,measure,side,mode,value,pain,faults\n"
        "T-1,2026-03-02 00:00:00,wblt.distance,left,none,9.5,yes,\n"
        'T-1,2026/03/02,sls,right,none,poor,,"knee_valgus; Pelvic_Drop;"\n'
    )
    wblt, sls = parse_assessment_rows(CATALOGUE, text, "visits.csv")
    assert (wblt.line, wblt.on, wblt.code, wblt.value, wblt.pain) == (
        2,
        date(2026, 3, 2),
        "wblt.distance",
        9.5,
        True,
    )
    assert not wblt.finding and wblt.faults is None
    assert sls.finding and sls.rating == "poor"
    assert sls.faults == ("knee_valgus", "pelvic_drop")
    assert sls.shown() == f"{sls.value:g} (poor) faults knee_valgus;pelvic_drop"


def test_every_bad_measurement_row_is_named_with_its_line() -> None:
    text = (
        "chart_number,date,measure,side,mode,value\n"
        "T-1,03/04/2026,wblt.distance,left,none,9\n"
        "T-1,2026-03-02,no.such,left,none,9\n"
        "T-1,2026-03-02,wblt.distance,left,none,9\n"
        "T-1,2026-03-02,wblt.distance,left,none,8\n"
    )
    with pytest.raises(ImportFailed) as caught:
        parse_assessment_rows(CATALOGUE, text, "visits.csv")
    lines = [(e.line, e.reason) for e in caught.value.errors]
    assert [line for line, _ in lines] == [2, 3, 5]
    assert "ambiguous" in lines[0][1] and "YYYY-MM-DD" in lines[0][1]
    assert lines[2][1] == "same measure, side and mode as line 4"
    assert str(caught.value).startswith("visits.csv: line 2:")
    assert str(caught.value).endswith("(and 2 more); nothing was imported")


def test_client_rows_keep_only_the_columns_given_and_refuse_a_chart_twice() -> None:
    text = "chart_number,given_name,family_name,sex\nT-1,Testa,Runnerton,f\nT-2,Probe,Strider,\n"
    first, second = parse_client_rows(text, "clients.csv")
    assert (first.line, first.data.chart_number, first.data.sex) == (2, "T-1", "female")
    assert set(first.given) == {"chart_number", "given_name", "family_name", "sex"}
    assert second.data.sex == "unknown"
    with pytest.raises(ImportFailed, match="line 3: chart number t-1 is also on line 2"):
        parse_client_rows(text.replace("T-2", "t-1"), "clients.csv")
