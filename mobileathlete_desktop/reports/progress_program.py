"""The full record's last part (split from reports.progress_report): the current home program,
the lines under it (review flags, what the runner was told, the drills the handout holds back)
and the signature, which never stands alone on a page."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from mobileathlete_desktop.reports.pdf import content_width, para, text
from mobileathlete_desktop.reports.summary import not_signed
from mobileathlete_desktop.reports.summary_program import all_held_text, review_lines
from mobileathlete_desktop.support.i18n import texts

if TYPE_CHECKING:
    from mobileathlete_desktop.reports.progress_report import ProgressReport

# A chart at most this tall (points) may move to the next page with a short program and the
# signature, rather than leave them a page of their own.
SMALL_CHART = 460.0


def _signature(report: ProgressReport) -> Any:
    from reportlab.lib.units import mm
    from reportlab.platypus import Table, TableStyle

    tr = texts(report.lang)
    drafts = report.drafts
    data = [
        ["", ""],
        [
            para(tr.gettext("Therapist: {name}", name=report.therapist or "—"), "small"),
            para(not_signed(drafts, tr), "cell_bold")
            if drafts
            else para(tr.gettext("Signature"), "small"),
        ],
    ]
    table = Table(data, colWidths=[content_width() / 2] * 2, rowHeights=[11 * mm, None])
    table.setStyle(
        TableStyle(
            [
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
                # A line to sign on only under a document made from signed assessments.
                *([] if drafts else [("LINEBELOW", (1, 0), (1, 0), 0.6, "#000000")]),
            ]
        )
    )
    return table


def _program_lines(report: ProgressReport) -> list[Any]:
    """The program's drills and the lines under them; without drills, why there are none."""
    tr = texts(report.lang)
    program: list[Any] = []
    if report.program:
        if report.program_title:
            program.append(para(report.program_title, "muted"))
        for i, item in enumerate(report.program, start=1):
            line = f"<b>{i}. {text(item.name)}</b> — {text(item.dosage)}"
            if item.reason:
                line += f"<br/><i>{text(item.reason)}</i>"
            program.append(para(line, "body", markup=True))
    elif report.all_held_back:
        if report.program_title:
            program.append(para(report.program_title, "muted"))
        program.append(para(all_held_text(tr), "body"))
    else:
        program.append(para(tr.gettext("No home program has been saved."), "body"))
    return program + review_lines(report.review, "body")


def program_and_signature(report: ProgressReport, last_chart: Sequence[Any]) -> list[Any]:
    """The program's heading, its lines and the signature, after the report's `last_chart`
    (held back by the caller: it may go over with a short program)."""
    from reportlab.lib.units import mm
    from reportlab.platypus import KeepTogether, Spacer

    tr = texts(report.lang)
    heading = para(tr.gettext("Current home program"), "h1")
    program = _program_lines(report)
    story: list[Any] = []
    # The signature never sits alone on a page: it goes with the last lines of the program
    # (the heading too when the program is short, and then the last chart when it is small,
    # so a short program and the signature do not fill a page of their own).
    tail = 2
    if len(program) <= tail + 1:
        small = sum(getattr(f, "drawHeight", 0) for f in last_chart) < SMALL_CHART
        if not small:
            story += last_chart
        story.append(
            KeepTogether(
                [
                    *(last_chart if small else []),
                    heading,
                    *program,
                    Spacer(1, 3 * mm),
                    _signature(report),
                ]
            )
        )
    else:
        story += last_chart
        # The heading goes over with the program's first lines, never alone at a page's foot.
        story += [KeepTogether([heading, *program[:2]]), *program[2:-tail]]
        story.append(KeepTogether([*program[-tail:], Spacer(1, 3 * mm), _signature(report)]))
    return story
