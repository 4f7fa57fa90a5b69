"""How a measure prints a value and a figure worked out from readings (a measurement error, a
difference): one rounding rule, the measure's own recording precision, and "1 rep", not
"1 reps", in English and Spanish."""

from __future__ import annotations

import pytest

from mobileathlete_desktop.domain.catalogue import default_catalogue
from mobileathlete_desktop.domain.interpretation.changes import difference_words

CAT = default_catalogue()


@pytest.mark.parametrize(
    ("code", "value", "shown"),
    [
        ("calf.heel_rise", 1, "1 rep"),
        ("calf.heel_rise", 2, "2 reps"),
        ("calf.heel_rise", 0, "0 reps"),
        ("nprs", 1, "1 point"),
        ("nprs", 3, "3 points"),
        ("hop.triple", 1, "1 cm"),
        ("thomas.hip_extension", -5, "-5°"),
    ],
)
def test_a_value_says_its_unit_singular_for_one(code: str, value: float, shown: str) -> None:
    assert CAT[code].format_value(value) == shown


@pytest.mark.parametrize(
    ("code", "shown"),
    [
        # SEM 17.74 cm x 1.96 x sqrt 2 = 49.17 cm: one decimal, never hundredths of a cm.
        ("hop.triple", "49.2 cm"),
        # SEM 0.06 s x 1.96 x sqrt 2 = 0.166 s: a stopwatch time to hundredths.
        ("hop.timed_6m", "0.17 s"),
        # Published MDC 1.9 cm (one clinician), the lunge recorded to half centimetres: kept.
        ("wblt.distance", "1.9 cm"),
    ],
)
def test_an_error_figure_is_rounded_as_the_measure_is_recorded(code: str, shown: str) -> None:
    measure = CAT[code]
    error = measure.error_for()
    assert error is not None and error.smallest_real_change is not None
    assert measure.format_figure(error.smallest_real_change) == shown
    assert difference_words(measure, error.smallest_real_change) == shown


@pytest.mark.parametrize(
    ("lang", "one", "two"), [("en", "1 rep", "2 reps"), ("es", "1 repetición", "2 repeticiones")]
)
def test_a_difference_of_one_rep_is_singular_in_both_languages(
    lang: str, one: str, two: str
) -> None:
    heel_rise = CAT["calf.heel_rise"]
    assert difference_words(heel_rise, 1, lang) == one
    assert difference_words(heel_rise, 2, lang) == two


def test_an_error_weighed_against_a_figure_never_looks_equal_to_it() -> None:
    """Worded in a reason, an error keeps a decimal more where the rounding would make it read
    the same as the gap or change it is weighed against: a 5° gap "more than the 4.96°
    measurement error", not "more than the 5° error"; otherwise to one decimal."""
    from mobileathlete_desktop.domain.interpretation.wording import error_words

    knee = CAT["knee.flexion"]
    assert error_words(knee, 4.96, 5) == "4.96°"
    assert error_words(knee, 4.96, -5) == "4.96°"  # a change down is weighed by its size
    assert error_words(knee, 4.96, 6) == "5°"
    assert error_words(knee, 8.6, 12) == "8.6°"  # Gradoz 2018's MDC as published
    assert error_words(CAT["hop.triple"], 49.17, 60) == "49.2 cm"


def test_a_change_s_error_keeps_a_decimal_where_it_would_read_as_the_change() -> None:
    """The report's and the summary's change lines weigh a change against its error: a hop LSI
    up 15.5 points against Reid 2007's 15.49 is beyond '15.49 percentage points', not beyond
    '15.5' (which reads as the change itself); a knee change of 5° against 4.96°, 4.96°."""
    lsi = CAT["hop.single.lsi"]
    assert difference_words(lsi, 15.49) == "15.5 percentage points"
    assert difference_words(lsi, 15.49, beside=15.5) == "15.49 percentage points"
    assert difference_words(lsi, 15.49, beside=-20.1) == "15.5 percentage points"
    assert difference_words(CAT["knee.flexion"], 4.96, beside=-5) == "4.96°"
    assert difference_words(CAT["knee.flexion"], 4.96, beside=12) == "5°"
