"""A name or label as it stands inside a sentence, for every layer (domain, reports, services).

The library's drill names and the catalogue's labels are written as they start a line
("Puente de glúteos", "Hip flexion", "Thomas test (hip angle)"). Inside a sentence their first
letter is lowered ("... con puente de glúteos", "Left hip flexion"), but never an initialism
or a letter that names something ("FMS hurdle step", "Y-Balance anterior reach", "A-skip"),
nor a proper name ("Left Thomas test", "Beighton score", "Achilles pain").
"""

from __future__ import annotations

from mobileathlete_desktop.support.languages import DEFAULT_LANGUAGE, language_code

PROPER_NAMES: frozenset[str] = frozenset(
    {
        # Eponymous tests and scores of the catalogue, in both languages.
        "Thomas",
        "Ober",
        "Beighton",
        # Drills named after a place, and tendons named after a person (a complaint).
        "Copenhagen",
        "Copenhague",
        "Achilles",
        "Aquiles",
        "Osgood",
        "Sever",
        "Morton",
    }
)
"""Words that keep their capital wherever they stand (a first word of a name or label)."""


def _first_word(text: str) -> str:
    return text.split(" ", 1)[0].rstrip(",.:;)").split("-", 1)[0].split("'", 1)[0]


def lower_first(text: str) -> str:
    """`text` with its first letter lowered, as a word inside a sentence: "Hip flexion" ->
    "hip flexion"; an initialism, a lone letter before a hyphen ("FMS ...", "Y-Balance ...",
    "A-skip") or a proper name ("Thomas test") unchanged."""
    if not text[:1].isupper() or not text[1:2].islower():
        return text
    if _first_word(text) in PROPER_NAMES:
        return text
    return text[:1].lower() + text[1:]


def in_sentence(name: str, lang: str | None) -> str:
    """A drill's name as it stands inside a sentence of `lang`: Spanish writes it in lower
    case ("... de 3 ejercicios: plancha frontal, puente de glúteos"), but not an initialism or
    a proper name ("FMS...", "Plancha de Copenhague" keeps its capital further on); English
    keeps its capitals (the library's names are titles there)."""
    if language_code(lang) == DEFAULT_LANGUAGE:
        return name
    return lower_first(name)


def sentence_start(text: str) -> str:
    """`text` with its first letter raised, as a sentence starts ("izquierda" -> "Izquierda");
    the rest as it is."""
    return text[:1].upper() + text[1:]
