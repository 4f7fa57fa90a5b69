"""Client reports (one client, or every client seen on a day or in a range) and handouts.

`summary` builds a client's two-page summary, `progress` the full record, `tables` its
value tables and change lines, `letter` the referral letter, `documents` the three behind one
interface and a batch's cover page, `batch` writes reports (serially or in worker processes),
`files` names and audits the files, `handouts` builds home-program handouts. Callers import
from here.
"""

from __future__ import annotations

from mobileathlete_desktop.services.reports.batch import (
    POOL_MIN_CLIENTS,
    BatchResult,
    Cancelled,
    Progress,
    write_batch,
    write_report,
)
from mobileathlete_desktop.services.reports.documents import (
    FULL,
    KINDS,
    LETTER,
    SUMMARY,
    Document,
    build_document_for,
)
from mobileathlete_desktop.services.reports.files import record_printed, report_file_name
from mobileathlete_desktop.services.reports.handouts import (
    DRAWING_SIZE,
    HandoutResult,
    ProgramDrill,
    ProgramListing,
    build_handout,
    handout_program,
    program_listing,
    write_client_handout,
)
from mobileathlete_desktop.services.reports.letter import build_letter
from mobileathlete_desktop.services.reports.progress import (
    MAX_GAP_PANELS,
    MAX_PROGRESS_CHARTS,
    build_progress_report,
    client_for_id,
    client_ids_for_charts,
    clients_assessed_between,
    clinic_header,
    latest_visit,
)
from mobileathlete_desktop.services.reports.summary import build_summary_report
from mobileathlete_desktop.services.reports.tables import FLAG_WORDS, OUTCOME_CODES

__all__ = [
    "DRAWING_SIZE",
    "FLAG_WORDS",
    "FULL",
    "KINDS",
    "LETTER",
    "MAX_GAP_PANELS",
    "MAX_PROGRESS_CHARTS",
    "OUTCOME_CODES",
    "POOL_MIN_CLIENTS",
    "SUMMARY",
    "BatchResult",
    "Cancelled",
    "Document",
    "HandoutResult",
    "ProgramDrill",
    "ProgramListing",
    "Progress",
    "build_document_for",
    "build_handout",
    "build_letter",
    "build_progress_report",
    "build_summary_report",
    "client_for_id",
    "client_ids_for_charts",
    "clients_assessed_between",
    "clinic_header",
    "handout_program",
    "latest_visit",
    "program_listing",
    "record_printed",
    "report_file_name",
    "write_batch",
    "write_client_handout",
    "write_report",
]
