"""RxNorm display text split into a name a patient knows and the strength of one dose.

RxNorm clinical drug names follow one pattern: an optional pack quantity ("24 HR", "10 ML",
"60 ACTUAT"), then ingredient and strength for each ingredient joined by " / ", then the dose
form: "Oxycodone Hydrochloride 5 MG Oral Tablet",
"Acetaminophen 325 MG / Oxycodone Hydrochloride 5 MG Oral Tablet",
"24 HR Metformin hydrochloride 500 MG Extended Release Oral Tablet". The salt that does not
change what the patient takes ("Hydrochloride", "Sodium") is dropped from the name; a salt that
does (metoprolol succinate is not metoprolol tartrate) is kept. Text that does not follow the
pattern is kept whole as the name, with no dose, and reported.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

RXNORM = "http://www.nlm.nih.gov/research/umls/rxnorm"

# Dropped only after the first word ("Sodium bicarbonate" keeps its name).
_PLAIN_SALTS = {
    "hydrochloride",
    "hcl",
    "sodium",
    "potassium",
    "calcium",
    "hydrobromide",
    "bitartrate",
    "besylate",
    "mesylate",
    "maleate",
}
_UNITS = {
    "MG": "mg",
    "MCG": "mcg",
    "ML": "mL",
    "UNT": "units",
    "MEQ": "mEq",
    "ACTUAT": "actuation",
    "HR": "hour",
    "%": "%",
    "G": "g",
}
_PACK = re.compile(r"^(?:\{[^}]*\}\s+)?(?:\d+(?:\.\d+)?\s+(?:HR|ML|ACTUAT|DAY|G|MG)\s+)+")
_BRAND = re.compile(r"\s*\[[^\]]*\]")
_PART = re.compile(
    r"^(?P<name>[A-Za-z][A-Za-z ,'\-]*?)\s+(?P<amount>\d+(?:\.\d+)?)\s+"
    r"(?P<unit>[A-Z%]+(?:/[A-Z]+)?)(?:\s+(?P<rest>.*))?$"
)


@dataclass(frozen=True)
class SplitName:
    name: str
    dose: str
    understood: bool


def _unit(unit: str) -> str | None:
    parts = [_UNITS.get(p) for p in unit.split("/")]
    known = [p for p in parts if p is not None]
    return "/".join(known) if len(known) == len(parts) else None


def _plain_name(name: str) -> str:
    words = name.split()
    kept = words[:1] + [w for w in words[1:] if w.casefold() not in _PLAIN_SALTS]
    text = " ".join(kept)
    return text[:1].upper() + text[1:]


def split_display(text: str) -> SplitName:
    original = " ".join(text.split())
    extended = bool(re.match(r"^\d+\s+HR\s", original)) or "extended release" in original.casefold()
    body = _BRAND.sub("", _PACK.sub("", original))
    names, doses = [], []
    pieces = body.split(" / ")
    for n, piece in enumerate(pieces):
        found = _PART.match(piece.strip())
        unit = _unit(found.group("unit")) if found else None
        # Only the last ingredient is followed by the dose form.
        if not found or unit is None or (found.group("rest") and n < len(pieces) - 1):
            return SplitName(original, "", False)
        names.append(_plain_name(found.group("name")))
        doses.append(f"{found.group('amount')} {unit}")
    name = " / ".join(names)
    dose = " / ".join(doses)
    if "/actuation" in dose and found is not None:
        # One actuation is one puff of an inhaler or one spray: said the way the patient counts.
        form = (found.group("rest") or "").casefold()
        per = " per puff" if "inhal" in form else " per spray" if "spray" in form else " per actuation"
        dose = dose.replace("/actuation", per)
    if extended:
        name += " (extended release)"
    return SplitName(name, dose, True)


def concept_text(concept) -> str:
    """The text to read a medicine's name from: RxNorm's display, else the concept's text,
    else any display."""
    if concept is None:
        return ""
    codings = concept.coding or []
    for coding in codings:
        if coding.system == RXNORM and coding.display:
            return coding.display
    if concept.text:
        return concept.text
    for coding in codings:
        if coding.display:
            return coding.display
    return ""
