"""`mobileathlete program CHART_NUMBER`: the home program the client's handout would use.

The program is chosen exactly as the handout chooses it (`services.reports.handout_program`):
the program given with ``--program``, else the client's latest saved program, else the one
recommended from the latest assessment (not saved). One row a drill: code, name, category
and dosage as the handout prints it, with the drill's targets and the reason beneath.
Warnings (no assessment, nothing flagged, a drill missing from the library) go to stderr.

`--json` prints one object with these keys (stable: scripts may rely on them; new keys may
be added, none renamed or removed):

- ``chart_number``, ``name``: the client.
- ``kind``: ``"saved"`` (a program stored for this client, or a template given with
  ``--program``) or ``"recommended"`` (worked out now from the latest assessment, not saved).
- ``program``: ``{"id" (null when recommended), "title", "date" (YYYY-MM-DD or null),
  "therapist", "assessment_id" (the assessment it was built on, or null), "is_template",
  "notes", "summary", "code" (the program code printed on the handout, "" when unsaved or a
  template), "weeks" (weeks the handout's tracker covers), "minutes_per_session",
  "minutes_per_week" (estimates from the doses; see domain.programs.session_seconds)}``.
- ``lang``: ``"en"`` or ``"es"``, the handout's language: drill names, dosage words and the
  notes of a recommended program. A recommended drill's reason is for the therapist and is
  always English (the finding it quotes comes from the interpretation, in English).
- ``drills``: in program order, each ``{"position" (1, 2, …), "code", "name", "category"
  ("mobility"|"control"|"strength"|"running"|"stretch", or "" when the drill is not in the
  library), "regions" (list), "targets" (list: catalogue measure codes and "deficit:…" /
  "fault:…" tags), "dosage" (the handout's words, e.g. "3 sets × 10 reps, each side — daily"),
  "sets", "reps", "hold_s", "distance_m", "duration_s", "rest_s" (numbers or null),
  "per_side" (bool), "load", "tempo" (text as typed), "sessions_per_week" (days a week, or
  null when the frequency does not say), "frequency" (text),
  "reason" (why it was chosen, in English: a check-in's said from its code; may be ""),
  "notes" (the therapist's note; may be ""), "in_library" (bool), "finding" (the finding of
  the latest assessment it answers, by the rule the summary's Why column uses, in English:
  "Restriction: First MTP (hallux) extension, right", or "<category>: no finding at this
  assessment calls for it"; "" for a drill not in the library)}``.
- ``findings``: the latest assessment's findings, ranked as the summary ranks them, each
  ``{"kind" ("control_deficit"|"pain"|"restriction"|"asymmetry"|"faults"|"cutoff"), "title",
  "code", "side", "text" (the summary's sentence), "drills" (the codes of this program's
  drills that answer it, in program order), "why_not" ("" when answered, else "pain",
  "context", "held_back", "held_back_complaint" (the client's coded complaint holds back the
  drills best suited to it), "hands_on" or "not_in_program"), "answer" (said: "Home program:
  Toe yoga, Big-toe rocks." or why none, English)}``; empty before any assessment.
- ``warnings``: sentences, as printed on stderr; empty when there are none.
- ``review``: the drills a check-in flagged the program for review for (pain or difficulty
  above 5/10, or rising: the client's handout asks them to call before the next exercises),
  each ``{"drill" (library code), "name" (in ``lang``), "pain" (0-10), "was" (the figure
  before, for a rise, else null), "date" (the check-in's, YYYY-MM-DD or null), "in_program"
  (bool: false when held back or swapped), "text" ("Flagged for review: Bird dog 6/10 at the
  check-in of 2026-10-10", English)}``; empty when the program is not flagged. The table
  prints each ``text`` under the program's heading.

Exit codes: 0 the program was shown; 2 unknown chart number or program, a program of another
client, or bad usage (a message on stderr); 1 anything else. Showing the program is recorded
in the audit trail (``program.view``).
"""

from __future__ import annotations

import argparse
import shutil
import sys
import textwrap
from typing import TYPE_CHECKING, Any

from mobileathlete_desktop.commands.common import EXIT_OK, print_json, service_context
from mobileathlete_desktop.support.languages import SUPPORTED_LANGUAGES

if TYPE_CHECKING:
    from mobileathlete_desktop.domain.report_findings import ProgramFindings
    from mobileathlete_desktop.services.reports import ProgramListing
    from mobileathlete_desktop.services.reports.handouts import ProgramDrill

DETAIL_INDENT = "      "
ISO_DATE = "yyyy-MM-dd"


def register(subparsers: Any) -> None:
    """Adds the `program` subcommand."""
    p = subparsers.add_parser(
        "program",
        help="the home program a client's handout would use (saved, else recommended)",
        description="Shows the drills of the program `mobileathlete handout` would print: "
        "the given program, else the client's latest saved one, else the one recommended from "
        "the latest assessment. Each drill with its code, name, category, dosage, targets and "
        "the reason it was chosen.",
    )
    p.add_argument("chart_number", metavar="CHART_NUMBER")
    p.add_argument("--program", type=int, metavar="ID", help="a saved program's id")
    p.add_argument(
        "--lang",
        choices=SUPPORTED_LANGUAGES,
        default="en",
        help="the handout's language for drill names, dosage words and client notes "
        "(default: en); the reasons, for the therapist, stay in English",
    )
    p.add_argument(
        "--json",
        action="store_true",
        help="print JSON instead of a table (keys documented in `program_cmd`'s docstring)",
    )
    p.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    """Prints the program (a table, or JSON with --json); warnings go to stderr."""
    from mobileathlete_desktop.services.clients import find_by_chart
    from mobileathlete_desktop.services.reports import program_listing
    from mobileathlete_desktop.services.reports.program_findings import listing_findings

    with service_context(args) as ctx:
        client = find_by_chart(ctx, args.chart_number)
        listing = program_listing(ctx, client.id, program_id=args.program, lang=args.lang)
        codes = [d.code for d in listing.drills]
        found = listing_findings(ctx, client.id, codes)
    for warning in listing.warnings:
        print(f"mobileathlete: warning: {warning}", file=sys.stderr)
    if args.json:
        print_json(program_json(listing, found))
    else:
        print_program(listing, found=found)
    return EXIT_OK


def program_json(listing: ProgramListing, found: ProgramFindings | None = None) -> dict[str, Any]:
    """The `--json` structure (see the module docstring for its keys); `found`: the latest
    assessment's findings lined up with the drills (services.reports.program_findings)."""
    from mobileathlete_desktop.domain.report_findings import ProgramFindings

    found = found if found is not None else ProgramFindings()
    from mobileathlete_desktop.domain.checkin_reasons import reason_text, summary_text
    from mobileathlete_desktop.domain.programs import DEFAULT_WEEKS, program_time, sessions_of

    program = listing.program
    minutes = program_time(program.items)
    return {
        "chart_number": listing.chart_number,
        "name": listing.client_name,
        "kind": "recommended" if program.recommended else "saved",
        "program": {
            "id": program.id,
            "title": program.title,
            "date": program.date.isoformat() if program.date else None,
            "therapist": program.therapist,
            "assessment_id": program.assessment_id,
            "is_template": program.is_template,
            "notes": program.notes,
            "summary": summary_text(program.summary, "en"),
            "code": program.code,
            "weeks": program.weeks or DEFAULT_WEEKS,
            "minutes_per_session": minutes.session_min,
            "minutes_per_week": minutes.week_min,
        },
        "lang": listing.lang,
        "drills": [
            {
                "position": d.position,
                "code": d.code,
                "name": d.name,
                "category": d.category,
                "regions": list(d.regions),
                "targets": list(d.targets),
                "dosage": d.dosage,
                "sets": d.item.sets,
                "reps": d.item.reps,
                "hold_s": d.item.hold_s,
                "distance_m": d.item.distance_m,
                "duration_s": d.item.duration_s,
                "rest_s": d.item.rest_s,
                "per_side": d.item.per_side,
                "load": d.item.load,
                "tempo": d.item.tempo,
                "sessions_per_week": sessions_of(d.item),
                "frequency": d.item.frequency,
                "reason": reason_text(d.item.reason, "en"),
                "notes": d.item.notes,
                "in_library": d.in_library,
                "finding": _finding_words(found, d),
            }
            for d in listing.drills
        ],
        "findings": [
            {
                "kind": a.finding.kind,
                "title": a.finding.title("en"),
                "code": a.finding.code,
                "side": a.finding.side,
                "text": a.finding.text,
                "drills": list(a.drills),
                "why_not": a.why_not,
                "answer": a.words("en", {d.code: d.name for d in listing.drills}),
            }
            for a in found.findings
        ],
        "warnings": list(listing.warnings),
        "review": _review_json(listing),
    }


def _finding_words(found: ProgramFindings, drill: ProgramDrill) -> str:
    """The finding a drill answers, in English (domain.report_findings.program_findings)."""
    from mobileathlete_desktop.services.reports.summary import CATEGORY_WHY

    if not drill.in_library:
        return ""
    category = CATEGORY_WHY.get(drill.category, drill.category)
    return found.for_drill(drill.code).words("en", category=category)


def _review_json(listing: ProgramListing) -> list[dict[str, Any]]:
    from mobileathlete_desktop.domain.checkin_reasons import drill_name
    from mobileathlete_desktop.services.programs import exercise_library
    from mobileathlete_desktop.services.reports.review import flag_lines

    library = exercise_library()
    said = flag_lines(listing.review, "en", library, ISO_DATE)
    return [
        {
            "drill": flag.code,
            "name": drill_name(flag.code, library, listing.lang),
            "pain": flag.pain,
            "was": flag.was,
            "date": flag.on.isoformat() if flag.on else None,
            "in_program": flag.in_program,
            "text": text,
        }
        for flag, text in zip(listing.review, said, strict=True)
    ]


def _review_text(listing: ProgramListing, width: int) -> None:
    """The program's review flags under its heading, then what the client was told."""
    from mobileathlete_desktop.services.programs import exercise_library
    from mobileathlete_desktop.services.reports.review import flag_lines, told_to_call

    if not listing.review:
        return
    for line in flag_lines(listing.review, "en", exercise_library(), ISO_DATE):
        print(textwrap.fill(f"! {line}", width, subsequent_indent="  "))
    print(textwrap.fill(told_to_call("en"), width, initial_indent="  ", subsequent_indent="  "))


def _heading(listing: ProgramListing) -> str:
    program = listing.program
    if program.recommended:
        return (
            "Recommended program (not saved): worked out from the latest assessment, "
            "as the handout would print it until a program is saved"
        )
    what = "Template" if program.is_template else "Saved program"
    parts = [f"{what} {program.title or 'Home program'!r}"]
    if program.id is not None:
        parts.append(f"id {program.id}")
    if program.date:
        parts.append(program.date.isoformat())
    if program.therapist:
        parts.append(f"by {program.therapist}")
    return ", ".join(parts)


def print_program(
    listing: ProgramListing, width: int | None = None, found: ProgramFindings | None = None
) -> None:
    """The table: the client, which program, then each drill with its details beneath (the
    finding it answers, from `found`)."""
    from mobileathlete_desktop.domain.checkin_reasons import reason_text
    from mobileathlete_desktop.domain.report_findings import ProgramFindings

    found = found if found is not None else ProgramFindings()

    width = width or max(60, min(shutil.get_terminal_size((100, 24)).columns, 120))
    print(f"{listing.client_name} ({listing.chart_number})")
    print(textwrap.fill(_heading(listing), width, subsequent_indent="  "))
    if listing.drills:
        from mobileathlete_desktop.domain.programs import program_time, shown_code, time_text

        took = time_text(program_time(listing.program.items), "en")
        if listing.program.code:
            took += f" · program code {shown_code(listing.program.code)}"
        print(textwrap.fill(took, width, subsequent_indent="  "))
    _review_text(listing, width)
    if not listing.drills:
        print("The program has no drills.")
        return
    print()
    headers = ["#", "code", "name", "category", "dosage"]
    cells = [
        [str(d.position), d.code, d.name, d.category or "—", d.dosage or "—"]
        for d in listing.drills
    ]
    widths = [max(len(h), *(len(c[i]) for c in cells)) for i, h in enumerate(headers)]
    print("  ".join(h.ljust(w) for h, w in zip(headers, widths, strict=True)).rstrip())
    print("  ".join("-" * w for w in widths))
    for drill, line in zip(listing.drills, cells, strict=True):
        print("  ".join(c.ljust(w) for c, w in zip(line, widths, strict=True)).rstrip())
        details = []
        if drill.targets:
            details.append(f"targets: {', '.join(drill.targets)}")
        elif not drill.in_library:
            details.append("not in the exercise library")
        if drill.item.reason:
            details.append(f"why: {reason_text(drill.item.reason, 'en')}")
        if _finding_words(found, drill):
            details.append(f"finding: {_finding_words(found, drill)}")
        if drill.item.notes:
            details.append(f"note: {drill.item.notes}")
        for detail in details:
            print(
                textwrap.fill(
                    detail,
                    width,
                    initial_indent=DETAIL_INDENT + "· ",
                    subsequent_indent=DETAIL_INDENT + "  ",
                )
            )
    _findings_text(listing, found, width)


def _findings_text(listing: ProgramListing, found: ProgramFindings, width: int) -> None:
    """The latest assessment's findings under the drills, each with the drills that answer
    it or why none does (the summary's words, domain.report_findings)."""
    if not found.findings:
        return
    names = {d.code: d.name for d in listing.drills}
    print()
    print("Findings of the latest assessment and this program:")
    for a in found.findings:
        where = a.finding.name or a.finding.code
        more = len(a.finding.covers()) - 1
        if more:
            where += f" and {more} more"
        said = f"{a.finding.title('en')}: {where}. {a.words('en', names)}"
        print(textwrap.fill(said, width, initial_indent="- ", subsequent_indent="  "))
