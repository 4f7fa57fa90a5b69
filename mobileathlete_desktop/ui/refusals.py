"""A refusal of typed input, said in the window's language.

The domain and the services decide what is refused and say it in English for the command line
and the logs; the refusal they raise (domain/validation `InvalidValue`, or a service's InputError
raised from one: services/context `refusal`) names its rule (`kind`) and its figures
(`details`), and this module says the same in the window's language. A refusal without words
here is shown as its English message. The grid's own refusals (a cell of a measure) are in
ui/value_problems."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from mobileathlete_desktop.ui.i18n import QT_TRANSLATE_NOOP

if TYPE_CHECKING:  # imported at a refusal only: the domain's catalogue is 24 ms of imports,
    # and the sign-in dialog imports this module before its first frame (start_ratio, bench)
    from mobileathlete_desktop.domain.validation import InvalidValue

_CONTEXT = "Refusal"

# The fields a refusal names (`what`, English as the message says it), for lupdate; shown
# through QCoreApplication.translate, so a name not listed here (a logo's file name) stays.
FIELD_NAMES = (
    QT_TRANSLATE_NOOP("Refusal", "Chart number"),
    QT_TRANSLATE_NOOP("Refusal", "Given name"),
    QT_TRANSLATE_NOOP("Refusal", "Family name"),
    QT_TRANSLATE_NOOP("Refusal", "Email address"),
    QT_TRANSLATE_NOOP("Refusal", "Phone"),
    QT_TRANSLATE_NOOP("Refusal", "Goal event"),
    QT_TRANSLATE_NOOP("Refusal", "Footwear"),
    QT_TRANSLATE_NOOP("Refusal", "Date of birth"),
    QT_TRANSLATE_NOOP("Refusal", "Weekly distance"),
    QT_TRANSLATE_NOOP("Refusal", "Years running"),
    QT_TRANSLATE_NOOP("Refusal", "Assessment date"),
    QT_TRANSLATE_NOOP("Refusal", "Clinic name"),
    QT_TRANSLATE_NOOP("Refusal", "Address"),
    QT_TRANSLATE_NOOP("Refusal", "Display name"),
    QT_TRANSLATE_NOOP("Refusal", "User name"),
    QT_TRANSLATE_NOOP("Refusal", "The logo"),
    QT_TRANSLATE_NOOP("Refusal", "First date"),
    QT_TRANSLATE_NOOP("Refusal", "Second date"),
    QT_TRANSLATE_NOOP("Refusal", "Template name"),
    QT_TRANSLATE_NOOP("Refusal", "Title"),
)

_WORDS = {
    "required": QT_TRANSLATE_NOOP("Refusal", "{what} is required"),
    "too_long": QT_TRANSLATE_NOOP(
        "Refusal", "{what} is too long: {length} characters, at most {limit}"
    ),
    "too_many_lines": QT_TRANSLATE_NOOP(
        "Refusal", "{what} has {lines} lines: at most {limit}, please"
    ),
    "not_a_number": QT_TRANSLATE_NOOP("Refusal", "{what}: “{text}” is not a number"),
    "not_iso_date": QT_TRANSLATE_NOOP(
        "Refusal", "{what}: “{text}” is not a date in the form YYYY-MM-DD"
    ),
    "not_real_date": QT_TRANSLATE_NOOP("Refusal", "{what}: “{text}” is not a real date"),
    "future_date": QT_TRANSLATE_NOOP("Refusal", "{what}: {text} is in the future"),
    "ambiguous_date": QT_TRANSLATE_NOOP(
        "Refusal",
        "{what}: “{text}” is ambiguous (day/month or month/day?); write it as YYYY-MM-DD "
        "({first} or {second})",
    ),
    "day_month_year": QT_TRANSLATE_NOOP(
        "Refusal", "{what}: “{text}” is not in the form YYYY-MM-DD; write {iso}"
    ),
    "spreadsheet_day": QT_TRANSLATE_NOOP(
        "Refusal",
        "{what}: “{text}” looks like a spreadsheet day number; format the column as a date "
        "YYYY-MM-DD",
    ),
    "before_1900": QT_TRANSLATE_NOOP("Refusal", "{what}: {text} is before 1900"),
    "range": QT_TRANSLATE_NOOP("Refusal", "{what} must be {low}–{high}"),
    "chart_number_form": QT_TRANSLATE_NOOP(
        "Refusal", "{what}: letters, digits, - . / _ only (max 40)"
    ),
    "chart_number_taken": QT_TRANSLATE_NOOP(
        "Refusal", "{what} {text} is already used by another client"
    ),
    "chart_number_taken_as": QT_TRANSLATE_NOOP(
        "Refusal",
        "{what} {text} is already used by another client as {existing} (chart numbers are "
        "compared without regard to case)",
    ),
    "not_an_email": QT_TRANSLATE_NOOP("Refusal", "{what} “{text}” is not valid"),
    "not_a_phone": QT_TRANSLATE_NOOP(
        "Refusal",
        "{what} “{text}” is not a phone number: digits, spaces and + ( ) - . / only (an "
        "extension as “ext 12”)",
    ),
    "username_form": QT_TRANSLATE_NOOP("Refusal", "{what}: letters, digits, . _ - only"),
    "username_taken": QT_TRANSLATE_NOOP("Refusal", "User name {username} is taken"),
    "password_short": QT_TRANSLATE_NOOP(
        "Refusal", "A password must be at least {least} characters (this one has {length})"
    ),
    "admin_password_short": QT_TRANSLATE_NOOP(
        "Refusal",
        "An admin's password must be at least {least} characters (this one has {length})",
    ),
    "deactivate_self": QT_TRANSLATE_NOOP("Refusal", "You cannot deactivate your own account"),
    "last_admin": QT_TRANSLATE_NOOP(
        "Refusal", "{username} is the last active admin; add another admin first"
    ),
    "reset_own_password": QT_TRANSLATE_NOOP(
        "Refusal",
        "To change your own password use Change my password (it asks for the current one)",
    ),
    "at_most": QT_TRANSLATE_NOOP("Refusal", "{what} is at most {limit} characters"),
    "needs_letter": QT_TRANSLATE_NOOP("Refusal", "{what} needs a letter or digit"),
    "template_empty": QT_TRANSLATE_NOOP("Refusal", "Template: choose at least one measure"),
    "builtin_template": QT_TRANSLATE_NOOP(
        "Refusal", "Built-in templates cannot be changed; copy it under a new name"
    ),
    "builtin_template_delete": QT_TRANSLATE_NOOP("Refusal", "Built-in templates cannot be deleted"),
    "template_taken": QT_TRANSLATE_NOOP(
        "Refusal", "Template name “{name}” is taken by another clinic template ({clash})"
    ),
    "template_taken_builtin": QT_TRANSLATE_NOOP(
        "Refusal", "Template name “{name}” is taken by a built-in template ({clash})"
    ),
    "picture_empty": QT_TRANSLATE_NOOP("Refusal", "{what} is an empty file"),
    "picture_pixels": QT_TRANSLATE_NOOP("Refusal", "{what} has too many pixels to open"),
    "picture_unreadable": QT_TRANSLATE_NOOP(
        "Refusal", "{what} is not a {formats} picture Mobile Athlete can read"
    ),
    "picture_format": QT_TRANSLATE_NOOP("Refusal", "{what} is a {found} picture: use {formats}"),
    "picture_damaged": QT_TRANSLATE_NOOP(
        "Refusal", "{what} is damaged: its picture data is cut short or corrupt"
    ),
    # An import file's refusals (a window offers its encoding and options as controls, not as
    # the command line's --encoding, --update and --create-clients).
    "not_utf8": QT_TRANSLATE_NOOP(
        "Refusal",
        "{name}: not UTF-8 text (byte {byte}); save the file as “CSV UTF-8”, or choose "
        "Latin-1 / Windows as its text encoding",
    ),
    "file_empty": QT_TRANSLATE_NOOP("Refusal", "the file is empty (a header row is needed)"),
    "missing_columns": QT_TRANSLATE_NOOP("Refusal", "missing columns {names}; expected {expected}"),
    "missing_columns_one": QT_TRANSLATE_NOOP(
        "Refusal",
        "missing columns {names}; expected {expected} (the header has one column: separate "
        "columns with commas or semicolons)",
    ),
    "unknown_columns": QT_TRANSLATE_NOOP("Refusal", "unknown columns {names}"),
    "doubled_columns": QT_TRANSLATE_NOOP("Refusal", "columns named twice: {names}"),
    "field_count": QT_TRANSLATE_NOOP("Refusal", "{count} fields, expected {expected}"),
    "no_rows": QT_TRANSLATE_NOOP("Refusal", "no data rows"),
    "chart_twice": QT_TRANSLATE_NOOP("Refusal", "chart number {chart} is also on line {first}"),
    "chart_in_clinic": QT_TRANSLATE_NOOP(
        "Refusal",
        "chart number {chart} is already in the clinic (tick “Update clients already in the "
        "clinic” to change its details)",
    ),
    "chart_unknown": QT_TRANSLATE_NOOP(
        "Refusal",
        "unknown chart number “{chart}” (tick “Create clients for unknown chart numbers” to "
        "add it)",
    ),
    "backup_folder_relative": QT_TRANSLATE_NOOP(
        "Refusal", "Give the backup folder's full path (not {folder})"
    ),
    "backup_folder_unusable": QT_TRANSLATE_NOOP(
        "Refusal", "Cannot use {folder} for backups: {reason}"
    ),
    "client_changed": QT_TRANSLATE_NOOP(
        "Refusal", "Client {chart} was changed by someone else; reopen to see it"
    ),
    "client_changed_unnamed": QT_TRANSLATE_NOOP(
        "Refusal", "The client was changed by someone else; reopen to see it"
    ),
    "wrong_sign_in": QT_TRANSLATE_NOOP("Refusal", "Wrong user name or password"),
    "account_locked": QT_TRANSLATE_NOOP(
        "Refusal",
        "Account {username} is locked after {count} wrong passwords; try again in {minutes} min",
    ),
    "locked_now": QT_TRANSLATE_NOOP(
        "Refusal", "Wrong password; account {username} is now locked for {minutes} min"
    ),
    "wrong_password": QT_TRANSLATE_NOOP(
        "Refusal", "The current password is wrong; nothing was changed"
    ),
    "addendum_reason": QT_TRANSLATE_NOOP(
        "Refusal", "An addendum needs a reason: say what it corrects"
    ),
    "addendum_reason_long": QT_TRANSLATE_NOOP(
        "Refusal", "The reason is too long (at most {limit} characters)"
    ),
    "psfs_unnamed": QT_TRANSLATE_NOOP(
        "Refusal", "PSFS row {row}: name the activity before rating it"
    ),
    "psfs_name_long": QT_TRANSLATE_NOOP(
        "Refusal", "PSFS row {row}: an activity name is at most {limit} characters"
    ),
    "psfs_twice": QT_TRANSLATE_NOOP("Refusal", "PSFS: “{name}” is named twice"),
    "psfs_too_many": QT_TRANSLATE_NOOP(
        "Refusal", "PSFS takes at most {limit} activities, got {count}"
    ),
    "logo_too_large": QT_TRANSLATE_NOOP(
        "Refusal", "{what} is {width} × {height} pixels: too large to open as a logo"
    ),
    "logo_too_small": QT_TRANSLATE_NOOP(
        "Refusal",
        "{what} is {width} × {height} pixels: too small to print (at least {limit} pixels "
        "each way)",
    ),
    "logo_ratio": QT_TRANSLATE_NOOP(
        "Refusal",
        "{what} is {width} × {height} pixels: a logo may be at most {limit} times as wide as "
        "it is tall (or tall as it is wide)",
    ),
}


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
    return QCoreApplication.translate(_CONTEXT, what)


def _shown(name: str, value: object) -> str:
    if name == "what":
        return field_name(str(value))
    if isinstance(value, float):
        return f"{value:g}"
    if isinstance(value, tuple):  # file formats: PNG / JPEG in every language
        return " / ".join(map(str, value))
    return str(value)


def refusal_text(error: BaseException) -> str:
    """Why `error` refused the input, in the window's language; its English message when the
    rule has no words here."""
    refused = refused_value(error)
    template = _WORDS.get(refused.kind) if refused is not None else None
    if refused is None or template is None:
        return str(error)
    words = {name: _shown(name, value) for name, value in refused.details.items()}
    if refused.kind == "range" and refused.details.get("unit"):
        words["high"] = f"{words['high']} {refused.details['unit']}"
    try:
        return QCoreApplication.translate(_CONTEXT, template).format(**words)
    except (KeyError, IndexError):  # a refusal raised without the figures its words need
        return str(error)
