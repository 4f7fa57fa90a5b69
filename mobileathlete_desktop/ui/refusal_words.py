"""The words of ui/refusals: each refusal's rule (an InvalidValue `kind`), a role's actions,
a storage error's class and what a record changed elsewhere names, in English (the source of
the window's translations, context "Refusal"), for refusal_text to say in the window's
language. Only data and QT_TRANSLATE_NOOP here, imported before the sign-in dialog's first
frame."""

from __future__ import annotations

from mobileathlete_desktop.ui.i18n import QT_TRANSLATE_NOOP

CONTEXT = "Refusal"

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
    QT_TRANSLATE_NOOP("Refusal", "The picture"),
    QT_TRANSLATE_NOOP("Refusal", "The annotated still"),
    QT_TRANSLATE_NOOP("Refusal", "The file"),
    QT_TRANSLATE_NOOP("Refusal", "First date"),
    QT_TRANSLATE_NOOP("Refusal", "Second date"),
    QT_TRANSLATE_NOOP("Refusal", "Template name"),
    QT_TRANSLATE_NOOP("Refusal", "Title"),
    # A drill's dose in a program (services/programs).
    QT_TRANSLATE_NOOP("Refusal", "sets"),
    QT_TRANSLATE_NOOP("Refusal", "reps"),
    QT_TRANSLATE_NOOP("Refusal", "hold"),
    QT_TRANSLATE_NOOP("Refusal", "distance"),
    QT_TRANSLATE_NOOP("Refusal", "time"),
    QT_TRANSLATE_NOOP("Refusal", "rest"),
    QT_TRANSLATE_NOOP("Refusal", "days a week"),
    QT_TRANSLATE_NOOP("Refusal", "load"),
    QT_TRANSLATE_NOOP("Refusal", "tempo"),
    # What a computed score of an imported file is computed from (services/imports).
    QT_TRANSLATE_NOOP("Refusal", "the three Y-balance reaches and the limb length of that side"),
    QT_TRANSLATE_NOOP("Refusal", "the seven FMS tests (and clearing tests)"),
    QT_TRANSLATE_NOOP("Refusal", "the 20 LEFS answers"),
)

WORDS = {
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
    "picture_bytes": QT_TRANSLATE_NOOP(
        "Refusal",
        "{what} is {size}: a picture may be at most {limit} (take it at a lower resolution)",
    ),
    "logo_bytes": QT_TRANSLATE_NOOP(
        "Refusal",
        "{what} is {size}: a logo may be at most {limit} (save it smaller, for example 600 "
        "pixels wide)",
    ),
    "photo_too_large": QT_TRANSLATE_NOOP(
        "Refusal", "{what} is {width} × {height} pixels: too large to open"
    ),
    "stored_picture_bytes": QT_TRANSLATE_NOOP(
        "Refusal",
        "{what} is {size} even at {width} × {height} pixels: a stored picture may be at most "
        "{limit} (save it as JPEG)",
    ),
    # A drill's own picture (services/drill_images).
    "drill_picture_bytes": QT_TRANSLATE_NOOP(
        "Refusal", "The picture is {size}: at most {limit}, please"
    ),
    "drill_picture_unreadable": QT_TRANSLATE_NOOP(
        "Refusal", "{what} is not a readable PNG or JPEG picture"
    ),
    "drill_picture_format": QT_TRANSLATE_NOOP(
        "Refusal", "{what} is a {found} picture: use PNG or JPEG"
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
    # An assessment file's rows (services/imports/parsing): column names and the file's own
    # words (left, right, none, yes, no, fault codes) are said as the file must write them.
    "column_empty": QT_TRANSLATE_NOOP("Refusal", "{column} is empty"),
    "unknown_measure": QT_TRANSLATE_NOOP("Refusal", "unknown measure code “{text}”"),
    "side_word": QT_TRANSLATE_NOOP("Refusal", "side: “{text}” is not left, right or none"),
    "mode_word": QT_TRANSLATE_NOOP("Refusal", "mode: “{text}” is not active, passive or none"),
    "cell_side": QT_TRANSLATE_NOOP("Refusal", "{code}: side must be {allowed}, not {text}"),
    "cell_mode": QT_TRANSLATE_NOOP("Refusal", "{code}: mode must be {allowed}, not {text}"),
    "unit_not_measures": QT_TRANSLATE_NOOP(
        "Refusal", "{code} is recorded in {unit}, not “{text}” (convert the value first)"
    ),
    "pain_yes_no": QT_TRANSLATE_NOOP("Refusal", "pain: “{text}” is not yes or no"),
    "finding_empty": QT_TRANSLATE_NOOP("Refusal", "{what}: empty (give a rating or faults)"),
    "painful_needs_rating": QT_TRANSLATE_NOOP(
        "Refusal", "{what}: a painful test needs its rating in value"
    ),
    "same_cell_twice": QT_TRANSLATE_NOOP("Refusal", "same measure, side and mode as line {first}"),
    "not_a_rating": QT_TRANSLATE_NOOP("Refusal", "{what}: “{text}” is not a rating ({scale})"),
    "no_faults": QT_TRANSLATE_NOOP(
        "Refusal", "faults: {code} has no faults to record; leave the cell empty"
    ),
    "no_faults_only": QT_TRANSLATE_NOOP(
        "Refusal",
        "faults: {code} has no faults to record (only {codes} have faults); leave the cell empty",
    ),
    "not_faults": QT_TRANSLATE_NOOP(
        "Refusal", "faults: not among the faults of {code}: {codes}; its faults are {known}"
    ),
    "not_faults_separator": QT_TRANSLATE_NOOP(
        "Refusal",
        "faults: not among the faults of {code}: {codes} (separate fault codes with “;”); its "
        "faults are {known}",
    ),
    "computed_without_inputs": QT_TRANSLATE_NOOP(
        "Refusal",
        "{code} ({side}) is computed from {inputs}, which this assessment lacks; give those "
        "instead of the score",
    ),
    "signed_visit": QT_TRANSLATE_NOOP(
        "Refusal", "the assessment of {chart} on {on} is signed and read-only"
    ),
    "cannot_read": QT_TRANSLATE_NOOP("Refusal", "{name}: cannot read ({reason})"),
    "not_csv": QT_TRANSLATE_NOOP("Refusal", "not valid CSV ({problem})"),
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
    # A program and its check-in (services/programs, services/checkins).
    "drill_unknown": QT_TRANSLATE_NOOP(
        "Refusal", "Drill {number}: {code} is not an exercise of the library"
    ),
    "drill_number": QT_TRANSLATE_NOOP("Refusal", "Drill {number}: {what} must be 1–{high}"),
    "drill_text_long": QT_TRANSLATE_NOOP(
        "Refusal", "Drill {number}: {what} is longer than {limit} characters"
    ),
    "template_unnamed": QT_TRANSLATE_NOOP("Refusal", "A template needs a name"),
    "program_without_client": QT_TRANSLATE_NOOP(
        "Refusal", "A home program needs a client (or save it as a template)"
    ),
    "weeks_range": QT_TRANSLATE_NOOP("Refusal", "Weeks until the next visit must be 1–{high}"),
    "not_a_program_code": QT_TRANSLATE_NOOP(
        "Refusal", "“{text}” is not a program code (6 letters and digits)"
    ),
    "no_program_with_code": QT_TRANSLATE_NOOP("Refusal", "No program with code {code}"),
    "not_a_template": QT_TRANSLATE_NOOP("Refusal", "This program is not a template"),
    "program_kept": QT_TRANSLATE_NOOP(
        "Refusal", "A client's saved program is part of the record and is kept"
    ),
    "no_program_to_check_in": QT_TRANSLATE_NOOP(
        "Refusal", "No saved program to check in: save a program first"
    ),
    "not_this_clients_program": QT_TRANSLATE_NOOP(
        "Refusal", "Program {code} is another client's: type this client's program code"
    ),
    "no_checkin_yet": QT_TRANSLATE_NOOP(
        "Refusal", "No check-in yet: check in the current program first"
    ),
    # A value another workstation changed meanwhile (services/assessments): `what` is the cell.
    "value_changed_elsewhere": QT_TRANSLATE_NOOP(
        "Refusal", "{what} was changed elsewhere to {value}; your value was not saved"
    ),
    "value_cleared_elsewhere": QT_TRANSLATE_NOOP(
        "Refusal", "{what} was cleared elsewhere; your value was not saved"
    ),
    "saved_same_moment": QT_TRANSLATE_NOOP(
        "Refusal",
        "Another workstation saved this at the same moment; it was changed elsewhere: reload "
        "to see the other value. Yours was not saved",
    ),
    "treatment_removed": QT_TRANSLATE_NOOP(
        "Refusal",
        "The treatment was removed elsewhere: reload to see the visit; yours was not saved",
    ),
    "clinic_details_changed": QT_TRANSLATE_NOOP(
        "Refusal",
        "Someone else changed the clinic's details since they were opened here; close and "
        "open them again to see the newest",
    ),
    # A value measured on a picture (services/media): `what` is the measure's label.
    "tool_unit": QT_TRANSLATE_NOOP(
        "Refusal", "{what} is recorded in {unit}; this tool measures {reading}"
    ),
}

# A refused action of a role (domain/permissions `Actor.require`), by the action's code.
ROLES = {
    "therapist": QT_TRANSLATE_NOOP("Refusal", "therapist"),
    "admin": QT_TRANSLATE_NOOP("Refusal", "admin"),
}
ACTIONS = {
    "clients.read": QT_TRANSLATE_NOOP("Refusal", "look clients up"),
    "clients.write": QT_TRANSLATE_NOOP("Refusal", "change a client's details"),
    "clients.archive": QT_TRANSLATE_NOOP("Refusal", "archive clients"),
    "assessments.read": QT_TRANSLATE_NOOP("Refusal", "read assessments"),
    "assessments.write": QT_TRANSLATE_NOOP("Refusal", "record or change assessments"),
    "assessments.sign": QT_TRANSLATE_NOOP("Refusal", "sign assessments"),
    "programs.write": QT_TRANSLATE_NOOP("Refusal", "write home programs or check-ins"),
    "handouts.print": QT_TRANSLATE_NOOP("Refusal", "print handouts"),
    "reports.print": QT_TRANSLATE_NOOP("Refusal", "print reports"),
    "data.import": QT_TRANSLATE_NOOP("Refusal", "import data"),
    "data.export": QT_TRANSLATE_NOOP("Refusal", "export data"),
    "demo.create": QT_TRANSLATE_NOOP("Refusal", "create the demo clinic"),
    "users.manage": QT_TRANSLATE_NOOP("Refusal", "manage users"),
    "backups.manage": QT_TRANSLATE_NOOP("Refusal", "manage backups"),
    "audit.read": QT_TRANSLATE_NOOP("Refusal", "read the audit log"),
    "settings.write": QT_TRANSLATE_NOOP("Refusal", "change the clinic's settings"),
}
NOT_ALLOWED = QT_TRANSLATE_NOOP("Refusal", "Your role ({role}) does not allow you to {action}")


# A storage error's sentence (services/errors), by its class; without importing that module,
# which the sign-in dialog does not need before its first frame.
STORAGE = {
    "StorageBusy": QT_TRANSLATE_NOOP(
        "Refusal", "The clinic database is busy; try again in a moment."
    ),
    "StorageFull": QT_TRANSLATE_NOOP(
        "Refusal",
        "The disk holding the clinic database is full; free some space and try again.",
    ),
    "StorageReadOnly": QT_TRANSLATE_NOOP(
        "Refusal", "The clinic database cannot be written here (a read-only file or folder)."
    ),
    "StorageUnavailable": QT_TRANSLATE_NOOP(
        "Refusal",
        "The clinic database cannot be reached (a disk or network problem); try again.",
    ),
    "StorageError": QT_TRANSLATE_NOOP(
        "Refusal", "The clinic database could not be used; nothing was stored."
    ),
}

UNITS = {
    "deg": QT_TRANSLATE_NOOP("Refusal", "degrees"),
    "cm": QT_TRANSLATE_NOOP("Refusal", "cm"),
}
READINGS = {
    "deg": QT_TRANSLATE_NOOP("Refusal", "an angle"),
    "cm": QT_TRANSLATE_NOOP("Refusal", "a distance in cm"),
}


CHANGED = {
    "The notes were": QT_TRANSLATE_NOOP(
        "Refusal",
        "The notes were changed elsewhere: reload to see the other value; yours were not saved",
    ),
    "The LEFS answers were": QT_TRANSLATE_NOOP(
        "Refusal",
        "The LEFS answers were changed elsewhere: reload to see the other value; yours were "
        "not saved",
    ),
    "The PSFS activities and ratings were": QT_TRANSLATE_NOOP(
        "Refusal",
        "The PSFS activities and ratings were changed elsewhere: reload to see the other "
        "value; yours were not saved",
    ),
    "The treatment was": QT_TRANSLATE_NOOP(
        "Refusal",
        "The treatment was changed elsewhere: reload to see the other value; yours was not saved",
    ),
}
FINDING_CHANGED = QT_TRANSLATE_NOOP(
    "Refusal",
    "{test} was changed elsewhere: reload to see the other value; yours was not saved",
)
