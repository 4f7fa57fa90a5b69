"""The clinic's treatment in a visit: what was done, as data (kinds, joints, directions,
Maitland grades, regions, techniques, what was trained, cues) with English and Spanish
labels, the rules an entry must meet, and the one line a report's visit list shows.

An entry names its joint or region (`site`) and its direction, technique, what was trained
or the cue (`method`) by a code of the vocabulary below, or, for what the lists lack, in the
therapist's own words (kept as typed and shown as typed). A third language is one more key.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Literal

from mobileathlete_desktop.support.languages import pick
from mobileathlete_desktop.support.plain_text import one_line

TreatmentKind = Literal["mobilisation", "soft_tissue", "neuromuscular", "cue", "other"]
TreatmentSide = Literal["left", "right", "both", "none"]
Texts = Mapping[str, str]

KINDS: tuple[TreatmentKind, ...] = ("mobilisation", "soft_tissue", "neuromuscular", "cue", "other")
SIDES: tuple[TreatmentSide, ...] = ("none", "left", "right", "both")
MINUTES_MAX = 120
TEXT_LENGTH = 80
"""At most this many characters for a joint, region, technique or cue in own words."""
NOTE_LENGTH = 500


@dataclass(frozen=True)
class Term:
    """One word of the vocabulary: a stable code (stored, exported) and its labels."""

    code: str
    label: Texts

    def label_in(self, lang: str | None) -> str:
        """The label in `lang` (English when that language has none)."""
        return pick(self.label, lang)


def _terms(*rows: tuple[str, str, str]) -> tuple[Term, ...]:
    return tuple(Term(code, {"en": en, "es": es}) for code, en, es in rows)


KIND_TERMS = _terms(
    ("mobilisation", "Joint mobilisation", "Movilización articular"),
    ("soft_tissue", "Soft-tissue work", "Trabajo de tejidos blandos"),
    ("neuromuscular", "Neuromuscular re-education", "Reeducación neuromuscular"),
    ("cue", "Cue given", "Indicación dada"),
    ("other", "Other", "Otro"),
)

JOINTS = _terms(
    ("talocrural", "Ankle (talocrural)", "Tobillo (talocrural)"),
    ("subtalar", "Subtalar", "Subastragalina"),
    ("midfoot", "Midfoot", "Mediopié"),
    ("first_mtp", "First MTP joint", "Primera metatarsofalángica"),
    ("proximal_tibiofibular", "Proximal tibiofibular", "Tibioperonea proximal"),
    ("tibiofemoral", "Knee (tibiofemoral)", "Rodilla (tibiofemoral)"),
    ("patellofemoral", "Patellofemoral", "Patelofemoral"),
    ("hip", "Hip", "Cadera"),
    ("sacroiliac", "Sacroiliac", "Sacroilíaca"),
    ("lumbar", "Lumbar spine", "Columna lumbar"),
    ("thoracic", "Thoracic spine", "Columna torácica"),
)

DIRECTIONS = _terms(
    ("ap", "AP glide", "Deslizamiento AP"),
    ("pa", "PA glide", "Deslizamiento PA"),
    ("medial", "Medial glide", "Deslizamiento medial"),
    ("lateral", "Lateral glide", "Deslizamiento lateral"),
    ("caudal", "Caudal glide", "Deslizamiento caudal"),
    ("distraction", "Long-axis distraction", "Distracción en eje longitudinal"),
    ("rotation", "Rotation", "Rotación"),
    ("mwm", "Mobilisation with movement", "Movilización con movimiento"),
)

# Maitland's grades. Source: Maitland's grading as summarised in the Sheffield Hallam
# manual-therapy notes (sites.google.com/my.shu.ac.uk/manualtherapy, "Maitland grades") and
# cyberpt.com's Maitland grade review: I and II short of resistance (small / large
# amplitude), III and IV into resistance (large / small), V a small-amplitude high-velocity
# thrust at the end of the available range (manipulation). Plus and minus refinements of
# III and IV go in the note.
GRADES: Mapping[int, str] = {1: "I", 2: "II", 3: "III", 4: "IV", 5: "V"}
GRADE_TERMS: Mapping[int, Texts] = {
    1: {
        "en": "small amplitude, short of resistance",
        "es": "amplitud pequeña, antes de la resistencia",
    },
    2: {
        "en": "large amplitude, short of resistance",
        "es": "amplitud grande, antes de la resistencia",
    },
    3: {
        "en": "large amplitude, into resistance",
        "es": "amplitud grande, dentro de la resistencia",
    },
    4: {
        "en": "small amplitude, into resistance",
        "es": "amplitud pequeña, dentro de la resistencia",
    },
    5: {
        "en": "high-velocity thrust at the end of range (manipulation)",
        "es": "impulso de alta velocidad al final del rango (manipulación)",
    },
}

REGIONS = _terms(
    ("plantar_fascia", "Plantar fascia", "Fascia plantar"),
    ("calf", "Calf (gastrocnemius–soleus)", "Pantorrilla (gastrocnemio-sóleo)"),
    ("achilles", "Achilles tendon", "Tendón de Aquiles"),
    ("tibialis_posterior", "Tibialis posterior", "Tibial posterior"),
    ("anterior_shin", "Anterior shin", "Cara anterior de la pierna"),
    ("hamstrings", "Hamstrings", "Isquiotibiales"),
    ("quadriceps", "Quadriceps", "Cuádriceps"),
    ("lateral_thigh", "Lateral thigh (iliotibial band)", "Muslo lateral (cintilla iliotibial)"),
    ("gluteals", "Gluteals", "Glúteos"),
    ("hip_flexors", "Hip flexors", "Flexores de cadera"),
    ("adductors", "Adductors", "Aductores"),
    ("lumbar_paraspinals", "Lumbar paraspinals", "Paravertebrales lumbares"),
)

TECHNIQUES = _terms(
    ("massage", "Massage", "Masaje"),
    ("myofascial", "Myofascial release", "Liberación miofascial"),
    ("trigger_point", "Trigger-point pressure", "Presión de puntos gatillo"),
    ("instrument", "Instrument-assisted (IASTM)", "Con instrumento (IASTM)"),
    ("friction", "Transverse friction", "Fricción transversa"),
    ("dry_needling", "Dry needling", "Punción seca"),
    ("stretch", "Passive stretching", "Estiramiento pasivo"),
)

TRAINED = _terms(
    ("hip_control", "Hip and pelvic control", "Control de cadera y pelvis"),
    ("knee_alignment", "Knee alignment on one leg", "Alineación de la rodilla en apoyo unipodal"),
    ("balance", "Single-leg balance", "Equilibrio unipodal"),
    (
        "foot_intrinsics",
        "Foot intrinsics (short foot)",
        "Musculatura intrínseca del pie (pie corto)",
    ),
    ("landing", "Landing and hopping", "Aterrizaje y saltos"),
    ("trunk", "Trunk control", "Control del tronco"),
    ("gait", "Running gait retraining", "Reeducación de la carrera"),
)

CUES = _terms(
    ("cadence", "Raise step rate (cadence)", "Aumentar la cadencia"),
    ("quiet_landing", "Land softly", "Aterrizar con suavidad"),
    (
        "step_under",
        "Land under the body (less overstride)",
        "Apoyar bajo el cuerpo (menos zancada)",
    ),
    ("knees_apart", "Knees apart, no crossover", "Rodillas separadas, sin cruzar"),
    ("run_tall", "Run tall, level pelvis", "Correr erguido, pelvis nivelada"),
)

SIDE_TERMS: Mapping[str, Texts] = {
    "left": {"en": "left", "es": "lado izquierdo"},
    "right": {"en": "right", "es": "lado derecho"},
    "both": {"en": "both sides", "es": "ambos lados"},
    "none": {"en": "", "es": ""},
}

# What `site` and `method` name for each kind, and which vocabulary offers them (None: not
# asked for that kind).
SITE_TERMS: Mapping[str, tuple[Term, ...] | None] = {
    "mobilisation": JOINTS,
    "soft_tissue": REGIONS,
    "neuromuscular": None,
    "cue": None,
    "other": (),
}
METHOD_TERMS: Mapping[str, tuple[Term, ...] | None] = {
    "mobilisation": DIRECTIONS,
    "soft_tissue": TECHNIQUES,
    "neuromuscular": TRAINED,
    "cue": CUES,
    "other": (),
}

WORDS: Mapping[str, Texts] = {
    "grade": {"en": "grade {grade}", "es": "grado {grade}"},
    "minutes": {"en": "{minutes} min", "es": "{minutes} min"},
}

MESSAGES: Mapping[str, Texts] = {
    "kind": {
        "en": "Kind of treatment must be one of: {kinds}",
        "es": "El tipo de tratamiento debe ser uno de: {kinds}",
    },
    "side": {
        "en": "Side must be left, right, both or none",
        "es": "El lado debe ser izquierdo, derecho, ambos o ninguno",
    },
    "grade_kind": {
        "en": "A grade is given only for a joint mobilisation",
        "es": "El grado solo se indica en una movilización articular",
    },
    "grade": {
        "en": "Grade must be I, II, III, IV or V (Maitland), not {value}",
        "es": "El grado debe ser I, II, III, IV o V (Maitland), no {value}",
    },
    "minutes": {
        "en": "Minutes must be a whole number from 0 to {max}, not {value}",
        "es": "Los minutos deben ser un número entero de 0 a {max}, no {value}",
    },
    "too_long": {
        "en": "{what} is too long (at most {max} characters)",
        "es": "{what} es demasiado largo (máximo {max} caracteres)",
    },
    "needs_site": {
        "en": "{kind}: say which {what}",
        "es": "{kind}: indique {what}",
    },
    "needs_method": {
        "en": "{kind}: say {what}",
        "es": "{kind}: indique {what}",
    },
    "needs_note": {
        "en": "Other treatment: describe it in the note",
        "es": "Otro tratamiento: descríbalo en la nota",
    },
}

# What a missing `site` or `method` is called in the messages above.
FIELD_WORDS: Mapping[str, Texts] = {
    "joint": {"en": "joint", "es": "la articulación"},
    "region": {"en": "region", "es": "la región"},
    "direction": {"en": "the direction", "es": "la dirección"},
    "technique": {"en": "the technique", "es": "la técnica"},
    "trained": {"en": "what was trained", "es": "qué se entrenó"},
    "cue": {"en": "the cue", "es": "la indicación"},
    "note": {"en": "The note", "es": "La nota"},
    "text": {"en": "The text", "es": "El texto"},
}
_SITE_WORD = {"mobilisation": "joint", "soft_tissue": "region"}
_METHOD_WORD = {
    "mobilisation": "direction",
    "soft_tissue": "technique",
    "neuromuscular": "trained",
    "cue": "cue",
}


class InvalidTreatment(ValueError):
    """An entry breaks a rule; the message says which, in the language asked for."""


def _message(key: str, lang: str | None, **values: object) -> str:
    return pick(MESSAGES[key], lang).format(**values)


@dataclass(frozen=True)
class TreatmentEntry:
    """What the therapist records of one treatment (codes or own words, as stored)."""

    kind: TreatmentKind
    site: str = ""
    method: str = ""
    grade: int | None = None
    side: TreatmentSide = "none"
    minutes: int | None = None
    note: str = ""


@dataclass(frozen=True)
class TreatmentRecord:
    """A stored treatment of a visit, in its place in the visit's list."""

    id: int
    assessment_id: int
    position: int
    kind: TreatmentKind
    site: str = ""
    method: str = ""
    grade: int | None = None
    side: TreatmentSide = "none"
    minutes: int | None = None
    note: str = ""

    @property
    def entry(self) -> TreatmentEntry:
        """What was recorded, without where it is stored (compared by the optimistic check)."""
        return TreatmentEntry(
            self.kind, self.site, self.method, self.grade, self.side, self.minutes, self.note
        )


def kind_label(kind: str, lang: str | None) -> str:
    """The kind in words ("Joint mobilisation"); an unknown code as it is."""
    term = next((t for t in KIND_TERMS if t.code == kind), None)
    return term.label_in(lang) if term else kind


def _term_label(terms: Sequence[Term] | None, code: str, lang: str | None) -> str:
    term = next((t for t in terms or () if t.code == code), None)
    return term.label_in(lang) if term else code


def site_label(kind: str, site: str, lang: str | None) -> str:
    """The joint or region in words (a code of the vocabulary), or the own words as typed."""
    return _term_label(SITE_TERMS.get(kind), site, lang)


def method_label(kind: str, method: str, lang: str | None) -> str:
    """The direction, technique, what was trained or the cue in words, or as typed."""
    return _term_label(METHOD_TERMS.get(kind), method, lang)


def grade_label(grade: int | None) -> str:
    """The grade in Roman numerals ("III"); "" for none."""
    return GRADES.get(grade, "") if grade is not None else ""


def side_label(side: str, lang: str | None) -> str:
    """The side in words ("left"); "" for none."""
    return pick(SIDE_TERMS.get(side, {"en": side}), lang)


def term_code(terms: Iterable[Term], text: str) -> str:
    """The code for a typed or chosen text: a code itself, or a label in any language
    (case and spaces aside); else the text on one line (own words)."""
    shown = one_line(text)
    folded = shown.casefold()
    for term in terms:
        if folded == term.code.casefold() or any(
            folded == label.casefold() for label in term.label.values()
        ):
            return term.code
    return shown


def parse_grade(text: str, lang: str | None = "en") -> int | None:
    """A typed grade: "" for none, a Roman numeral I–V or a digit 1–5 (InvalidTreatment)."""
    shown = one_line(text).upper()
    if not shown:
        return None
    for number, roman in GRADES.items():
        if shown in (roman, str(number)):
            return number
    raise InvalidTreatment(_message("grade", lang, value=shown[:12]))


def parse_minutes(text: str, lang: str | None = "en") -> int | None:
    """Typed minutes: "" for none, else a whole number from 0 to MINUTES_MAX."""
    shown = one_line(text)
    if not shown:
        return None
    if not shown.isdecimal() or not 0 <= int(shown) <= MINUTES_MAX:
        raise InvalidTreatment(_message("minutes", lang, max=MINUTES_MAX, value=shown[:12]))
    return int(shown)


def checked(entry: TreatmentEntry, lang: str | None = "en") -> TreatmentEntry:
    """The entry as it may be stored (texts on one line, control characters gone), or
    InvalidTreatment: an unknown kind or side, a grade outside I–V or on anything but a
    mobilisation, minutes outside 0–120, a text too long, or what the kind needs missing."""
    if entry.kind not in KINDS:
        raise InvalidTreatment(_message("kind", lang, kinds=", ".join(KINDS)))
    if entry.side not in SIDES:
        raise InvalidTreatment(_message("side", lang))
    if entry.grade is not None:
        if entry.kind != "mobilisation":
            raise InvalidTreatment(_message("grade_kind", lang))
        if isinstance(entry.grade, bool) or entry.grade not in GRADES:
            raise InvalidTreatment(_message("grade", lang, value=entry.grade))
    minutes = entry.minutes
    if minutes is not None and (
        isinstance(minutes, bool) or not isinstance(minutes, int) or not 0 <= minutes <= MINUTES_MAX
    ):
        raise InvalidTreatment(_message("minutes", lang, max=MINUTES_MAX, value=minutes))
    site, method, note = (one_line(t or "") for t in (entry.site, entry.method, entry.note))
    for text, limit, word in ((site, TEXT_LENGTH, "text"), (method, TEXT_LENGTH, "text")):
        if len(text) > limit:
            what = pick(FIELD_WORDS[word], lang)
            raise InvalidTreatment(_message("too_long", lang, what=what, max=limit))
    if len(note) > NOTE_LENGTH:
        what = pick(FIELD_WORDS["note"], lang)
        raise InvalidTreatment(_message("too_long", lang, what=what, max=NOTE_LENGTH))
    kind = kind_label(entry.kind, lang)
    if entry.kind in _SITE_WORD and not site:
        what = pick(FIELD_WORDS[_SITE_WORD[entry.kind]], lang)
        raise InvalidTreatment(_message("needs_site", lang, kind=kind, what=what))
    if entry.kind in _METHOD_WORD and entry.kind != "mobilisation" and not method:
        what = pick(FIELD_WORDS[_METHOD_WORD[entry.kind]], lang)
        raise InvalidTreatment(_message("needs_method", lang, kind=kind, what=what))
    if entry.kind == "other" and not (note or site or method):
        raise InvalidTreatment(_message("needs_note", lang))
    return replace(entry, site=site, method=method, note=note)


def describe(t: TreatmentEntry | TreatmentRecord, lang: str | None, *, kind: bool = True) -> str:
    """One treatment in words: "Joint mobilisation: Ankle (talocrural) left, PA glide,
    grade III, 8 min (note)"; without the kind when `kind` is False."""
    where = " ".join(
        p
        for p in (site_label(t.kind, t.site, lang) if t.site else "", side_label(t.side, lang))
        if p
    )
    parts = [where, method_label(t.kind, t.method, lang) if t.method else ""]
    if t.grade is not None:
        parts.append(pick(WORDS["grade"], lang).format(grade=grade_label(t.grade)))
    if t.minutes is not None:
        parts.append(pick(WORDS["minutes"], lang).format(minutes=t.minutes))
    body = ", ".join(p for p in parts if p)
    if t.note:
        body = f"{body} ({t.note})" if body else t.note
    if not kind:
        return body
    return f"{kind_label(t.kind, lang)}: {body}" if body else kind_label(t.kind, lang)


def treatment_line(treatments: Sequence[TreatmentEntry | TreatmentRecord], lang: str | None) -> str:
    """A visit's treatment on one line for a report's visit list, in `lang`: each treatment
    described, in the order recorded, separated by " · "; "" when none was recorded."""
    return " · ".join(describe(t, lang) for t in treatments)
