"""The one-page referral letter: to the referring clinician, on the clinic's letterhead, with
the findings, the progress, the plan and how to reach the clinic."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date
from typing import Any

from mobileathlete_desktop.domain.complaint_labels import complaint_label
from mobileathlete_desktop.domain.records import ClientRecord
from mobileathlete_desktop.reports.pdf import (
    ClinicHeader,
    content_width,
    letterhead,
    section_mark,
    short,
    text,
)
from mobileathlete_desktop.reports.summary import (
    NO_PREDICTION,
    FindingLine,
    draft_band,
    findings_table,
    not_signed,
    para,
    reference_note_text,
)
from mobileathlete_desktop.reports.summary_fit import trial_pages
from mobileathlete_desktop.support.i18n import texts
from mobileathlete_desktop.support.sentence_case import in_sentence, lower_first

LETTER_FINDINGS = 4
LETTER_CHANGES = 2


@dataclass(frozen=True)
class ReferralLetter:
    """What a referral letter says (built by services.reports from the summary, in `lang`)."""

    client: ClientRecord
    clinic: ClinicHeader
    generated_on: date
    lang: str = "en"
    visit_dates: tuple[date, ...] = ()
    findings: tuple[FindingLine, ...] = ()
    changes: tuple[str, ...] = ()
    drills: tuple[str, ...] = ()
    plan: str = ""
    next_visit: str = ""
    therapist: str = ""
    drafts: tuple[date, ...] = ()
    """The visits whose assessment is a draft (not signed): the letter says so and offers no
    line to sign on."""
    reference_groups: tuple[tuple[str, str], ...] = ()
    """The groups the norms and reference points of the summary's findings come from
    (source, group); the letter names those its own findings quote."""

    @property
    def visits(self) -> int:
        return len(self.visit_dates)


# Every date of a letter is written out ("August 8, 2026"), the plan's too (services.reports
# builds it in this style).
DATE_STYLE = "long"


def _d(lang: str, on: date) -> str:
    return texts(lang).date(on, DATE_STYLE)


def _right(letter: ReferralLetter) -> list[Any]:
    tr = texts(letter.lang)
    client = letter.client
    lines = [text(_d(letter.lang, letter.generated_on))]
    about = tr.gettext("Re: {name}", name=short(client.full_name))
    lines.append(f"<b>{text(about)}</b>")
    if client.date_of_birth:
        lines.append(text(tr.gettext("Born {date}", date=_d(letter.lang, client.date_of_birth))))
    lines.append(text(tr.gettext("Chart {chart}", chart=client.chart_number)))
    coded = complaint_label(client.complaint_code, letter.lang)
    if coded:  # the complaint as coded; the opening says it in the therapist's words
        lines.append(text(tr.gettext("Presenting complaint: {coded}", coded=coded)))
    return [para("<br/>".join(lines), "small", markup=True)]


def _opening(letter: ReferralLetter) -> str:
    tr = texts(letter.lang)
    client = letter.client
    complaint = (client.complaint or tr.gettext("a running complaint")).rstrip(".")
    complaint = lower_first(complaint)
    if not letter.visit_dates:
        return (
            _thanks(letter, complaint, "")
            + " "
            + tr.gettext("We have not assessed {name} yet.", name=short(client.full_name))
        )
    if letter.visits == 1:
        seen = tr.gettext(
            "We assessed {name} on {date}.",
            name=short(client.given_name or client.full_name),
            date=_d(letter.lang, letter.visit_dates[0]),
        )
    else:
        seen = tr.ngettext(
            "We have seen {name} {count} time, from {first} to {last}.",
            "We have seen {name} {count} times, from {first} to {last}.",
            letter.visits,
            name=short(client.given_name or client.full_name),
            first=_d(letter.lang, letter.visit_dates[0]),
            last=_d(letter.lang, letter.visit_dates[-1]),
        )
    running = ""
    if client.weekly_distance_km:
        km = tr.number(client.weekly_distance_km)
        running = tr.gettext(" ({km} km a week)", km=km)
    return f"{_thanks(letter, complaint, running)} {seen}"


# What a referral typed as "Self-referred" (or "Autoderivada", "Direct access", "None") says:
# the runner came without a referral. Matched in lower case, on the word's start.
_SELF = re.compile(
    r"(self|auto|direct\b|direct access|walk[- ]?in|own\b|none\b|no\b|ning[uú]n|sin derivaci"
    r"|propia iniciativa|iniciativa propia|por su cuenta|acceso directo)",
    re.IGNORECASE,
)


def referral_kind(referral: str) -> str:
    """How the client came: "referred" (a referrer is recorded: "GP", "Coach"), "self" (the
    record says they came on their own: "Self-referred", "Autoderivado", "None") or "none"
    (no referral recorded)."""
    said = referral.strip()
    if not said:
        return "none"
    return "self" if _SELF.match(said) else "referred"


def _thanks(letter: ReferralLetter, complaint: str, running: str) -> str:
    """The letter's first sentence: thanks for the referral when a referrer is recorded; to
    the runner's doctor "for your information" when the client came on their own or the
    referral is not recorded (no thanks for a referral nobody made). Spanish says
    "corredor" or "corredora" by the client's recorded sex, and a phrase without a gendered
    noun when it is not recorded (never "corredor/a" in a letter to a doctor)."""
    tr = texts(letter.lang)
    values = {"name": short(letter.client.full_name), "running": running, "complaint": complaint}
    kind = referral_kind(letter.client.referral or "")
    sex = letter.client.sex
    if kind == "self":
        if sex == "female":
            return tr.pgettext(
                "female client",
                "We are writing for your information about {name}, a runner{running} with "
                "{complaint}, who came to us directly (self-referred).",
                **values,
            )
        if sex == "male":
            return tr.pgettext(
                "male client",
                "We are writing for your information about {name}, a runner{running} with "
                "{complaint}, who came to us directly (self-referred).",
                **values,
            )
        return tr.gettext(
            "We are writing for your information about {name}, a runner{running} with "
            "{complaint}, who came to us directly (self-referred).",
            **values,
        )
    if kind == "none":
        if sex == "female":
            return tr.pgettext(
                "female client",
                "We are writing for your information about {name}, a runner{running} with "
                "{complaint}.",
                **values,
            )
        if sex == "male":
            return tr.pgettext(
                "male client",
                "We are writing for your information about {name}, a runner{running} with "
                "{complaint}.",
                **values,
            )
        return tr.gettext(
            "We are writing for your information about {name}, a runner{running} with {complaint}.",
            **values,
        )
    if sex == "female":
        return tr.pgettext(
            "female client",
            "Thank you for referring {name}, a runner{running} with {complaint}.",
            **values,
        )
    if sex == "male":
        return tr.pgettext(
            "male client",
            "Thank you for referring {name}, a runner{running} with {complaint}.",
            **values,
        )
    return tr.gettext(
        "Thank you for referring {name}, a runner{running} with {complaint}.", **values
    )


def letter_story(letter: ReferralLetter) -> list[Any]:
    """The flowables of one letter, starting with its numbered-section mark."""
    from reportlab.platypus import Spacer

    tr = texts(letter.lang)
    client = letter.client
    band = draft_band(letter.drafts, tr, DATE_STYLE)
    story: list[Any] = [section_mark(f"{client.full_name} ({client.chart_number})", band)]
    story.append(letterhead(letter.clinic, content_width(), right=_right(letter)))
    story.append(Spacer(1, 14))
    referral = client.referral or tr.gettext("not recorded")
    story.append(para(tr.gettext("Referral: {referral}", referral=referral), "small"))
    story.append(Spacer(1, 8))
    story.append(para(tr.gettext("Dear colleague,")))
    story.append(Spacer(1, 6))
    story.append(para(_opening(letter)))
    if letter.findings:
        story.append(Spacer(1, 6))
        if letter.visit_dates and letter.visit_dates[-1] in letter.drafts:
            found = tr.gettext(
                "What we found at the latest visit ({date}; its assessment is a draft, not yet "
                "signed):",
                date=_d(letter.lang, letter.visit_dates[-1]),
            )
        else:
            found = tr.gettext("What we found at the latest visit:")
        story.append(para(found))
        story.append(Spacer(1, 3))
        story.append(findings_table(letter.findings))
    elif letter.visit_dates:
        story.append(Spacer(1, 6))
        story.append(
            para(
                tr.gettext(
                    "At the latest visit no value was below its norm, asymmetric, painful or "
                    "short of its passive range beyond the measurement error."
                )
            )
        )
    if letter.visits >= 2:
        story.append(Spacer(1, 6))
        if letter.changes:
            story.append(para(tr.gettext("Since the first visit:")))
            story += [para(line, "small_bullet") for line in letter.changes]
        else:
            story.append(
                para(
                    tr.gettext(
                        "Since the first visit nothing has changed beyond the measurement "
                        "error or by a clinically important amount."
                    )
                )
            )
    story.append(Spacer(1, 6))
    plan = []
    if letter.drills:
        plan.append(
            tr.ngettext(
                "{name} follows a home program of {count} drill: {drills}.",
                "{name} follows a home program of {count} drills: {drills}.",
                len(letter.drills),
                name=short(client.given_name or client.full_name),
                drills=", ".join(in_sentence(d, letter.lang) for d in letter.drills),
            )
        )
    if letter.plan:
        plan.append(letter.plan)
    if letter.next_visit:
        plan.append(letter.next_visit)
    if plan:
        story.append(para(tr.gettext("Our plan: {plan}", plan=" ".join(plan))))
    story.append(Spacer(1, 6))
    contact = " · ".join(p for p in (letter.clinic.phone, letter.clinic.email) if p)
    if contact:
        story.append(
            para(tr.gettext("Please contact us with any question: {contact}.", contact=contact))
        )
    quoted = " ".join(f.text for f in letter.findings)
    groups = [(source, group) for source, group in letter.reference_groups if source in quoted]
    if groups:
        story.append(para(reference_note_text(groups, tr), "muted"))
    story.append(para(tr.gettext(NO_PREDICTION), "muted"))
    story.append(Spacer(1, 10))
    story.append(para(tr.gettext("Kind regards,")))
    story.append(Spacer(1, 26))
    if letter.drafts:
        # No line to sign on: a letter from a draft is not sent as if it were final.
        story.append(para(not_signed(letter.drafts, tr, DATE_STYLE), "cell_bold"))
    else:
        story.append(para("_" * 34, "small"))
    story.append(para(letter.therapist or "—"))
    if letter.clinic.name:
        story.append(para(short(letter.clinic.name), "small"))
    return story


def fit_letter(letter: ReferralLetter) -> tuple[ReferralLetter, int]:
    """The letter cut down (findings, then changes) until it fits one page."""
    taken = trial_pages(letter_story(letter), letter.lang)
    while taken > 1 and (len(letter.findings) > 1 or letter.changes):
        if letter.changes:
            letter = replace(letter, changes=letter.changes[:-1])
        else:
            letter = replace(letter, findings=letter.findings[:-1])
        taken = trial_pages(letter_story(letter), letter.lang)
    return letter, taken
