"""Which medicines in the list are opioids or blood thinners, from the name as typed.

The handout adds safety text for these kinds (see the template). A name is recognised in the
usual spellings of the 20 handout languages and by common brand names; the names and how they
match are data, in ``resources/medicines/kinds.toml`` (its header explains the rules). The nurse
can also tick a medicine as an opioid (``Medication.opioid``), for a name the list does not know.
"""

from __future__ import annotations

import re
import tomllib
import unicodedata
from dataclasses import dataclass
from functools import cache

from vpdischarge.assets import resources_dir
from vpdischarge.domain.case import Case, Medication

OPIOID = "opioid"
BLOOD_THINNER = "blood_thinner"
KINDS = (OPIOID, BLOOD_THINNER)

# Scripts whose letters carry optional accents: a mark on one of their letters is dropped.
_MARKED_SCRIPTS = ("LATIN", "CYRILLIC", "GREEK")
# Arabic short vowels, shadda, sukun, superscript alef and the tatweel: optional in writing.
_ARABIC_OPTIONAL = re.compile("[\u064b-\u065f\u0670\u0640]")
# One letter, several written forms: hamza on alef, Arabic and Persian yeh and kaf.
_ARABIC_FORMS = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ي": "ی", "ى": "ی", "ك": "ک"})
# Joiners and soft hyphens sit inside words and mean nothing here.
_INVISIBLE = re.compile("[\u200b-\u200d\u00ad\u2060]")


def _script(ch: str) -> str:
    """The script a character belongs to ("LATIN"), or "" for no character (a mark before any
    letter has no base: unicodedata.name would raise TypeError on the empty string)."""
    if len(ch) != 1:
        return ""
    return unicodedata.name(ch, "").split(" ")[0]


def normal(text: str) -> str:
    """`text` compared the way names are: case, optional marks and spelling forms folded, every
    run of non-word characters one space."""
    text = unicodedata.normalize("NFKC", text).casefold()
    text = _INVISIBLE.sub("", text)
    kept: list[str] = []
    base = ""
    for ch in unicodedata.normalize("NFD", text):
        if unicodedata.category(ch) == "Mn":
            # A mark on no letter (typed or pasted before the name) belongs to nothing: dropped.
            if not base or _script(base) in _MARKED_SCRIPTS:
                continue
        else:
            base = ch
        kept.append(ch)
    text = unicodedata.normalize("NFC", "".join(kept))
    text = _ARABIC_OPTIONAL.sub("", text).translate(_ARABIC_FORMS)
    # Anything but a letter, digit or mark breaks words (hyphens, slashes, brackets, "#"); the
    # vowel signs of Hindi are marks, and part of the word.
    return " ".join("".join(ch if _in_word(ch) else " " for ch in text).split())


def _in_word(ch: str) -> bool:
    return ch.isalnum() or unicodedata.category(ch).startswith("M")


def _spaced_script(name: str) -> bool:
    """Names in Latin, Cyrillic or Greek letters are matched by words; others anywhere."""
    return all(_script(ch) in _MARKED_SCRIPTS for ch in name if ch.isalpha())


@dataclass(frozen=True)
class _Matcher:
    words: re.Pattern[str] | None  # stems and brands in spaced scripts, on `normal` text
    anywhere: tuple[str, ...]  # names in other scripts, spaces removed

    def matches(self, text: str) -> bool:
        folded = normal(text)
        if self.words is not None and self.words.search(folded):
            return True
        compact = folded.replace(" ", "")
        return any(name in compact for name in self.anywhere)


def _word_pattern(stems: list[str], brands: list[str]) -> re.Pattern[str] | None:
    # A stem may run on into an ending ("morfin" in "morfina"), a brand may not; a name ending in
    # a digit never runs on into another digit ("tylenol 3", not "tylenol 30").
    parts = [re.escape(s) + (r"(?!\d)" if s[-1].isdigit() else "") for s in stems]
    parts += [re.escape(b) + r"(?!\w)" for b in brands]
    if not parts:
        return None
    return re.compile(r"(?<!\w)(?:" + "|".join(sorted(parts, key=len, reverse=True)) + ")")


@cache
def _matchers() -> dict[str, _Matcher]:
    with open(resources_dir() / "medicines" / "kinds.toml", "rb") as f:
        data = tomllib.load(f)
    found = {}
    for kind in KINDS:
        names = {key: [normal(n) for n in data[kind].get(key, [])] for key in ("stems", "brands")}
        spaced = {key: [n for n in names[key] if n and _spaced_script(n)] for key in names}
        others = tuple(n.replace(" ", "") for key in names for n in names[key] if n and not _spaced_script(n))
        found[kind] = _Matcher(_word_pattern(spaced["stems"], spaced["brands"]), others)
    return found


def is_kind(name: str, kind: str) -> bool:
    """Whether a medicine called `name` (as typed, in any of our languages) is of `kind`."""
    return bool(name.strip()) and _matchers()[kind].matches(name)


def is_opioid(med: Medication) -> bool:
    """An opioid by its name, or because the nurse ticked it as one."""
    return med.opioid or is_kind(med.name, OPIOID)


def has_opioid(case: Case) -> bool:
    return any(is_opioid(med) for med in case.medications)
