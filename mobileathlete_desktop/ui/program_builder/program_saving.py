"""The builder's own reading and saving, on the thread pool (issue 22): the client's latest saved
program read when the window opens (with what the latest assessment found painful, for the
handout's pain caution by the drills), and Save. Over a clinic LAN each took 50-75 ms of the UI
thread (the workday's stalls in open_home_program and save_program).

While a save runs the window stays as it was, editable, and says it is saving; if the save
fails, nothing shown is lost (the program stays unsaved, and closing asks again). Changes made
while it ran stay unsaved. The texts keep the builder's translation context ("ProgramBuilder"),
where they were written before they moved here.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from mobileathlete_desktop.services import programs as program_service
from mobileathlete_desktop.ui import service_adapter as svc
from mobileathlete_desktop.ui.jobs import Job, show_failure
from mobileathlete_desktop.ui.program_builder.complaint_hold import ComplaintHold, complaint_hold_of
from mobileathlete_desktop.ui.service_adapter import ProgramRecord

if TYPE_CHECKING:
    from mobileathlete_desktop.ui.program_builder.window import ProgramBuilder

AfterSave = Callable[[ProgramRecord | None], None]
"""Called once a save ends: with the program saved, or None when it was not saved."""

SAID = (PermissionError, ValueError, LookupError)
"""A service's refusal in its own words (an input, a permission, a client not found): said in
the status line; anything else is also shown in a box (jobs.show_failure)."""


Latest = tuple[ProgramRecord | None, program_service.PainCautions, ComplaintHold]
"""The client's latest saved program (None: none yet), the latest assessment's pain and the
drills the client's coded complaint holds back."""


def load_latest(builder: ProgramBuilder) -> Job[Latest]:
    """The job (`builder.loading`, not run yet: the builder runs it once its first frame is
    drawn) that reads the client's latest saved program and what the latest assessment found
    painful on the thread pool; shows the program when it comes, unless it was changed
    meanwhile (what the therapist did is kept). From then on every drill shown or added has
    its notes as the handout prints them: the pain caution by a drill that moves a painful
    test; and the drills the client's coded complaint holds back are marked in the library
    and said when added (complaint_hold)."""
    ctx, client_id, library = builder.ctx, builder.client_id, builder.library

    def _work(_control: object) -> Latest:
        latest = svc.latest_program(ctx, client_id)
        cautions = program_service.pain_cautions_of(ctx, client_id)
        return latest, cautions, complaint_hold_of(ctx, client_id, library)

    def _read(read: Latest) -> None:
        builder.loading = None
        latest, cautions, hold = read
        show_cautions(builder, cautions)
        builder.hold_back(hold)
        if builder.dirty:  # drills added, a template or a proposal loaded meanwhile
            if latest is not None:
                builder._say(
                    QCoreApplication.translate(
                        "ProgramBuilder",
                        "The latest saved program ({date}) was not shown: the program was "
                        "changed meanwhile.",
                    ).format(date=latest.date)
                )
            return
        if latest is not None:
            builder.show_program(latest)
            builder._say(
                builder._drills(
                    len(latest.items),
                    QCoreApplication.translate(
                        "ProgramBuilder", "Latest saved program of {date}: 1 drill"
                    ),
                    QCoreApplication.translate(
                        "ProgramBuilder", "Latest saved program of {date}: {count} drills"
                    ),
                    date=latest.date,
                )
            )
        else:
            builder._say(
                QCoreApplication.translate(
                    "ProgramBuilder", "No saved program yet: add drills, or press Recommend."
                )
            )
        builder.dirty = False

    def _not_read(exc: Exception) -> None:
        builder.loading = None
        if not isinstance(exc, SAID):
            show_failure(builder, exc)
        builder._say(f"⚠ {svc.describe(exc)}")

    job: Job[Latest] = Job(builder, _work, _read).failure(_not_read)
    builder.loading = job
    return job


def show_cautions(builder: ProgramBuilder, cautions: program_service.PainCautions) -> None:
    """Shows the drills' notes as the handout prints them in its chosen language (the pain
    caution included); the builder passes on a change of that language (its own slot, so
    that nothing here holds the window)."""
    builder.model.set_cautions(cautions, str(builder.language.currentData()))


def save(builder: ProgramBuilder, then: AfterSave | None = None) -> Job[ProgramRecord] | None:
    """Saves what the builder shows as the client's dated program, on the thread pool (Ctrl+S);
    `then` hears how it ended. Pressed again while saving, nothing more is saved (the running
    save is returned). None: not allowed."""
    if not builder.can_write:
        return None
    if then is not None:
        builder._after_save.append(then)
    if builder.saving is not None:
        return builder.saving
    builder.program_panel.commit_editor()
    record, ctx = builder.current_record(), builder.ctx
    edits = builder.edits  # changes made after this one stay unsaved
    job: Job[ProgramRecord] = Job(
        builder,
        lambda _control: svc.save_program(ctx, record),
        lambda saved: _saved(builder, saved, edits),
    )
    job.failure(lambda exc: _not_saved(builder, exc))
    builder.saving = job
    builder._say(QCoreApplication.translate("ProgramBuilder", "Saving the program…"))
    return job.run()


def _ended(builder: ProgramBuilder, saved: ProgramRecord | None) -> None:
    builder.saving = None
    after, builder._after_save = builder._after_save, []
    for then in after:
        then(saved)


def _saved(builder: ProgramBuilder, saved: ProgramRecord, edits: int) -> None:
    builder.program = saved
    builder.dirty = builder.edits != edits
    builder._say(
        builder._drills(
            len(saved.items),
            QCoreApplication.translate(
                "ProgramBuilder", "Saved home program of {date} with 1 drill"
            ),
            QCoreApplication.translate(
                "ProgramBuilder", "Saved home program of {date} with {count} drills"
            ),
            date=saved.date,
        )
    )
    builder.saved.emit(saved)
    _ended(builder, saved)


def _not_saved(builder: ProgramBuilder, exc: Exception) -> None:
    if not isinstance(exc, SAID):
        show_failure(builder, exc)  # logged; a busy or lost server said in its own words
    builder._say(
        QCoreApplication.translate("ProgramBuilder", "⚠ Not saved: {error}").format(
            error=svc.describe(exc)
        )
    )
    _ended(builder, None)
