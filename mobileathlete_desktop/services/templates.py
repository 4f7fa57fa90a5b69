"""Assessment templates: the built-in ones (resources/templates.toml) and the clinic's own."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import cache

from sqlalchemy import func, select

from mobileathlete_desktop.domain.resources import resource_path
from mobileathlete_desktop.services.audit import record_event
from mobileathlete_desktop.services.context import InputError, NotFound, ServiceContext, refusal
from mobileathlete_desktop.storage.models import Assessment, AssessmentTemplate
from mobileathlete_desktop.support.plain_text import one_line


@dataclass(frozen=True)
class TemplateRecord:
    """A named, ordered list of measure codes that lays out an assessment."""

    code: str
    name: str
    measures: tuple[str, ...]
    builtin: bool = True


@cache
def builtin_templates() -> tuple[TemplateRecord, ...]:
    """The templates shipped with the program, in file order."""
    with resource_path("templates.toml").open("rb") as fh:
        data = tomllib.load(fh)
    return tuple(
        TemplateRecord(t["code"], t["name"], tuple(t["measures"])) for t in data["templates"]
    )


def list_templates(ctx: ServiceContext) -> list[TemplateRecord]:
    """Built-in templates first, then the clinic's own by name."""
    ctx.actor.require("assessments.read")
    with ctx.db.session() as session:
        own = session.execute(select(AssessmentTemplate).order_by(AssessmentTemplate.name))
        clinic = [
            TemplateRecord(t.code, t.name, tuple(t.measures), builtin=False) for t in own.scalars()
        ]
    return [*builtin_templates(), *clinic]


def get_template(ctx: ServiceContext, code: str) -> TemplateRecord | None:
    """The template with that code, or None (an assessment may name a deleted template)."""
    for template in list_templates(ctx):
        if template.code == code:
            return template
    return None


TEMPLATE_NAME_LENGTH = 200


def _code_for(name: str) -> str:
    return "clinic." + re.sub(r"[^a-z0-9]+", "_", name.lower()).strip("_")


def save_template(
    ctx: ServiceContext, name: str, measures: list[str], *, code: str | None = None
) -> TemplateRecord:
    """Saves a clinic-made template; every code must be in the catalogue, each once.

    Without `code` a new template is made (its code from its name, refused if that name is
    taken); with the code of an existing clinic template that template is renamed and its
    measures replaced, its code kept so the assessments laid out by it keep their layout.
    Built-in templates are never changed: copy one under a new name instead.
    """
    ctx.actor.require("assessments.write")
    name = one_line(name)  # no control characters, one line
    if not name:
        raise refusal("Template name is required", "required", what="Template name")
    if len(name) > TEMPLATE_NAME_LENGTH:
        raise refusal(
            f"Template name is at most {TEMPLATE_NAME_LENGTH} characters",
            "at_most",
            what="Template name",
            limit=TEMPLATE_NAME_LENGTH,
        )
    unknown = [c for c in measures if c not in ctx.catalogue]
    if unknown:
        raise InputError(f"Template: unknown measure code {unknown[0]!r}")
    if not measures:
        raise refusal("Template: choose at least one measure", "template_empty")
    repeated = next((c for i, c in enumerate(measures) if c in measures[:i]), None)
    if repeated is not None:
        raise InputError(f"Template: {ctx.catalogue[repeated].label} is listed twice")
    if code is not None and any(t.code == code for t in builtin_templates()):
        raise refusal(
            "Built-in templates cannot be changed; copy it under a new name", "builtin_template"
        )
    new_code = code or _code_for(name)
    if new_code == "clinic.":
        raise refusal("Template name needs a letter or digit", "needs_letter", what="Template name")
    clash = next(
        (
            t
            for t in list_templates(ctx)
            if t.code != code
            and (t.name.casefold() == name.casefold() or (code is None and t.code == new_code))
        ),
        None,
    )
    if clash is not None:
        kind = "a built-in" if clash.builtin else "another clinic"
        raise refusal(
            f"Template name {name!r} is taken by {kind} template ({clash.name})",
            "template_taken_builtin" if clash.builtin else "template_taken",
            name=name,
            clash=clash.name,
        )
    with ctx.db.session() as session:
        row = session.execute(
            select(AssessmentTemplate).where(AssessmentTemplate.code == new_code)
        ).scalar_one_or_none()
        if row is None and code is not None:
            raise NotFound(f"No clinic template {code!r}")
        before = None if row is None else {"name": row.name, "measures": list(row.measures)}
        if row is None:
            row = AssessmentTemplate(code=new_code, name=name)
            session.add(row)
        row.name = name
        row.measures = list(measures)
        session.flush()
        record_event(
            session,
            ctx.actor,
            "template.save",
            entity="assessment_template",
            entity_id=row.id,
            detail={"code": new_code, "name": name, "measures": list(measures), "before": before},
        )
        return TemplateRecord(new_code, name, tuple(measures), builtin=False)


def delete_template(ctx: ServiceContext, code: str) -> int:
    """Deletes a clinic template; returns how many assessments named it (they keep their
    values and show every measure). Built-in templates cannot be deleted."""
    ctx.actor.require("assessments.write")
    if any(t.code == code for t in builtin_templates()):
        raise refusal("Built-in templates cannot be deleted", "builtin_template_delete")
    with ctx.db.session() as session:
        row = session.execute(
            select(AssessmentTemplate).where(AssessmentTemplate.code == code)
        ).scalar_one_or_none()
        if row is None:
            raise NotFound(f"No clinic template {code!r}")
        used = session.execute(
            select(func.count(Assessment.id)).where(Assessment.template == code)
        ).scalar_one()
        record_event(
            session,
            ctx.actor,
            "template.delete",
            entity="assessment_template",
            entity_id=row.id,
            detail={"code": code, "name": row.name, "measures": list(row.measures), "used": used},
        )
        session.delete(row)
        return int(used)
