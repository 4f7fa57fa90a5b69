"""The three reports a client can get (summary, full record, referral letter) behind one
interface, and the cover page of a combined batch."""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any, BinaryIO

from mobileathlete_desktop.domain.records import ClientRecord
from mobileathlete_desktop.reports.pdf import ClinicHeader, build_document, content_width, short
from mobileathlete_desktop.services.context import ServiceContext
from mobileathlete_desktop.support.i18n import N_, texts
from mobileathlete_desktop.support.languages import language_code

SUMMARY = "summary"
FULL = "full"
LETTER = "letter"
KINDS: tuple[str, ...] = (SUMMARY, FULL, LETTER)

TITLES = {
    SUMMARY: N_("Progress summary"),
    FULL: N_("Progress report: full record"),
    LETTER: N_("Referral letter"),
}


@dataclass(frozen=True)
class Document:
    """One client's report of a kind, ready to lay out, and the pages it takes (0: unknown)."""

    kind: str
    report: Any = field(compare=False)
    client: ClientRecord
    clinic: ClinicHeader
    visits: int
    last_visit: date | None
    lang: str = "en"
    pages: int = 0

    def story(self) -> list[Any]:
        """The flowables of this report."""
        if self.kind == SUMMARY:
            from mobileathlete_desktop.reports.summary import summary_story

            return summary_story(self.report)
        if self.kind == LETTER:
            from mobileathlete_desktop.reports.letter import letter_story

            return letter_story(self.report)
        from mobileathlete_desktop.reports.progress_report import report_story

        return report_story(self.report)


def build_document_for(
    ctx: ServiceContext, client_id: int, kind: str = SUMMARY, lang: str = "en"
) -> Document:
    """One client's report of `kind` in `lang`, its charts too."""
    lang = language_code(lang)
    if kind == SUMMARY:
        from mobileathlete_desktop.reports.summary_fit import fit_summary
        from mobileathlete_desktop.services.reports.summary import build_summary_report

        summary, pages = fit_summary(build_summary_report(ctx, client_id, lang=lang))
        dates = summary.visit_dates
        return Document(
            kind, summary, summary.client, summary.clinic, len(dates), _last(dates), lang, pages
        )
    if kind == LETTER:
        from mobileathlete_desktop.services.reports.letter import build_letter

        letter = build_letter(ctx, client_id, lang=lang)
        dates = letter.visit_dates
        return Document(
            kind, letter, letter.client, letter.clinic, len(dates), _last(dates), lang, 1
        )
    from mobileathlete_desktop.services.reports.progress import build_progress_report

    full = build_progress_report(ctx, client_id, lang=lang)
    dates = tuple(v.date for v in full.visits)
    return Document(FULL, full, full.client, full.clinic, len(dates), _last(dates), lang)


def _last(dates: Sequence[date]) -> date | None:
    return max(dates, default=None)


def _counted(docs: Sequence[Document]) -> list[Document]:
    """The documents with their page counts; one laid out to memory where it is unknown (a
    story of its own: platypus flowables are not laid out twice)."""
    from mobileathlete_desktop.reports.summary_fit import count_pages

    counted = []
    for doc in docs:
        if not doc.pages:
            buffer = io.BytesIO()
            build_document(buffer, doc.story(), title="", author="", footer="", lang=doc.lang)
            doc = replace(doc, pages=count_pages(buffer.getvalue()))
        counted.append(doc)
    return counted


def cover_story(docs: Sequence[Document], label: str, lang: str) -> list[Any]:
    """A batch's cover page: the clinic, the date, and a table of the clients in it with the
    date of the visit reported on and each report's pages."""
    from reportlab.lib.units import mm
    from reportlab.platypus import Spacer

    from mobileathlete_desktop.reports.pdf import letterhead
    from mobileathlete_desktop.reports.summary import grid_table, para

    tr = texts(lang)
    kind = docs[0].kind if docs else SUMMARY
    clinic = docs[0].clinic if docs else ClinicHeader()
    story: list[Any] = [letterhead(clinic, content_width())]
    story.append(Spacer(1, 8))
    story.append(para(tr.gettext(TITLES[kind]), "title"))
    label = _label_words(label, lang)
    total = sum(d.pages for d in docs)
    story.append(
        para(
            tr.ngettext(
                "{count} client, {label}: {pages} pages after this cover.",
                "{count} clients, {label}: {pages} pages after this cover.",
                len(docs),
                label=label,
                pages=total,
            ),
            "muted",
        )
    )
    story.append(Spacer(1, 6))
    head = [
        para(tr.gettext("Chart"), "cell_bold"),
        para(tr.gettext("Client"), "cell_bold"),
        para(tr.gettext("Visit"), "cell_bold"),
        para(tr.gettext("Pages"), "cell_bold"),
        para(tr.gettext("From page"), "cell_bold"),
    ]
    rows: list[list[Any]] = [head]
    start = 2
    for doc in docs:
        visit = tr.date(doc.last_visit, "medium") if doc.last_visit else "—"
        rows.append(
            [
                para(doc.client.chart_number, "cell"),
                para(short(doc.client.full_name), "cell"),
                para(visit, "cell"),
                para(str(doc.pages), "cell"),
                para(str(start), "cell"),
            ]
        )
        start += doc.pages
    rest = content_width() - 96 * mm
    story.append(grid_table(rows, [30 * mm, rest, 28 * mm, 16 * mm, 22 * mm], header=True))
    return story


def _label_words(label: str, lang: str) -> str:
    """A batch label as read: "2026-06-30" → "Jun 30, 2026"; "2026-06-01_2026-06-30" → "Jun
    1, 2026 to Jun 30, 2026"; anything else as given."""
    tr = texts(lang)
    try:
        days = [date.fromisoformat(part) for part in label.split("_")]
    except ValueError:
        return label
    if len(days) == 1:
        return tr.date(days[0], "medium")
    if len(days) == 2:
        return tr.gettext(
            "{first} to {last}",
            first=tr.date(days[0], "medium"),
            last=tr.date(days[1], "medium"),
        )
    return label


def write_documents(out: BinaryIO, docs: Sequence[Document], *, cover: str | None) -> None:
    """Writes the documents into one PDF, each client numbered "Page n of N" on its own; with
    `cover` (the batch's label), a cover page listing them comes first."""
    from reportlab.platypus import PageBreak

    first = docs[0] if docs else None
    lang = first.lang if first else "en"
    story: list[Any] = []
    footer = f"{first.client.full_name} ({first.client.chart_number})" if first else ""
    if cover is not None and first is not None:
        story += cover_story(_counted(docs), cover, lang)
        footer = texts(lang).gettext(TITLES[first.kind]) + " · " + _label_words(cover, lang)
    for doc in docs:
        if story:
            story.append(PageBreak())
        story += doc.story()
    build_document(
        out,
        story,
        title=texts(lang).gettext(TITLES[first.kind if first else SUMMARY]),
        author=first.clinic.name if first else "",
        footer=footer,
        lang=lang,
    )
