"""Counted words in the therapist's messages follow the plural rule ("1 new client", never
"1 new clients"), and every one of them is in the Spanish catalogue with its three CLDR forms."""

from __future__ import annotations

from pathlib import Path

import pytest

from mobileathlete_desktop.charts.kinds import MeasureChoice
from mobileathlete_desktop.domain.interpretation.computed import fms_total
from mobileathlete_desktop.services.exports import ExportSummary
from mobileathlete_desktop.services.imports.report import ImportReport
from mobileathlete_desktop.support.i18n import texts


def test_an_import_of_one_row_says_each_count_in_the_singular() -> None:
    one = ImportReport(
        rows=1,
        clients_created=["T-1"],
        assessments_created=1,
        values_added=1,
        values_changed=1,
        recomputed=1,
        dry_run=True,
    )
    assert one.describe() == (
        "Would import 1 row: 1 new value, 1 changed, 1 new assessment, 1 new client, "
        "1 computed score updated"
    )
    two = ImportReport(
        rows=2, clients_created=["T-1", "T-2"], assessments_created=2, values_added=2, recomputed=2
    )
    assert two.describe() == (
        "Imported 2 rows: 2 new values, 0 changed, 2 new assessments, 2 new clients, "
        "2 computed scores updated"
    )
    clients = ImportReport(rows=1, clients_created=["T-1"], kind="clients")
    assert clients.describe() == "Imported 1 row: 1 new client, 0 updated"


def test_an_export_of_one_measurement_says_so() -> None:
    one = ExportSummary(files=(Path("visits.csv"),), clients=1, measurements=1)
    assert one.describe() == "Exported 1 measurement of 1 client to visits.csv"
    many = ExportSummary(files=(Path("a.json"), Path("b.json")), clients=2, measurements=7)
    assert many.describe() == "Exported 7 measurements of 2 clients to 2 files"


def test_the_measure_picker_counts_visits() -> None:
    said = [MeasureChoice("hip.flexion", "active", "Hip flexion", n).text for n in (1, 2)]
    assert said == ["Hip flexion (active) — 1 visit", "Hip flexion (active) — 2 visits"]


def test_a_wrong_fms_clearing_code_is_named_in_the_singular() -> None:
    with pytest.raises(ValueError, match=r"^unknown FMS clearing test: nope$"):
        fms_total({}, clearing={"nope": True})


# The therapist's counted messages and their Spanish: one, many (1 000 000) and other.
SPANISH = [
    ("Imported {count} row", "Imported {count} rows", "Se importó 1 fila", "Se importaron 2 filas"),
    ("{count} new client", "{count} new clients", "1 cliente nuevo", "2 clientes nuevos"),
    ("{count} minute", "{count} minutes", "1 minuto", "2 minutos"),
    ("{count} visit", "{count} visits", "1 visita", "2 visitas"),
    ("{count} fault", "{count} faults", "1 fallo", "2 fallos"),
    ("{count} file", "{count} files", "1 archivo", "2 archivos"),
    (
        "{count} computed score updated",
        "{count} computed scores updated",
        "1 puntuación calculada actualizada",
        "2 puntuaciones calculadas actualizadas",
    ),
]


@pytest.mark.parametrize(("singular", "plural", "one", "two"), SPANISH)
def test_counted_messages_are_in_the_spanish_catalogue(
    singular: str, plural: str, one: str, two: str
) -> None:
    tr = texts("es")
    assert tr.ngettext(singular, plural, 1) == one
    assert tr.ngettext(singular, plural, 2) == two
    assert tr.ngettext(singular, plural, 1_000_000) == two.replace("2", "1000000", 1)
