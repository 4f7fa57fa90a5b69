"""`mobileathlete summary` (table and JSON) and `mobileathlete chart` (files, bad input, audit)."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from mobileathlete_desktop.cli import main
from mobileathlete_desktop.domain.interpretation import interpret_assessment, summary_rows
from mobileathlete_desktop.domain.permissions import Actor
from mobileathlete_desktop.services.assessments import create_assessment, load_history, set_value
from mobileathlete_desktop.services.clients import ClientInput, create_client, find_by_chart
from mobileathlete_desktop.services.context import ServiceContext
from mobileathlete_desktop.storage.database import open_database
from tests.conftest import ClinicTemplates

THERAPIST = Actor(username="pt", display_name="Pat Physio", role="therapist")

SUMMARY_KEYS = {
    "chart_number",
    "name",
    "assessment",
    "age",
    "sex",
    "catalogue_version",
    "notes",
    "rows",
    "fms",
    "sources",
}
ROW_KEYS = {
    "code",
    "label",
    "side",
    "mode",
    "value",
    "unit",
    "value_text",
    "norm_text",
    "flags",
    "reasons",
    # the numbers behind the flags (issue 16)
    "norm",
    "sides",
    "gap",
    "change",
    "cutoff",
    "faults",
    "rating",
}
MEASURE = "ankle.dorsiflexion.knee_flexed"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    try:
        code = main(list(argv))
    except SystemExit as exc:  # argparse's own usage errors and --help
        code = int(exc.code or 0)
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def demo_db(tmp_path: Path, clinic_templates: ClinicTemplates) -> str:
    """Three demo clients, plus BARE-1 (no date of birth, no sex, no visits) and ONE-1 (the
    same, with one visit holding the right ankle only)."""
    path = str(clinic_templates.copy(tmp_path / "demo.sqlite3", clients=3, seed=5))
    db = open_database(path)
    ctx = ServiceContext(db=db, actor=THERAPIST)
    create_client(ctx, ClientInput("BARE-1", "Bare", "Minimum"))
    one = create_client(ctx, ClientInput("ONE-1", "Una", "Vez"))
    visit = create_assessment(ctx, one.id, date(2025, 3, 1), therapist="Pat")
    set_value(ctx, visit.id, MEASURE, "right", "active", 31)
    # LOW-1: knee bend short both ways (passive 110° of the AAOS 135°): a length limit.
    low = create_client(
        ctx, ClientInput("LOW-1", "Lou", "Bend", date_of_birth=date(1990, 1, 1), sex="male")
    )
    low_visit = create_assessment(ctx, low.id, date(2025, 3, 1), therapist="Pat")
    for side in ("left", "right"):
        set_value(ctx, low_visit.id, "knee.flexion", side, "active", 108)
        set_value(ctx, low_visit.id, "knee.flexion", side, "passive", 110)
    db.dispose()
    return path


def history_of(db_path: str, chart: str):  # type: ignore[no-untyped-def]
    db = open_database(db_path)
    try:
        ctx = ServiceContext(db=db, actor=THERAPIST)
        return load_history(ctx, find_by_chart(ctx, chart).id)
    finally:
        db.dispose()


# --- summary -------------------------------------------------------------------------------


def test_summary_json_is_the_interpretation_of_the_latest_visit(
    demo_db: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(capsys, "--db", demo_db, "summary", "DEMO-0001", "--json")
    assert code == 0
    data = json.loads(out)
    assert set(data) == SUMMARY_KEYS
    history = history_of(demo_db, "DEMO-0001")
    latest = history.assessments[-1]
    assert data["assessment"]["id"] == latest.id
    assert data["assessment"]["date"] == latest.date.isoformat()
    expected = summary_rows(interpret_assessment(history))
    assert [set(r) for r in data["rows"]] == [ROW_KEYS] * len(expected)
    plain = [{k: r[k] for k in r if k in expected[0].to_json_dict()} for r in data["rows"]]
    assert plain == [json.loads(json.dumps(r.to_json_dict())) for r in expected]
    # Each flag's figures travel with it: the gap and its error for a control deficit, the
    # norm's mean, SD and source for a norm flag, MDC and MCID for a change.
    for r in data["rows"]:
        if "control_deficit" in r["flags"]:
            assert r["gap"]["gap"] > r["gap"]["error"] > 0 and r["gap"]["source"]
        if "below_norm" in r["flags"]:
            assert r["norm"]["mean"] > 0 and r["norm"]["source"] and r["norm"]["flag"] == "below"
        if "asymmetry" in r["flags"] and r["sides"] is not None:
            assert r["sides"]["asymmetric"] and r["sides"]["source"]
        assert set(r["change"]) >= {"verdict", "delta", "mdc", "mcid", "beyond_error"}
    assert any(r["gap"] for r in data["rows"])
    assert data["sources"] == dict(interpret_assessment(history).sources)
    code, out, _ = run(capsys, "--db", demo_db, "summary", "LOW-1", "--json")
    low = json.loads(out)
    flagged = [r for r in low["rows"] if "below_norm" in r["flags"]]
    assert [(r["side"], r["mode"]) for r in flagged] == [("left", "passive"), ("right", "passive")]
    assert all("below norm" in " ".join(r["reasons"]) for r in flagged)
    assert all(r["norm"]["mean"] == 135 and r["norm"]["flag"] == "below" for r in flagged)
    assert "aaos-1965" in low["sources"]  # full citations for the ids the reasons name


def test_summary_table_lists_reasons_beneath_each_row(
    demo_db: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "100")
    code, out, _ = run(capsys, "--db", demo_db, "summary", "DEMO-0001")
    assert code == 0
    lines = out.splitlines()
    assert "(DEMO-0001)" in lines[0]
    header = next(line for line in lines if line.startswith("measure"))
    assert header.split() == ["measure", "side", "mode", "value", "norm", "flags"]
    rows = summary_rows(interpret_assessment(history_of(demo_db, "DEMO-0001")))
    first = rows[0]
    at = next(i for i, line in enumerate(lines) if line.startswith(first.label))
    assert first.value_text in lines[at]
    assert lines[at + 1].strip() == "· " + first.reasons[0][: len(lines[at + 1].strip()) - 2]
    # Reasons wrap to the terminal; the table rows themselves stay on one line.
    assert all(len(line) <= 100 for line in lines if line.startswith("      "))
    code, out, _ = run(capsys, "--db", demo_db, "summary", "LOW-1")
    assert any(
        line.startswith("Knee flexion") and "passive" in line and "below norm" in line
        for line in out.splitlines()
    )


def test_summary_of_a_client_with_nothing_recorded_says_so(
    demo_db: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(capsys, "--db", demo_db, "summary", "BARE-1")
    assert (code, err) == (0, "")
    assert "Bare Minimum (BARE-1)" in out and "No assessments recorded yet" in out
    code, out, _ = run(capsys, "--db", demo_db, "summary", "BARE-1", "--json")
    data = json.loads(out)
    assert code == 0 and data["assessment"] is None and data["rows"] == []
    assert data["notes"] == ["No assessments recorded yet."]


def test_summary_without_date_of_birth_or_sex_names_what_is_missing(
    demo_db: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(capsys, "--db", demo_db, "summary", "ONE-1")
    assert code == 0
    assert "age unknown, sex not recorded" in out
    assert "Note: No date of birth recorded" in out
    assert "Note: No sex recorded" in out
    row = next(line for line in out.splitlines() if line.startswith("Ankle dorsiflexion"))
    assert row.split()[-5:] == ["right", "active", "31°", "—", "—"]  # no norm, no flags
    data = json.loads(run(capsys, "--db", demo_db, "summary", "ONE-1", "--json")[1])
    assert data["age"] is None and data["sex"] is None
    assert [(r["code"], r["side"], r["mode"]) for r in data["rows"]] == [
        (MEASURE, "right", "active")
    ]


def test_summary_of_an_unknown_chart_exits_2_with_one_line(
    demo_db: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(capsys, "--db", demo_db, "summary", "NOPE-9", "--json")
    assert (code, out) == (2, "")
    assert err.count("\n") == 1 and "NOPE-9" in err


# --- chart ---------------------------------------------------------------------------------


def is_png(data: bytes) -> bool:
    return data.startswith(b"\x89PNG\r\n\x1a\n")


@pytest.mark.parametrize("what", [MEASURE, "profile", "asymmetry", "outcomes", "lefs.total"])
def test_chart_writes_a_png_for_every_kind(
    demo_db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str], what: str
) -> None:
    out = tmp_path / f"{what}.png"
    code, stdout, err = run(capsys, "--db", demo_db, "chart", "DEMO-0001", what, "--out", str(out))
    assert (code, err) == (0, "")
    assert stdout.strip() == str(out)
    assert is_png(out.read_bytes())
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".part")] == []


def test_chart_svg_is_xml_and_pdf_is_pdf(
    demo_db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    svg, pdf = tmp_path / "a.svg", tmp_path / "a.PDF"
    assert run(capsys, "--db", demo_db, "chart", "DEMO-0002", MEASURE, "--out", str(svg))[0] == 0
    root = ET.parse(svg).getroot()
    assert root.tag == "{http://www.w3.org/2000/svg}svg"
    assert "Ankle dorsiflexion, knee flexed" in svg.read_text(encoding="utf-8")
    assert run(capsys, "--db", demo_db, "chart", "DEMO-0002", "profile", "--out", str(pdf))[0] == 0
    assert pdf.read_bytes().startswith(b"%PDF-") and pdf.read_bytes().rstrip().endswith(b"%%EOF")


def test_chart_export_is_audited(
    demo_db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from sqlalchemy import select

    from mobileathlete_desktop.storage.models import AuditEvent

    out = tmp_path / "ankle.png"
    assert run(capsys, "--db", demo_db, "chart", "DEMO-0001", MEASURE, "--out", str(out))[0] == 0
    db = open_database(demo_db)
    try:
        with db.session() as session:
            event = session.execute(
                select(AuditEvent).where(AuditEvent.action == "chart.export")
            ).scalar_one()
            assert event.username == "admin"
            assert event.detail["file"] == "ankle.png" and event.detail["chart"] == MEASURE
        client_id = find_by_chart(ServiceContext(db=db, actor=THERAPIST), "DEMO-0001").id
        assert event.client_id == client_id
    finally:
        db.dispose()


def test_chart_for_a_client_with_one_visit_and_one_side_still_renders(
    demo_db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for what in (MEASURE, "profile", "asymmetry", "outcomes", "active-passive"):
        out = tmp_path / f"{what}.png"
        code, _, err = run(capsys, "--db", demo_db, "chart", "ONE-1", what, "--out", str(out))
        assert (code, err) == (0, "") and is_png(out.read_bytes())
    out = tmp_path / "bare.svg"
    assert run(capsys, "--db", demo_db, "chart", "BARE-1", MEASURE, "--out", str(out))[0] == 0
    assert "No assessments recorded yet." in out.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["DEMO-0001", MEASURE, "--out", "{tmp}/a.bmp"], ".png, .svg or .pdf, not .bmp"),
        (["DEMO-0001", MEASURE, "--out", "{tmp}/a"], "not no suffix"),
        (
            ["DEMO-0001", "ankle.dorsiflexion.knee_flexd", "--out", "{tmp}/a.png"],
            f"did you mean {MEASURE}?",
        ),
        (["DEMO-0001", "nonsense", "--out", "{tmp}/a.png"], "unknown measure 'nonsense'"),
        (["DEMO-0001", MEASURE, "--out", "{tmp}/missing/a.png"], "does not exist"),
        (["NOPE-9", MEASURE, "--out", "{tmp}/a.png"], "NOPE-9"),
    ],
)
def test_chart_bad_input_exits_2_with_one_line_and_writes_nothing(
    demo_db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str], argv: list[str], message: str
) -> None:
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    args = [a.replace("{tmp}", str(out_dir)) for a in argv]
    code, out, err = run(capsys, "--db", demo_db, "chart", *args)
    assert (code, out) == (2, "")
    assert err.count("\n") == 1 and message in err
    assert list(out_dir.iterdir()) == []


def test_chart_into_an_unwritable_folder_exits_2_and_keeps_the_old_file(
    demo_db: str,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import tempfile

    out = tmp_path / "chart.png"
    out.write_bytes(b"old chart")

    real_mkstemp = tempfile.mkstemp

    def refused(*args: Any, **kwargs: Any) -> tuple[int, str]:  # root ignores chmod: simulate it
        if Path(kwargs.get("dir") or ".") == out.parent:  # only the chart's folder (not backups)
            raise PermissionError(13, "Permission denied")
        return real_mkstemp(*args, **kwargs)

    monkeypatch.setattr(tempfile, "mkstemp", refused)
    code, _, err = run(capsys, "--db", demo_db, "chart", "DEMO-0001", "profile", "--out", str(out))
    assert code == 2 and err.count("\n") == 1 and "Permission denied" in err
    assert out.read_bytes() == b"old chart"


def test_a_failure_while_drawing_leaves_no_half_file(
    demo_db: str,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from matplotlib.figure import Figure

    def half(self: Figure, fh, **_kwargs: object) -> None:  # type: ignore[no-untyped-def]
        fh.write(b"\x89PNG half")
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(Figure, "savefig", half)
    out = tmp_path / "chart.png"
    code, _, err = run(capsys, "--db", demo_db, "chart", "DEMO-0001", MEASURE, "--out", str(out))
    assert code == 2 and "No space left on device" in err
    assert list(tmp_path.glob("*.png*")) == [] and list(tmp_path.glob(".chart.png*")) == []


def test_chart_help_names_the_summary_charts(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "chart", "--help")
    assert code == 0
    for word in ("profile", "asymmetry", "outcomes", ".png, .svg or .pdf", "MEASURE"):
        assert word in out


def test_the_summary_table_words_every_flag_never_a_raw_code() -> None:
    """`clinically_important`, `cutoff`, `faults` and the rest print as words."""
    from mobileathlete_desktop.commands.summary_cmd import _flags_text
    from mobileathlete_desktop.domain.interpretation import FLAGS

    for flag in FLAGS:
        assert "_" not in _flags_text((flag,)), flag
    assert _flags_text(("improved", "clinically_important")) == "improved, clinically important"
    assert _flags_text(("cutoff",)) == "past reference point"
    assert _flags_text(()) == "—"
