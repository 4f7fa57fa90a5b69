"""The coded presenting complaint (domain.records.COMPLAINT_CODES) in words, for the reports:
"Achilles tendon, mid-portion", "Tendón de Aquiles, porción media". The window says the same
words through Qt (ui/forms/client_dialog.ui, ui/client_page.py)."""

from __future__ import annotations

from collections.abc import Mapping

from mobileathlete_desktop.support.i18n import N_, texts

COMPLAINT_LABELS: Mapping[str, str] = {
    "achilles_midportion": N_("Achilles tendon, mid-portion"),
    "achilles_insertional": N_("Achilles tendon, insertional"),
    "plantar_heel": N_("Plantar heel pain"),
    "patellofemoral": N_("Patellofemoral pain"),
    "lateral_hip_gluteal": N_("Lateral hip pain (gluteal tendinopathy)"),
    "itb": N_("Iliotibial band syndrome"),
    "mtss": N_("Shin pain (medial tibial stress)"),
    "hamstring_proximal": N_("Proximal hamstring pain"),
    "other": N_("Other"),
}
"""Each code of domain.records.COMPLAINT_CODES in English words (the gettext source)."""


def complaint_label(code: str, lang: str = "en") -> str:
    """The coded complaint in `lang` ("Patellofemoral pain", "Dolor patelofemoral"); "" when
    the client's complaint is not coded (or the code is unknown)."""
    message = COMPLAINT_LABELS.get(code)
    return texts(lang).gettext(message) if message else ""
