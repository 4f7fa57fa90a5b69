"""Importing clients and measurements from CSV: checks, dry runs, all or nothing, odd files."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from mobileathlete_desktop.domain.permissions import PermissionDenied
from mobileathlete_desktop.domain.validation import InvalidValue
from mobileathlete_desktop.services import clients
from mobileathlete_desktop.services.context import InputError, ServiceContext
from mobileathlete_desktop.services.imports import (
    ImportFailed,
    import_assessments,
    import_clients,
    parse_file_date,
)

HEADER = (
    "chart_number,given_name,family_name,date_of_birth,sex,email,phone,address,dominant_leg,"
    "weekly_distance_km,years_running,goal_event,footwear,injury_history\n"
)
GOOD = (
    HEADER + "T-001,Testa,Runnerton,1990-04-03,female,testa@example.invalid,555-0101,"
    '"1 Test Lane, Testville",left,42.5,6,10 km,neutral,ITB 2021\n'
    + "T-002,Probe,Striderson,1985-11-30,m,,,,r,,,,,\n"
)


def write(tmp_path: Path, text: str, name: str = "clients.csv", encoding: str = "utf-8") -> Path:
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


def charts(ctx: ServiceContext) -> list[str]:
    return sorted(c.chart_number for c in clients.search_clients(ctx))


def test_clients_are_imported_with_every_column(
    ctx: ServiceContext, admin_ctx: ServiceContext, tmp_path: Path
) -> None:
    report = import_clients(admin_ctx, write(tmp_path, GOOD))
    assert report.clients_created == ["T-001", "T-002"]
    testa = clients.find_by_chart(ctx, "T-001")
    assert (testa.date_of_birth, testa.sex, testa.dominant_leg) == (
        date(1990, 4, 3),
        "female",
        "left",
    )
    assert (testa.weekly_distance_km, testa.address) == (42.5, "1 Test Lane, Testville")
    assert clients.find_by_chart(ctx, "T-002").sex == "male"


def test_a_dry_run_lists_the_changes_and_stores_nothing(
    ctx: ServiceContext, admin_ctx: ServiceContext, tmp_path: Path
) -> None:
    report = import_clients(admin_ctx, write(tmp_path, GOOD), dry_run=True)
    assert [str(c) for c in report.changes] == [
        "line 2: T-001 new client: Runnerton, Testa",
        "line 3: T-002 new client: Striderson, Probe",
    ]
    assert report.describe().startswith("Would import 2 rows")
    assert charts(ctx) == []


SHORT = "chart_number,given_name,family_name,date_of_birth,sex\n"


@pytest.mark.parametrize(
    ("body", "message"),
    [
        (
            "T-001,Testa,Runnerton,,\nT-001,Other,Person,,\n",
            "line 4: chart number T-001 is also on line 3",
        ),
        ("T-001,,Runnerton,,\n", "line 3: Given name is required"),
        ("T-001,Testa,Runnerton,03/04/1990,\n", "line 3: date_of_birth: '03/04/1990' is ambiguous"),
        ("T-001,Testa,Runnerton,2090-01-01,\n", "in the future"),
        ("T-001,Testa,Runnerton,,x\n", "Sex must be"),
        ("T-001,Testa,Runnerton,\n", "line 3: 4 fields, expected 5"),
    ],
)
def test_bad_rows_refuse_the_whole_file(
    ctx: ServiceContext, admin_ctx: ServiceContext, tmp_path: Path, body: str, message: str
) -> None:
    text = SHORT + "T-900,Good,Row,,\n" + body
    with pytest.raises(ImportFailed, match=message):
        import_clients(admin_ctx, write(tmp_path, text))
    assert charts(ctx) == []


def test_a_chart_number_already_in_the_clinic_is_refused_unless_updating(
    ctx: ServiceContext, admin_ctx: ServiceContext, tmp_path: Path
) -> None:
    clients.create_client(
        ctx, clients.ClientInput("T-002", "Probe", "Striderson", phone="555-0000")
    )
    with pytest.raises(ImportFailed, match="line 3: chart number T-002 is already in the clinic"):
        import_clients(admin_ctx, write(tmp_path, GOOD))
    assert charts(ctx) == ["T-002"]  # T-001 was not half-imported
    report = import_clients(admin_ctx, write(tmp_path, GOOD), update=True)
    assert report.clients_created == ["T-001"] and report.clients_updated == ["T-002"]
    assert "line 3: T-002 phone: 555-0000 → (empty)" in [str(c) for c in report.changes]
    assert clients.find_by_chart(ctx, "T-002").dominant_leg == "right"


@pytest.mark.parametrize(
    ("text", "encoding", "expected"),
    [
        ("\ufeff" + GOOD, "utf-8", "Runnerton"),
        (
            GOOD.replace(",", ";").replace('"1 Test Lane; Testville"', "1 Test Lane"),
            "utf-8",
            "Runnerton",
        ),
        (GOOD.replace("Runnerton", "Núñez"), "cp1252", "Núñez"),
    ],
    ids=["bom", "semicolons", "latin-1"],
)
def test_spreadsheet_files_are_read(
    ctx: ServiceContext,
    admin_ctx: ServiceContext,
    tmp_path: Path,
    text: str,
    encoding: str,
    expected: str,
) -> None:
    path = write(tmp_path, text, encoding=encoding)
    import_clients(admin_ctx, path, encoding="latin-1" if encoding == "cp1252" else None)
    assert clients.find_by_chart(ctx, "T-001").family_name == expected


def test_latin1_text_is_refused_with_advice_unless_asked_for(
    ctx: ServiceContext, admin_ctx: ServiceContext, tmp_path: Path
) -> None:
    path = write(tmp_path, GOOD.replace("Runnerton", "Núñez"), encoding="cp1252")
    with pytest.raises(InputError, match=r"not UTF-8 text.*--encoding latin-1"):
        import_clients(admin_ctx, path)
    assert charts(ctx) == []


@pytest.mark.parametrize(
    ("header", "message"),
    [
        ("chart_number,given_name\n", "missing column family_name;"),
        ("chart_number|given_name|family_name\n", "one column"),
        ("chart_number,given_name,family_name,shoe_size\n", "unknown column shoe_size;"),
    ],
)
def test_bad_headers_are_named(
    ctx: ServiceContext, admin_ctx: ServiceContext, tmp_path: Path, header: str, message: str
) -> None:
    with pytest.raises(ImportFailed, match=message):
        import_clients(admin_ctx, write(tmp_path, header + "T-1,A,B\n"))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1990-04-03", date(1990, 4, 3)),
        ("1990-04-03 00:00:00", date(1990, 4, 3)),
        ("1990-04-03T00:00", date(1990, 4, 3)),
        ("1990/04/03", date(1990, 4, 3)),
    ],
)
def test_unambiguous_dates_are_accepted(text: str, expected: date) -> None:
    assert parse_file_date(text) == expected


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("03/04/1990", "ambiguous.*1990-04-03 or 1990-03-04"),
        ("25/04/1990", "write 1990-04-25"),
        ("32966", "spreadsheet day number"),
        ("1990-02-30", "not a real date"),
    ],
)
def test_ambiguous_or_odd_dates_are_refused(text: str, message: str) -> None:
    with pytest.raises(InvalidValue, match=message):
        parse_file_date(text)


MEASURES = "chart_number,date,measure,side,mode,value,pain\n"


def test_measurements_are_all_or_nothing(
    ctx: ServiceContext, admin_ctx: ServiceContext, tmp_path: Path
) -> None:
    clients.create_client(ctx, clients.ClientInput("T-001", "Testa", "Runnerton"))
    text = (
        MEASURES
        + "T-001,2025-03-01,hip.flexion,left,active,110,no\n"
        + "T-001,2025-03-01 00:00:00,hip.flexion,right,active,400,no\n"
    )
    with pytest.raises(ImportFailed, match="line 3: Hip flexion: 400"):
        import_assessments(admin_ctx, write(tmp_path, text, "values.csv"))
    from mobileathlete_desktop.services.assessments import list_assessments

    assert list_assessments(ctx, clients.find_by_chart(ctx, "T-001").id) == []


def test_a_unit_that_does_not_match_the_measure_is_refused(
    ctx: ServiceContext, admin_ctx: ServiceContext, tmp_path: Path
) -> None:
    text = (
        "chart_number,date,measure,side,mode,value,unit\n"
        "T-001,2025-03-01,wblt.distance,left,none,4,in\n"
    )
    with pytest.raises(ImportFailed, match="recorded in cm, not 'in'"):
        import_assessments(admin_ctx, write(tmp_path, text, "values.csv"), create_clients=True)


def test_a_therapist_may_not_import(therapist_ctx: ServiceContext, tmp_path: Path) -> None:
    with pytest.raises(PermissionDenied):
        import_clients(therapist_ctx, write(tmp_path, GOOD))


def test_a_signed_assessment_takes_its_own_values_again_but_no_others(
    ctx: ServiceContext, admin_ctx: ServiceContext, tmp_path: Path
) -> None:
    from mobileathlete_desktop.services import assessments

    made = clients.create_client(ctx, clients.ClientInput("T-001", "Testa", "Runnerton"))
    visit = assessments.create_assessment(ctx, made.id, date(2025, 3, 1))
    assessments.set_value(ctx, visit.id, "hip.flexion", "left", "active", 110)
    assessments.sign_assessment(ctx, visit.id)
    same = MEASURES + "T-001,2025-03-01,hip.flexion,left,active,110,no\n"
    report = import_assessments(admin_ctx, write(tmp_path, same, "same.csv"))
    assert (report.values_added, report.values_changed, report.changes) == (0, 0, [])
    other = MEASURES + "T-001,2025-03-01,hip.flexion,left,active,111,no\n"
    with pytest.raises(
        ImportFailed, match="line 2: the assessment of T-001 on 2025-03-01 is signed"
    ):
        import_assessments(admin_ctx, write(tmp_path, other, "other.csv"))
    assert assessments.get_assessment(ctx, visit.id).value("hip.flexion", "left", "active") == 110
