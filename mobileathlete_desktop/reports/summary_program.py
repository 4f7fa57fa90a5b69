"""The summary's home program section (split from reports.summary): the program's table, the
lines under it (review flags, what the runner was told, the drills the handout holds back) and,
when the handout holds back every drill of the saved program, a sentence saying so rather than
that no program was given. reports.progress_report lists the same lines under its program."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from mobileathlete_desktop.reports.pdf import content_width, text
from mobileathlete_desktop.reports.summary import grid_table, para
from mobileathlete_desktop.support.i18n import Texts

if TYPE_CHECKING:
    from mobileathlete_desktop.reports.summary import DrillLine, SummaryReport


def program_table(program: Sequence[DrillLine], tr: Texts) -> Any:
    """The home program in one table: drill, dose, why; and "done" once a check-in recorded
    the sessions done."""
    from reportlab.lib.units import mm

    done = any(d.done for d in program)
    head = [
        para(tr.gettext("Drill"), "cell_bold"),
        para(tr.gettext("Dose"), "cell_bold"),
        para(tr.gettext("Why"), "cell_bold"),
    ]
    if done:
        head.append(para(tr.gettext("Done at check-in"), "cell_bold"))
    rows = [head]
    for d in program:
        row = [para(d.name, "cell"), para(d.dose, "cell"), para(d.why, "cell")]
        rows.append([*row, para(d.done or "—", "cell")] if done else row)
    done_w = 22 * mm if done else 0
    rest = content_width() - 46 * mm - done_w
    widths = [46 * mm, rest * 0.5, rest * 0.5] + ([done_w] if done else [])
    return grid_table(rows, widths, header=True)


def review_lines(lines: Sequence[str], style: str = "small") -> list[Any]:
    """A program's open review flags, bold in the handout's note colour, one a line."""
    from mobileathlete_desktop.reports.handout_drill import NOTE_COLOUR

    return [
        para(f'<font color="{NOTE_COLOUR}"><b>{text(line)}</b></font>', style, markup=True)
        for line in lines
    ]


def all_held_text(tr: Texts) -> str:
    """What stands for the program when the handout holds back every drill of the saved
    program (the lines under it say which and why): not "no program has been given"."""
    # Translators: on the clinician's summary and full record, in place of the program's
    # drills: the runner's saved program has drills, but every one is held back (for their
    # coded complaint or for pain at the latest assessment); the lines below name them.
    return tr.gettext(
        "The saved home program has no drill to do now: each of its drills is held back (below)."
    )


def program_section(report: SummaryReport, tr: Texts) -> list[Any]:
    """The summary's "Current home program": its title and table (kept together), the lines
    under it and the check-in's adherence; or, without drills, why there are none."""
    from reportlab.platypus import KeepTogether

    program: list[Any] = [para(tr.gettext("Current home program"), "h2")]
    if report.program:
        if report.program_title:
            program.append(para(report.program_title, "muted"))
        program.append(program_table(report.program, tr))
        # The heading and its subtitle never end a page without the table (a program is a
        # few rows: it moves whole to the next page).
        program = [KeepTogether(program)]
        program += review_lines(report.review)
        if report.adherence:
            program.append(para(report.adherence, "muted"))
    elif report.all_held_back:
        if report.program_title:
            program.append(para(report.program_title, "muted"))
        program.append(para(all_held_text(tr), "small"))
        program += review_lines(report.review)  # which drill is held back, and why
    else:
        program.append(para(tr.gettext("No home program has been given yet."), "small"))
        program += review_lines(report.review)
    return program
