"""What an import did or, in a dry run, would do: its changes line by line."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Change:
    """One thing an import adds or changes (shown in a dry run and in the import preview)."""

    line: int
    chart_number: str
    what: str
    before: str = ""
    after: str = ""

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

    def describe(self) -> str:
        """One line for the command line or a dialog."""
        verb = "Would import" if self.dry_run else "Imported"
        if self.kind == "assessments":
            recomputed = (
                f", {self.recomputed} computed score{'s' if self.recomputed != 1 else ''} updated"
                if self.recomputed
                else ""
            )
            return (
                f"{verb} {self.rows} rows: {self.values_added} new values, "
                f"{self.values_changed} changed, {self.assessments_created} new assessments, "
                f"{len(self.clients_created)} new clients{recomputed}"
            )
        return (
            f"{verb} {self.rows} rows: {len(self.clients_created)} new clients, "
            f"{len(self.clients_updated)} updated"
        )


def _shown(value: object) -> str:
    if value is None:
        return "(empty)"
    if isinstance(value, float):
        return f"{value:g}"
    return str(value) if str(value) else "(empty)"
