"""The builder's templates: the drills saved under a name for reuse, and loaded in their place.

The database work (saving a template, reading the templates and the one chosen) runs through
the job primitive (issue 22), `builder.templating` meanwhile; the dialogs stay on the UI thread.

The texts keep the builder's translation context ("ProgramBuilder"), where they were written
before they moved here, so their Spanish stays where it is in the .ts file."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QInputDialog

from mobileathlete_desktop.ui import service_adapter as svc
from mobileathlete_desktop.ui.jobs import Job, show_failure
from mobileathlete_desktop.ui.service_adapter import ProgramRecord

if TYPE_CHECKING:
    from mobileathlete_desktop.ui.program_builder.window import ProgramBuilder


def _failed(builder: ProgramBuilder, exc: Exception, said: str) -> None:
    builder.templating = None
    if not isinstance(exc, (PermissionError, ValueError, LookupError)):
        show_failure(builder, exc)  # logged; a busy or lost server said in its own words
    builder._say(said.format(error=svc.describe(exc)))


def save_template(builder: ProgramBuilder) -> Job[ProgramRecord] | None:
    """Saves the builder's drills as a reusable template under a name (e.g. "Runner hip
    program"), on the thread pool; returns the job, or None when nothing is saved."""
    if builder.templating is not None:
        return None
    builder.program_panel.commit_editor()
    if not builder.model.items:
        builder._say(
            QCoreApplication.translate("ProgramBuilder", "⚠ Add drills before saving a template.")
        )
        return None
    name, ok = QInputDialog.getText(
        builder,
        QCoreApplication.translate("ProgramBuilder", "Save as template"),
        QCoreApplication.translate("ProgramBuilder", "Template name:"),
        text=QCoreApplication.translate("ProgramBuilder", "Runner hip program"),
    )
    if not ok or not name.strip():
        return None
    record, ctx = builder.current_record(template=True, title=name), builder.ctx
    job: Job[ProgramRecord] = Job(
        builder,
        lambda _control: svc.save_program(ctx, record),
        lambda saved: _template_saved(builder, saved),
    ).failure(
        lambda exc: _failed(
            builder,
            exc,
            QCoreApplication.translate("ProgramBuilder", "⚠ Template not saved: {error}"),
        )
    )
    builder.templating = job
    builder._say(QCoreApplication.translate("ProgramBuilder", "Saving the template…"))
    return job.run()


def _template_saved(builder: ProgramBuilder, saved: ProgramRecord) -> None:
    builder.templating = None
    builder._say(
        builder._drills(
            len(saved.items),
            QCoreApplication.translate("ProgramBuilder", "Saved template “{name}” with 1 drill"),
            QCoreApplication.translate(
                "ProgramBuilder", "Saved template “{name}” with {count} drills"
            ),
            name=saved.title,
        )
    )


def load_template(builder: ProgramBuilder) -> Job[list[ProgramRecord]] | None:
    """Reads the templates on the thread pool, then asks which one replaces the builder's
    drills (and first whether to, when there are unsaved changes)."""
    if builder.templating is not None:
        return None
    ctx = builder.ctx
    job: Job[list[ProgramRecord]] = Job(
        builder,
        lambda _control: svc.list_templates(ctx),
        lambda templates: _choose(builder, templates),
    ).failure(lambda exc: _failed(builder, exc, "⚠ {error}"))
    builder.templating = job
    return job.run()


def _choose(builder: ProgramBuilder, templates: list[ProgramRecord]) -> None:
    builder.templating = None
    if not templates:
        builder._say(
            QCoreApplication.translate(
                "ProgramBuilder", "No templates yet: build a program and use Save as template."
            )
        )
        return
    names = [
        builder._drills(
            len(t.items),
            QCoreApplication.translate("ProgramBuilder", "{name} (1 drill)"),
            QCoreApplication.translate("ProgramBuilder", "{name} ({count} drills)"),
            name=t.title,
        )
        for t in templates
    ]
    choice, ok = QInputDialog.getItem(
        builder,
        QCoreApplication.translate("ProgramBuilder", "Load template"),
        QCoreApplication.translate("ProgramBuilder", "Template:"),
        names,
        0,
        False,
    )
    if not ok or choice not in names:
        return
    template = templates[names.index(choice)]
    if builder.model.items and not builder._confirm(
        QCoreApplication.translate("ProgramBuilder", "Replace the program?"),
        builder._drills(
            builder.model.rowCount(),
            QCoreApplication.translate(
                "ProgramBuilder", "Replace the 1 drill shown with “{name}”?"
            ),
            QCoreApplication.translate(
                "ProgramBuilder", "Replace the {count} drills shown with “{name}”?"
            ),
            name=template.title,
        ),
    ):
        return
    ctx, client_id = builder.ctx, builder.client_id
    job: Job[ProgramRecord] = Job(
        builder,
        lambda _control: svc.program_from_template(ctx, template.id or 0, client_id),
        lambda program: _loaded(builder, template, program),
    ).failure(lambda exc: _failed(builder, exc, "⚠ {error}"))
    builder.templating = job
    job.run()


def _loaded(builder: ProgramBuilder, template: ProgramRecord, program: ProgramRecord) -> None:
    builder.templating = None
    builder.show_program(program, saved=False)
    builder.title_edit.setText(template.title)
    builder._say(
        QCoreApplication.translate(
            "ProgramBuilder", "Loaded template “{name}”: save to keep it for this client"
        ).format(name=template.title)
    )
