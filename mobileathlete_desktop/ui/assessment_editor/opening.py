"""What the assessment editor reads to open a visit, read off the UI thread and handed over.

The client page reads a visit's opening in a job (`read_opening`, on a worker) and opens the
editor with it in hand (`handed_over`): the editor then builds itself without a database
read on the UI thread. An editor opened any other way reads for itself, as it always did.
The opening is handed over only while the editor is being opened (never kept), so a later
editor can never be shown an older read.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from mobileathlete_desktop.domain.records import AssessmentRecord, ClientRecord
from mobileathlete_desktop.services import assessments as assessment_service
from mobileathlete_desktop.services import clients as client_service
from mobileathlete_desktop.services import templates as template_service
from mobileathlete_desktop.services.context import ServiceContext


@dataclass(frozen=True)
class EditorOpening:
    """The visit, its client, their previous visit and the templates, as read together;
    for a draft without a PSFS, the activities last asked about (`psfs_offer`, when read)."""

    record: AssessmentRecord
    client: ClientRecord
    previous: AssessmentRecord | None
    templates: tuple[template_service.TemplateRecord, ...]
    psfs_offer: assessment_service.PsfsOffer | None = None
    psfs_offer_read: bool = False


def read_opening(
    ctx: ServiceContext, assessment_id: int, *, templates: bool = True
) -> EditorOpening:
    """Reads what the editor shows on opening (safe on a worker: no widget touched);
    without `templates` (a reload: the editor has them), neither templates nor the PSFS
    offer are read (the editor reads the offer itself when its template has a PSFS)."""
    record = assessment_service.get_assessment(ctx, assessment_id)
    offer_wanted = (
        templates
        and record.status != "signed"
        and not any(o.instrument == "psfs" for o in record.outcomes)
    )
    return EditorOpening(
        record=record,
        client=client_service.get_client(ctx, record.client_id, audit=False),
        previous=assessment_service.previous_assessment(ctx, assessment_id),
        templates=tuple(template_service.list_templates(ctx)) if templates else (),
        psfs_offer=assessment_service.psfs_offer(ctx, assessment_id) if offer_wanted else None,
        psfs_offer_read=offer_wanted,
    )


_HANDED: dict[int, EditorOpening] = {}


@contextmanager
def handed_over(opening: EditorOpening) -> Iterator[None]:
    """Offers `opening` to an editor opened on its visit inside the block (UI thread)."""
    assessment_id = opening.record.id
    _HANDED[assessment_id] = opening
    try:
        yield
    finally:
        _HANDED.pop(assessment_id, None)


def take(assessment_id: int) -> EditorOpening | None:
    """The opening handed over for this visit, once (None: the editor reads for itself)."""
    return _HANDED.pop(assessment_id, None)
