"""The builder's templates: the drills saved under a name for reuse, and loaded in their place.

The texts keep the builder's translation context ("ProgramBuilder"), where they were written
before they moved here, so their Spanish stays where it is in the .ts file."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QInputDialog

from mobileathlete_desktop.ui import service_adapter as svc
from mobileathlete_desktop.ui.service_adapter import ProgramRecord

if TYPE_CHECKING:
    from mobileathlete_desktop.ui.program_builder.window import ProgramBuilder


def save_template(builder: ProgramBuilder) -> ProgramRecord | None:
    """Saves the builder's drills as a reusable template under a name (e.g. "Runner hip
    program"); returns the template saved, or None."""
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
    try:
        saved = svc.save_program(builder.ctx, builder.current_record(template=True, title=name))
    except (PermissionError, ValueError, LookupError) as exc:
        builder._say(
            QCoreApplication.translate("ProgramBuilder", "⚠ Template not saved: {error}").format(
                error=svc.describe(exc)
            )
        )
        return None
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
    return saved


def load_template(builder: ProgramBuilder) -> None:
    """Replaces the builder's drills with a template's (asks first when there are unsaved
    changes)."""
    try:
        templates = svc.list_templates(builder.ctx)
    except PermissionError as exc:
        builder._say(f"⚠ {exc}")
        return
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
    program = svc.program_from_template(builder.ctx, template.id or 0, builder.client_id)
    builder.show_program(program, saved=False)
    builder.title_edit.setText(template.title)
    builder._say(
        QCoreApplication.translate(
            "ProgramBuilder", "Loaded template “{name}”: save to keep it for this client"
        ).format(name=template.title)
    )
