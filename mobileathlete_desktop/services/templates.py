"""Assessment templates: the built-in ones (resources/templates.toml) and the clinic's own."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import cache

from sqlalchemy import select

from mobileathlete_desktop.domain.resources import resource_path
from mobileathlete_desktop.services.audit import record_event
from mobileathlete_desktop.services.context import InputError, ServiceContext
from mobileathlete_desktop.storage.models import AssessmentTemplate


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


def save_template(ctx: ServiceContext, name: str, measures: list[str]) -> TemplateRecord:
    """Saves (or replaces) a clinic-made template; every code must be in the catalogue."""
    ctx.actor.require("assessments.write")
    name = name.strip()
    if not name:
        raise InputError("Template name is required")
    unknown = [c for c in measures if c not in ctx.catalogue]
    if unknown:
        raise InputError(f"Template: unknown measure code {unknown[0]!r}")
    if not measures:
        raise InputError("Template: choose at least one measure")
    code = "clinic." + re.sub(r"[^a-z0-9]+", "_", name.lower()).strip("_")
    if any(t.code == code for t in builtin_templates()):
        raise InputError(f"Template name {name!r} is taken by a built-in template")
    with ctx.db.session() as session:
        row = session.execute(
            select(AssessmentTemplate).where(AssessmentTemplate.code == code)
        ).scalar_one_or_none()
        if row is None:
            row = AssessmentTemplate(code=code, name=name)
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
            detail={"code": code, "measures": list(measures)},
        )
        return TemplateRecord(code, name, tuple(measures), builtin=False)
