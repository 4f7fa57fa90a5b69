"""`mobileathlete summary CHART_NUMBER`: the latest assessment, interpreted value by value.

The table has one row a measure, side and mode (value, norm, flags) with that row's reasons
listed beneath it, wrapped to the terminal. `--json` prints one object with these keys
(stable: scripts may rely on them; new keys may be added, none renamed or removed):

- ``chart_number``, ``name``: the client.
- ``assessment``: ``{"id", "date" (YYYY-MM-DD), "status" ("draft"|"signed"), "kind"}``, or
  ``null`` when the client has no assessments.
- ``age`` (years on the assessment date, or ``null``), ``sex`` (the sex norms were chosen
  for, or ``null``), ``catalogue_version``.
- ``notes``: what is missing or could not be judged, as sentences ("No date of birth
  recorded: …"); empty when nothing is.
- ``rows``: one object a measure, side and mode, in catalogue order, with ``code``,
  ``label``, ``side`` ("left"|"right"|"none"), ``mode`` ("active"|"passive"|"none"),
  ``value`` (number), ``unit``, ``value_text``, ``norm_text`` ("—" without a norm),
  ``flags`` (codes: below_norm, above_norm, asymmetry, control_deficit, improved, worse,
  pain, faults, clinically_important, cutoff) and ``reasons`` (sentences citing the
  catalogue's sources); and the numbers behind the flags:
  ``norm`` (``null`` or ``{"mean", "sd", "sex", "age_min", "age_max", "mode", "position",
  "population", "source", "usual_low", "usual_high", "error", "percent", "flag"}``; flag is
  below|within|above|no_norm|not_judged), ``sides`` (``null`` or ``{"difference", "lsi",
  "threshold", "threshold_kind", "source", "asymmetric"}``), ``gap`` (``null`` or
  ``{"active", "passive", "gap", "error", "source", "control_deficit"}``), ``change``
  (``{"verdict", "previous_value", "previous_date", "delta", "mdc", "source",
  "beyond_error", "clinically_important", "mcid", "mcid_source"}``), ``cutoff`` (``null`` or
  ``{"text", "source"}``), ``faults`` (fault codes) and ``rating``.
- ``fms``: ``{"total", "scores", "asymmetric_tests", "zeroed_by_clearing", "missing"}`` or
  ``null`` when no movement screen was scored.
- ``sources``: source id → full citation, for every source a reason cites.
"""

from __future__ import annotations

import argparse
import shutil
import textwrap
from typing import TYPE_CHECKING, Any

from mobileathlete_desktop.commands.common import (
    EXIT_OK,
    print_json,
    service_context,
)

if TYPE_CHECKING:
    from mobileathlete_desktop.domain.interpretation import (
        AssessmentInterpretation,
        SummaryRow,
    )

FLAG_WORDS = {
    "below_norm": "below norm",
    "above_norm": "above norm",
    "asymmetry": "asymmetry",
    "control_deficit": "control deficit",
    "improved": "improved",
    "worse": "WORSE",
    "pain": "pain",
    "faults": "movement faults",
    "clinically_important": "clinically important",
    "cutoff": "past reference point",
}
REASON_INDENT = "      "


def register(subparsers: Any) -> None:
    """Adds the `summary` subcommand."""
    p = subparsers.add_parser(
        "summary",
        help="the latest assessment of a client, interpreted",
        description="One row a measure, side and mode of the client's latest assessment: "
        "value, norm for age and sex, flags, and the reasons beneath. What is missing (no "
        "date of birth, no assessments) is said, not an error.",
    )
    p.add_argument("chart_number", metavar="CHART_NUMBER")
    p.add_argument(
        "--json",
        action="store_true",
        help="print JSON instead of a table (keys documented in the module's docstring)",
    )
    p.set_defaults(handler=run)


def summary_json(result: AssessmentInterpretation) -> dict[str, Any]:
    """The `--json` structure (see the module docstring for its keys)."""
    from mobileathlete_desktop.domain.interpretation import summary_rows

    full = result.to_json_dict()
    return {
        "chart_number": result.client.chart_number,
        "name": result.client.full_name,
        "assessment": full["assessment"],
        "age": result.age,
        "sex": result.sex,
        "catalogue_version": result.catalogue_version,
        "notes": list(result.notes),
        "rows": [
            {**row.to_json_dict(), **r.figures()}
            for row, r in zip(summary_rows(result), result.rows, strict=True)
        ],
        "fms": full["fms"],
        "sources": dict(result.sources),
    }


def run(args: argparse.Namespace) -> int:
    """Prints the interpreted latest assessment (a table, or JSON with --json)."""
    from mobileathlete_desktop.domain.interpretation import interpret_assessment
    from mobileathlete_desktop.services.assessments import load_history
    from mobileathlete_desktop.services.clients import find_by_chart

    with service_context(args) as ctx:
        client = find_by_chart(ctx, args.chart_number)
        history = load_history(ctx, client.id)
        result = interpret_assessment(history, catalogue=ctx.catalogue)
    if args.json:
        print_json(summary_json(result))
    else:
        print_summary(result)
    return EXIT_OK


def _flags_text(flags: tuple[str, ...]) -> str:
    return ", ".join(FLAG_WORDS.get(f, f) for f in flags) or "—"


def _norm_value(norm_text: str) -> str:
    """The norm itself ("120°"); its age band and source are in the reasons beneath."""
    return norm_text.split(" (", 1)[0]


def print_summary(result: AssessmentInterpretation, width: int | None = None) -> None:
    """The table: a heading, what is missing, then each row with its reasons beneath."""
    from mobileathlete_desktop.domain.interpretation import summary_rows

    width = width or max(60, min(shutil.get_terminal_size((100, 24)).columns, 120))
    client, a = result.client, result.assessment
    print(f"{client.full_name} ({client.chart_number})")
    if a is None:
        print("No assessments recorded yet: nothing to interpret.")
        return
    who = ", ".join(
        part
        for part in (
            f"age {result.age}" if result.age is not None else "age unknown",
            result.sex or "sex not recorded",
        )
        if part
    )
    print(
        f"Assessment {a.date.isoformat()} [{a.status}], {who}; catalogue {result.catalogue_version}"
    )
    for note in result.notes:
        print(textwrap.fill(note, width, initial_indent="Note: ", subsequent_indent="      "))
    rows = summary_rows(result)
    if not rows:
        print("This assessment holds no values yet.")
        return
    print()
    _print_rows(rows, width)
    if result.sources:
        print()
        print("Sources:")
        for key, citation in result.sources.items():
            print(
                textwrap.fill(
                    f"{key}: {citation}", width, initial_indent="  ", subsequent_indent="    "
                )
            )


def _print_rows(rows: list[SummaryRow], width: int) -> None:
    headers = ["measure", "side", "mode", "value", "norm", "flags"]
    cells = [
        [
            r.label,
            "" if r.side == "none" else r.side,
            "" if r.mode == "none" else r.mode,
            r.value_text,
            _norm_value(r.norm_text),
            _flags_text(r.flags),
        ]
        for r in rows
    ]
    widths = [max(len(h), *(len(c[i]) for c in cells)) for i, h in enumerate(headers)]
    print("  ".join(h.ljust(w) for h, w in zip(headers, widths, strict=True)).rstrip())
    print("  ".join("-" * w for w in widths))
    for row, line in zip(rows, cells, strict=True):
        print("  ".join(c.ljust(w) for c, w in zip(line, widths, strict=True)).rstrip())
        for reason in row.reasons:
            print(
                textwrap.fill(
                    reason,
                    width,
                    initial_indent=REASON_INDENT + "· ",
                    subsequent_indent=REASON_INDENT + "  ",
                )
            )
