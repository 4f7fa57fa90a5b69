"""What an import did or, in a dry run, would do: its changes line by line."""

from __future__ import annotations

from dataclasses import dataclass, field

from mobileathlete_desktop.support.i18n import texts
from mobileathlete_desktop.support.languages import DEFAULT_LANGUAGE


@dataclass(frozen=True)
class Change:
    """One thing an import adds or changes (shown in a dry run and in the import preview)."""

    line: int
    chart_number: str
    what: str
    before: str = ""
    after: str = ""
    kind: str = ""
    """The change's rule, for a window to say `what` in its own language: "computed",
    "recomputed" (a computed score from its inputs), "disagrees" (a computed score given in
    the file, recomputed; `before` is the file's value); "" for a value or a client."""
    cell: str = ""
    """The cell `what` names ("2026-03-02 ybalance.composite left"), for a `kind`."""

    def __str__(self) -> str:
        if self.before:
            return (
                f"line {self.line}: {self.chart_number} {self.what}: {self.before} → {self.after}"
            )
        return f"line {self.line}: {self.chart_number} {self.what}" + (
            f": {self.after}" if self.after else ""
        )


@dataclass
class ImportReport:
    """What an import did (or, in a dry run, would do)."""

    rows: int = 0
    clients_created: list[str] = field(default_factory=list)
    clients_updated: list[str] = field(default_factory=list)
    assessments_created: int = 0
    values_added: int = 0
    values_changed: int = 0
    recomputed: int = 0
    dry_run: bool = False
    changes: list[Change] = field(default_factory=list)
    kind: str = "assessments"

    def describe(self, lang: str = DEFAULT_LANGUAGE) -> str:
        """One line for the command line (English) or a dialog, in `lang` ("Imported 1 row:
        1 new client")."""
        tr = texts(lang)
        if self.dry_run:
            head = tr.ngettext("Would import {count} row", "Would import {count} rows", self.rows)
        else:
            head = tr.ngettext("Imported {count} row", "Imported {count} rows", self.rows)
        new_clients = len(self.clients_created)
        if self.kind == "assessments":
            parts = [
                tr.ngettext("{count} new value", "{count} new values", self.values_added),
                # Translators: values changed by an import.
                tr.ngettext("{count} changed", "{count} changed", self.values_changed),
                tr.ngettext(
                    "{count} new assessment", "{count} new assessments", self.assessments_created
                ),
                tr.ngettext("{count} new client", "{count} new clients", new_clients),
            ]
            if self.recomputed:
                parts.append(
                    tr.ngettext(
                        "{count} computed score updated",
                        "{count} computed scores updated",
                        self.recomputed,
                    )
                )
        else:
            parts = [
                tr.ngettext("{count} new client", "{count} new clients", new_clients),
                # Translators: clients updated by an import.
                tr.ngettext("{count} updated", "{count} updated", len(self.clients_updated)),
            ]
        return f"{head}: {', '.join(parts)}"


def _shown(value: object) -> str:
    if value is None:
        return "(empty)"
    if isinstance(value, float):
        return f"{value:g}"
    return str(value) if str(value) else "(empty)"
