"""Doses in words and in minutes (worked cases, English and Spanish), days a week, tracker
boxes and program codes."""

from __future__ import annotations

import pytest

from mobileathlete_desktop.domain.programs import (
    CODE_ALPHABET,
    ProgramItemRecord,
    ProgramTime,
    dosage_text,
    load_text,
    normalize_code,
    program_code,
    program_time,
    session_seconds,
    sessions_from_text,
    shown_code,
    time_text,
    tracker_boxes,
)

BAND_WALK = ProgramItemRecord(
    "control.lateral_band_walk",
    sets=3,
    distance_m=10,
    rest_s=30,
    load="red band",
    sessions_per_week=3,
)
SQUAT = ProgramItemRecord(
    "strength.split_squat",
    sets=3,
    reps=8,
    hold_s=2,
    per_side=True,
    tempo="3-1-1",
    rest_s=60,
    sessions_per_week=7,
)
BALANCE = ProgramItemRecord(
    "control.single_leg_balance", sets=3, hold_s=30, per_side=True, rest_s=15, frequency="daily"
)
PLANK = ProgramItemRecord("strength.plank", sets=2, duration_s=90, frequency="twice a week")


@pytest.mark.parametrize(
    ("item", "lang", "words"),
    [
        (BAND_WALK, "en", "3 sets × 10 m, red band, rest 30 s between sets — 3 times a week"),
        (
            BAND_WALK,
            "es",
            "3 series × 10 m, banda elástica roja, descansa 30 s entre series — 3 veces por semana",
        ),
        (
            SQUAT,
            "en",
            "3 sets × 8 reps, hold 2 s, each side, tempo 3-1-1, rest 1 min between sets — daily",
        ),
        (
            SQUAT,
            "es",
            "3 series × 8 repeticiones, mantén 2 s por lado, ritmo 3-1-1, descansa 1 min entre "
            "series — a diario",
        ),
        (PLANK, "en", "2 sets × 1 min 30 s — twice a week"),
        (PLANK, "es", "2 series × 1 min 30 s — 2 veces por semana"),
        # One set: no "between sets"; a distance beside reps says "over".
        (
            ProgramItemRecord("a", sets=1, reps=10, distance_m=20, rest_s=45),
            "en",
            "1 set × 10 reps, over 20 m, rest 45 s",
        ),
        (
            ProgramItemRecord("a", sets=1, reps=10, distance_m=20, rest_s=45),
            "es",
            "1 serie × 10 repeticiones, en 20 m, descansa 45 s",
        ),
    ],
)
def test_a_dose_reads_as_a_dose(item: ProgramItemRecord, lang: str, words: str) -> None:
    assert dosage_text(item, lang) == words


@pytest.mark.parametrize(
    ("typed", "spanish"),
    [
        # The words a clinic types for what a drill works against, said as a runner reads
        # them in Spanish (the review's Spanish handout printed "red band", "body weight").
        ("red band", "banda elástica roja"),
        ("Yellow band", "banda elástica amarilla"),
        ("green band", "banda elástica verde"),
        ("blue band", "banda elástica azul"),
        ("black band", "banda elástica negra"),
        ("heavy band", "banda elástica fuerte"),
        ("mini band", "banda elástica pequeña (liga)"),
        ("body weight", "peso corporal"),
        ("bodyweight", "peso corporal"),
        ("light dumbbell", "mancuerna ligera"),
        ("kettlebell", "pesa rusa"),
        ("loaded backpack", "mochila con peso"),
        ("low step", "escalón bajo"),
        # An amount keeps its number and unit as typed.
        ("5 kg dumbbell", "mancuerna de 5 kg"),
        ("2.5kg dumbbells", "mancuernas de 2.5kg"),
        ("8 kg kettlebell", "pesa rusa de 8 kg"),
        ("kettlebell 12 kg", "pesa rusa de 12 kg"),
        ("10 kg backpack", "mochila con 10 kg"),
        ("20 cm step", "escalón de 20 cm"),
        ("step height 15 cm", "escalón de 15 cm de altura"),
        # Several pieces are said one by one, the separators as typed.
        ("red band, 2 kg each hand", "banda elástica roja, 2 kg en cada mano"),
        ("green band + 5 kg", "banda elástica verde + 5 kg"),
        # Anything the program does not know stays as typed: a number and unit, a brand.
        ("5 kg", "5 kg"),
        ("Thera-Band gold", "Thera-Band gold"),
        ("2 x 4 kg, slow", "2 x 4 kg, slow"),
    ],
)
def test_a_typed_load_reads_in_the_handouts_language(typed: str, spanish: str) -> None:
    assert load_text(typed, "es") == spanish
    item = ProgramItemRecord("a", sets=2, reps=10, load=typed)
    assert dosage_text(item, "es") == f"2 series × 10 repeticiones, {spanish}"
    # Typed in Spanish, an English handout says it in English; English stays as typed.
    assert load_text(typed, "en") == typed
    if spanish != typed:
        back = load_text(spanish, "en")
        assert back != spanish and load_text(back, "es") == spanish


def test_the_days_a_week_and_the_frequency_note_read_together() -> None:
    runs = ProgramItemRecord("a", sets=2, reps=10, frequency="before runs", sessions_per_week=3)
    assert dosage_text(runs) == "2 sets × 10 reps — 3 times a week, before runs"
    assert (
        dosage_text(runs, "es")
        == "2 series × 10 repeticiones — 3 veces por semana, antes de correr"
    )
    # Older words that say another number give way to the days set in the builder.
    changed = ProgramItemRecord("a", sets=2, reps=10, frequency="twice a week", sessions_per_week=4)
    assert dosage_text(changed) == "2 sets × 10 reps — 4 times a week"
    # Words that say the same number are kept as written ("2–3" stays a range).
    ranged = ProgramItemRecord(
        "a", sets=2, reps=10, frequency="2–3 times a week", sessions_per_week=3
    )
    assert dosage_text(ranged) == "2 sets × 10 reps — 2–3 times a week"


@pytest.mark.parametrize(
    ("item", "seconds"),
    [
        # 10 reps × 3 s = 30 s a set, × 2 sides = 60 s; 3 sets = 180 s + 2 rests of 30 s.
        (ProgramItemRecord("a", sets=3, reps=10, per_side=True, rest_s=30), 240),
        # Tempo 3-1-1 is 5 s a rep, plus a 2 s hold: 8 × 7 = 56 s, × 2 sides = 112 s;
        # 3 sets = 336 s + 2 rests of 60 s.
        (SQUAT, 456),
        # 10 m at 1 s a metre; 3 sets = 30 s + 2 rests of 30 s.
        (BAND_WALK, 90),
        # A 30 s hold on each side: 60 s a set; 3 sets + 2 rests of 15 s.
        (BALANCE, 210),
        # No rest given: 30 s between sets.
        (PLANK, 90 + 90 + 30),
        # Nothing to time: nothing counted.
        (ProgramItemRecord("a", sets=3), 0),
    ],
)
def test_minutes_a_drill_takes(item: ProgramItemRecord, seconds: int) -> None:
    assert session_seconds(item) == seconds


def test_minutes_a_session_and_a_week() -> None:
    time = program_time([BAND_WALK, SQUAT, BALANCE])
    # Session: 90 + 456 + 210 = 756 s, 12.6 -> 13 min. Week: 90×3 + 456×7 + 210×7 = 4932 s.
    assert time == ProgramTime(session_min=13, week_min=83)
    # Said as a clinician says them: 83 minutes a week is "about 85".
    assert time_text(time) == "About 13 minutes a session, about 85 minutes a week"
    assert time_text(time, "es") == "Unos 13 minutos por sesión, unos 85 minutos por semana"
    # A drill "before runs" has no days a week: the week is a floor.
    runs = ProgramItemRecord("a", sets=1, reps=20, frequency="before runs")
    floor = program_time([BAND_WALK, runs])
    assert floor.week_unknown == 1 and floor.week_min == 5  # 90 × 3 s
    assert time_text(floor) == "About 3 minutes a session, at least 5 minutes a week"
    assert time_text(floor, "es") == "Unos 3 minutos por sesión, al menos 5 minutos por semana"
    # "At least" rounds down (41 minutes is at least 40, not "at least 41" nor 45).
    assert (
        time_text(ProgramTime(8, 41, 1)) == "About 8 minutes a session, at least 40 minutes a week"
    )
    assert time_text(ProgramTime(8, 41, 1), "es") == (
        "Unos 8 minutos por sesión, al menos 40 minutos por semana"
    )
    assert time_text(ProgramTime(6, 41)) == "About 6 minutes a session, about 40 minutes a week"
    assert time_text(ProgramTime(22, 154)) == (
        "About 20 minutes a session, about 150 minutes a week"
    )


@pytest.mark.parametrize(
    ("text", "days"),
    [
        ("3 times a week", 3),
        ("3 veces por semana", 3),
        ("2–3 times a week", 3),
        ("2 o 3 veces por semana", 3),
        ("daily", 7),
        ("a diario", 7),
        ("twice a day", 7),
        ("every other day", 4),
        ("once a week", 1),
        ("before runs, twice a week", 2),
        ("before every run", None),
        ("after the school run", None),
        ("", None),
    ],
)
def test_days_a_week_from_words(text: str, days: int | None) -> None:
    assert sessions_from_text(text) == days


@pytest.mark.parametrize(
    ("item", "boxes"),
    [
        (ProgramItemRecord("a", frequency="3 times a week"), 3),
        (ProgramItemRecord("a", frequency="daily"), 7),
        (ProgramItemRecord("a", frequency="2–3 times a week"), 3),
        (ProgramItemRecord("a", frequency="before every run"), 7),
        (ProgramItemRecord("a", frequency="daily", sessions_per_week=2), 2),
        (ProgramItemRecord("a", sessions_per_week=1), 1),
    ],
)
def test_tracker_boxes_follow_the_prescription(item: ProgramItemRecord, boxes: int) -> None:
    assert tracker_boxes(item) == boxes


def test_program_codes_are_unique_unambiguous_and_read_back() -> None:
    codes = [program_code(i) for i in range(1, 200_001)]
    assert len(set(codes)) == len(codes)
    assert all(len(c) == 6 and set(c) <= set(CODE_ALPHABET) for c in codes[:1000])
    assert not set(CODE_ALPHABET) & set("0O1IL2Z5S8BGUV")
    # Neighbouring programs do not look alike.
    assert sum(a == b for a, b in zip(codes[0], codes[1], strict=True)) <= 2
    code = program_code(12345)
    assert normalize_code(shown_code(code).lower()) == code
    assert normalize_code(f" {code[:3]} {code[3:]} ") == code
    assert normalize_code("ABC-DE0") is None and normalize_code("ABCD") is None
    with pytest.raises(ValueError):
        program_code(0)
