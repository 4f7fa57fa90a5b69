"""The referral letter of a client: the summary's findings, progress and plan, in a letter."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from mobileathlete_desktop.reports.letter import (
    DATE_STYLE,
    LETTER_CHANGES,
    LETTER_FINDINGS,
    ReferralLetter,
    fit_letter,
)
from mobileathlete_desktop.reports.summary import FindingLine
from mobileathlete_desktop.services.context import ServiceContext
from mobileathlete_desktop.services.reports.summary import build_summary_report


def build_letter(
    ctx: ServiceContext, client_id: int, *, lang: str = "en", today: date | None = None
) -> ReferralLetter:
    """A one-page letter to the referring clinician, from the same findings as the summary
    (`domain.interpretation.highlights`), cut to fit the page."""
    summary = build_summary_report(
        ctx, client_id, lang=lang, today=today, charts=False, date_style=DATE_STYLE
    )
    letter = ReferralLetter(
        client=summary.client,
        clinic=summary.clinic,
        generated_on=summary.generated_on,
        lang=summary.lang,
        visit_dates=summary.visit_dates,
        findings=tuple(_one_of_each_kind_first(summary.findings, LETTER_FINDINGS)),
        changes=summary.since_first[:LETTER_CHANGES],
        drills=tuple(d.name for d in summary.program),
        plan=summary.plan,
        # A discharge while the program is flagged for review says the flag is open.
        next_visit=" ".join(p for p in (summary.next_visit, summary.discharge_warning) if p),
        therapist=summary.therapist,
        drafts=summary.drafts,
        reference_groups=summary.reference_groups,
    )
    return fit_letter(letter)[0]


def _one_of_each_kind_first(findings: Sequence[FindingLine], limit: int) -> list[FindingLine]:
    """At most `limit` findings, the first of every kind before a second of any, in the
    summary's ranked order (four control deficits must not hide the pain)."""
    chosen: list[FindingLine] = []
    kinds: set[str] = set()
    for finding in findings:
        if finding.kind not in kinds and len(chosen) < limit:
            chosen.append(finding)
            kinds.add(finding.kind)
    for finding in findings:
        if len(chosen) >= limit:
            break
        if finding not in chosen:
            chosen.append(finding)
    return [f for f in findings if f in chosen]
