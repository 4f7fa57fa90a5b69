"""The audit trail in words: one sentence an admin can read for each event code."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from mobileathlete_desktop.domain.catalogue import Catalogue

PLAIN_ACTIONS = {
    "signin": "signed in",
    "unlock": "unlocked the screen",
    "signout": "signed out",
    "session.lock": "locked the screen",
    "client.open": "opened the record",
    "client.archive": "archived the client",
    "client.unarchive": "brought the client back from the archive",
    "program.view": "looked at the home program",
    "program.save": "saved a home program",
    "template.save": "saved a program template",
    "template.delete": "deleted a program template",
    "handout.print": "printed or saved a home-program handout",
    "report.print": "printed or saved a progress report",
    "chart.export": "saved a chart",
    "data.export": "exported measurements",
    "data.import": "imported a file",
    "data.move": "copied the clinic to a server",
    "demo.create": "created the demo clinic",
    "database.encrypt": "made an encrypted copy of the clinic",
    "backup.create": "made a backup",
    "backup.daily": "made the daily backup",
    "backup.restore": "restored a backup",
    "settings.backup_folder": "chose the backup folder",
    "settings.clinic": "changed the clinic's letterhead or paper size",
    "audit.read": "read the audit trail",
    "audit.export": "exported the audit trail",
    "user.create": "created an account",
    "user.deactivate": "deactivated an account",
    "user.reactivate": "reactivated an account",
    "user.unlock": "lifted an account's lock-out",
    "user.password_reset": "reset a password",
    "user.password_change": "changed their password",
    "exercise.image_set": "put the clinic's own picture on a drill",
    "exercise.image_cleared": "took the clinic's picture off a drill",
}


@dataclass(frozen=True)
class EventFacts:
    """What a sentence may need beyond the event: names and dates looked up once per list."""

    catalogue: Catalogue
    assessment_dates: Mapping[int, date]


def _measure(facts: EventFacts, code: Any) -> tuple[str, str]:
    """A measure's label as in running text ("hip flexion") and its unit ("°", " cm")."""
    code = str(code or "")
    if code not in facts.catalogue:
        return code, ""
    measure = facts.catalogue[code]
    label = measure.label
    if len(label) > 1 and label[1].islower():
        label = label[0].lower() + label[1:]
    unit = measure.unit_label
    return label, (unit if unit in ("°", "%") or not unit else f" {unit}")


def _number(value: Any, unit: str) -> str:
    if isinstance(value, int | float):
        return f"{value:g}{unit}"
    return str(value)


def _cell(facts: EventFacts, detail: Mapping[str, Any]) -> tuple[str, str]:
    label, unit = _measure(facts, detail.get("code"))
    where = [str(detail.get(k)) for k in ("side", "mode") if detail.get(k) not in (None, "none")]
    return " ".join([label, *where]), unit


def _day_of(facts: EventFacts, assessment_id: object) -> str:
    text = str(assessment_id or "")
    day = facts.assessment_dates.get(int(text)) if text.isdigit() else None
    return day.isoformat() if day else ""


def _in_assessment(facts: EventFacts, entity_id: str) -> str:
    day = _day_of(facts, entity_id)
    return f" in the assessment of {day}" if day else ""


def _measurement(action: str, detail: Mapping[str, Any], facts: EventFacts) -> str:
    what, unit = _cell(facts, detail)
    if action == "measurement.set":
        before, after = detail.get("before"), detail.get("after")
        if before is None:
            return f"entered {what}: {_number(after, unit)}"
        return f"changed {what} from {_number(before, unit)} to {_number(after, unit)}"
    if action == "measurement.clear":
        return f"cleared {what} (was {_number(detail.get('before'), unit)})"
    return f"marked {what} {'painful' if detail.get('pain') else 'not painful'}"


def _finding(detail: Mapping[str, Any], facts: EventFacts) -> str:
    label, _unit = _measure(facts, detail.get("test"))
    side = detail.get("side")
    after = detail.get("after") or {}
    parts = []
    if after.get("rating"):
        parts.append(f"rated {after['rating']}")
    faults = after.get("faults") or []
    parts.append(f"faults {', '.join(map(str, faults))}" if faults else "no faults")
    where = f"{label} {side}" if side not in (None, "none") else label
    return f"recorded {where}: {', '.join(parts)}"


def _outcome(detail: Mapping[str, Any]) -> str:
    instrument = str(detail.get("instrument", "")).upper()
    if "total" in detail:
        total = detail.get("total")
        return f"entered {instrument} answers" + ("" if total is None else f" (total {total})")
    activities = [str(a) for a in detail.get("activities") or []]
    named = f": {', '.join(activities)}" if activities else ""
    return f"entered the {instrument} activities and ratings{named}"


def _client_update(detail: Mapping[str, Any]) -> str:
    before = detail.get("before") or {}
    after = detail.get("after") or {}
    changes = [
        f"{name.replace('_', ' ')} from {before.get(name) or '(empty)'} to {value or '(empty)'}"
        for name, value in after.items()
    ]
    return "changed the client's " + "; ".join(changes) if changes else "saved the client"


def _assessment(action: str, detail: Mapping[str, Any], facts: EventFacts, eid: str) -> str:
    if action == "assessment.create":
        kind = f" ({detail['kind']})" if detail.get("kind") else ""
        return f"started an assessment{kind} dated {detail.get('date', '')}"
    if action == "assessment.sign":
        day = _day_of(facts, eid)
        return "signed the assessment" + (f" of {day}" if day else "")
    day = _day_of(facts, detail.get("addendum_of"))
    reason = str(detail.get("reason") or "").strip()
    return (
        "started an addendum"
        + (f" to the assessment of {day}" if day else "")
        + (f", because: “{reason}”" if reason else "")
    )


TREATMENT_WORDS = {
    "treatment.add": "recorded a treatment",
    "treatment.update": "changed a treatment",
    "treatment.remove": "removed a treatment",
}
MEDIA_WORDS = {
    "media.attach": "attached a picture measured on",
    "media.remove": "removed a picture measured on",
}
ATTEMPTS = {
    "signin": "Sign-in",
    "unlock": "Unlock",
    "user.password_change": "Password change",
    "settings.clinic": "Changing the clinic's details",
}
MEASUREMENT_ACTIONS = ("measurement.set", "measurement.clear", "measurement.pain")
CLIENT_WORDS: dict[str, Callable[[Mapping[str, Any]], str]] = {
    "client.update": _client_update,
    "client.create": lambda _d: "added the client",
}


def describe(
    action: str,
    who: str,
    entity_id: str,
    chart_number: str,
    detail: Mapping[str, Any],
    facts: EventFacts,
) -> str:
    """One sentence: who did what, with values, measures and dates in words.

    "Pat Therapist changed hip flexion left active from 110° to 115° in the assessment of
    2026-03-02". An unknown code is said as it is, so nothing is ever hidden.
    """
    for suffix, verb in ((".failed", "failed"), (".refused", "was refused")):
        if action.endswith(suffix):
            attempted = action.removesuffix(suffix)
            why = f" ({detail['reason']})" if detail.get("reason") else ""
            return f"{ATTEMPTS.get(attempted, attempted)} as {who} {verb}{why}"
    if action in MEASUREMENT_ACTIONS:
        text = _measurement(action, detail, facts) + _in_assessment(facts, entity_id)
    elif action == "finding.set":
        text = _finding(detail, facts) + _in_assessment(facts, entity_id)
    elif action == "outcome.set":
        text = _outcome(detail) + _in_assessment(facts, entity_id)
    elif action in TREATMENT_WORDS:
        text = TREATMENT_WORDS[action] + _in_assessment(facts, entity_id)
    elif action in MEDIA_WORDS:  # stills of issue 19, named by cell and size, never shown
        what, _unit = _cell(facts, detail)
        size = f"{int(detail.get('bytes') or 0) / 1024:.0f} KB"
        text = f"{MEDIA_WORDS[action]} ({what}, {size})" + _in_assessment(facts, entity_id)
    elif action == "media.export":
        count = int(detail.get("stills") or 0)
        pictures = "picture" if count == 1 else "pictures"
        text = f"exported {count} {pictures} of the client ({detail.get('file')})"
    elif action.startswith("assessment."):
        text = _assessment(action, detail, facts, entity_id)
    elif action in CLIENT_WORDS:
        text = CLIENT_WORDS[action](detail)
    else:
        text = PLAIN_ACTIONS.get(action, action)
        if "file" in detail:
            text += f" ({detail['file']})"
    client = f" [{chart_number}]" if chart_number else ""
    return f"{who} {text}{client}"
