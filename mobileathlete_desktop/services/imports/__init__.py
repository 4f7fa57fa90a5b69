"""Importing clients and measurements from CSV: every row checked, then all or nothing.

`reading` reads the file and its CSV table, `parsing` turns rows into checked records (no
database), `report` says what an import did; `measurements` and `clients` apply the rows.
Callers import from here.
"""

from __future__ import annotations

from mobileathlete_desktop.services.imports.clients import import_clients
from mobileathlete_desktop.services.imports.measurements import import_assessments
from mobileathlete_desktop.services.imports.parsing import (
    ASSESSMENT_COLUMNS,
    CLIENT_COLUMNS,
    CLIENT_OPTIONAL,
    CLIENT_REQUIRED,
    FALSE_WORDS,
    FAULT_SEPARATOR,
    OPTIONAL_COLUMNS,
    TRUE_WORDS,
    ParsedClient,
    ParsedRow,
    is_finding_measure,
    parse_assessment_rows,
    parse_client_rows,
    parse_faults,
    parse_file_date,
)
from mobileathlete_desktop.services.imports.reading import (
    ENCODINGS,
    CsvTable,
    ImportFailed,
    RowError,
    read_csv_table,
    read_text,
)
from mobileathlete_desktop.services.imports.report import Change, ImportReport

__all__ = [
    "ASSESSMENT_COLUMNS",
    "CLIENT_COLUMNS",
    "CLIENT_OPTIONAL",
    "CLIENT_REQUIRED",
    "ENCODINGS",
    "FALSE_WORDS",
    "FAULT_SEPARATOR",
    "OPTIONAL_COLUMNS",
    "TRUE_WORDS",
    "Change",
    "CsvTable",
    "ImportFailed",
    "ImportReport",
    "ParsedClient",
    "ParsedRow",
    "RowError",
    "import_assessments",
    "import_clients",
    "is_finding_measure",
    "parse_assessment_rows",
    "parse_client_rows",
    "parse_faults",
    "parse_file_date",
    "read_csv_table",
    "read_text",
]
