"""A refusal of typed input, said in the window's language.

The domain and the services decide what is refused and say it in English for the command line
and the logs; the refusal they raise (domain/validation `InvalidValue`, or a service's InputError
raised from one: services/context `refusal`) names its rule (`kind`) and its figures
(`details`), and this module says the same in the window's language. A refusal without words
here is shown as its English message. The words themselves are in ui/refusal_words; the
grid's own refusals (a cell of a measure) are in ui/value_problems."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QLocale

from mobileathlete_desktop.ui.i18n import QT_TRANSLATE_NOOP
from mobileathlete_desktop.ui.refusal_words import (
    ACTIONS,
    CHANGED,
    CONTEXT,
    FINDING_CHANGED,
    NOT_ALLOWED,
    READINGS,
    ROLES,
    STORAGE,
    UNITS,
    WORDS,
)
from mobileathlete_desktop.ui.refusal_words import FIELD_NAMES as FIELD_NAMES

if TYPE_CHECKING:  # imported at a refusal only: the domain's catalogue is 24 ms of imports,
    # and the sign-in dialog imports this module before its first frame (start_ratio, bench)
    from mobileathlete_desktop.domain.validation import InvalidValue


# Actor.require's English: "{who} ({role}) may not {action, its dot a space}".
_REFUSED_ACTION = re.compile(r" \((?P<role>therapist|admin)\) may not (?P<action>[a-z]+ [a-z]+)$")


def permission_text(error: BaseException) -> str | None:
    """A role's refused action (PermissionDenied) in the window's language, or None when
    `error` is not one (or says an action without words here)."""
    if not isinstance(error, PermissionError):
        return None
    found = _REFUSED_ACTION.search(str(error))
    action = ACTIONS.get(found["action"].replace(" ", ".", 1)) if found else None
    if found is None or action is None:
        return None
    return QCoreApplication.translate(CONTEXT, NOT_ALLOWED).format(
        role=QCoreApplication.translate(CONTEXT, ROLES[found["role"]]),
        action=QCoreApplication.translate(CONTEXT, action),
    )


def _changed_text(details: dict[str, object]) -> str | None:
    """A record another workstation changed meanwhile (services/assessments check_unchanged),
    by what it names ("The notes were"), a test's finding by its test and side."""
    said = CHANGED.get(str(details.get("subject")))
    if said is not None:
        return QCoreApplication.translate(CONTEXT, said)
    if "code" not in details:
        return None
    from mobileathlete_desktop.domain.catalogue import default_catalogue
    from mobileathlete_desktop.support.languages import language_code

    measure = default_catalogue().measures.get(str(details["code"]))
    if measure is None:
        return None
    test = measure.label_in(language_code(QLocale().name()))
    side = {
        "left": QT_TRANSLATE_NOOP("Refusal", "left"),
        "right": QT_TRANSLATE_NOOP("Refusal", "right"),
    }.get(str(details.get("side")))
    if side is not None:
        test = f"{test} ({QCoreApplication.translate(CONTEXT, side)})"
    return QCoreApplication.translate(CONTEXT, FINDING_CHANGED).format(test=test)


def storage_text(error: BaseException) -> str | None:
    """A storage error's sentence (services/errors StorageError) in the window's language, or
    None when `error` is not one."""
    for kind in type(error).__mro__:
        said = STORAGE.get(kind.__name__)
        if said is not None and kind.__module__.endswith("services.errors"):
            return QCoreApplication.translate(CONTEXT, said)
    return None


def refused_value(error: BaseException) -> InvalidValue | None:
    """The domain's refusal behind `error` (itself, or what a service's InputError was raised
    from), or None."""
    from mobileathlete_desktop.domain.validation import InvalidValue

    seen: BaseException | None = error
    while seen is not None:
        if isinstance(seen, InvalidValue):
            return seen
        seen = seen.__cause__
    return None


def field_name(what: str) -> str:
    """A field's name as a refusal says it (English), in the window's language."""
    return QCoreApplication.translate(CONTEXT, what)


def _shown(name: str, value: object) -> str:
    if name in ("what", "inputs"):
        return field_name(str(value))
    if name in ("size", "limit") and isinstance(value, float):  # a file's size in MB
        return f"{QLocale().toString(value, 'f', 1)} MB"
    if isinstance(value, float):
        return f"{value:g}"
    if isinstance(value, tuple):  # file formats: PNG / JPEG in every language
        return " / ".join(map(str, value))
    return str(value)


def refusal_text(error: BaseException, **shown: str) -> str:
    """Why `error` refused the input, in the window's language; its English message when the
    rule has no words here. `shown` replaces figures by the window's words for them (a
    measure's label in the window's language as `what`)."""
    allowed = permission_text(error) or storage_text(error)
    if allowed is not None:
        return allowed
    refused = refused_value(error)
    if refused is not None and refused.kind == "changed_elsewhere":
        return _changed_text(refused.details) or str(error)
    template = WORDS.get(refused.kind) if refused is not None else None
    if refused is None or template is None:
        return str(error)
    words = {name: _shown(name, value) for name, value in refused.details.items()}
    if refused.kind == "range" and refused.details.get("unit"):
        words["high"] = f"{words['high']} {refused.details['unit']}"
    if refused.kind == "tool_unit":
        for name, table in (("unit", UNITS), ("reading", READINGS)):
            said = table.get(str(refused.details.get(name)))
            if said is not None:
                words[name] = QCoreApplication.translate(CONTEXT, said)
    words |= shown
    try:
        return QCoreApplication.translate(CONTEXT, template).format(**words)
    except (KeyError, IndexError):  # a refusal raised without the figures its words need
        return str(error)
