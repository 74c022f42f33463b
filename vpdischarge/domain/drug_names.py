"""Typing slips in a medicine's name: "Oxycodne" for oxycodone, "X" for nothing at all.

A medicine name prints on the handout exactly as typed, and a patient compares it with the box
at home. The known names (resources/medicines/names.txt) are English spellings of the medicines
and brand names common after a spine procedure and in older patients, with the words medicine
names are written with ("extended release", "calcium carbonate"). A word of the typed name that
is close to a known one without being one is a likely slip, named with the suggestion; a word
far from all of them is left alone, because the list is not a formulary and an unknown name is
not a wrong one.
"""

from __future__ import annotations

import difflib
import re
from functools import cache

from vpdischarge.assets import resources_dir

NAMES_FILE = "medicines/names.txt"
SHORTEST_NAME = 3  # letters; no medicine is called "X" or "Ab"
SHORTEST_CHECKED_WORD = 5  # shorter words are strengths and forms ("ER", "D3", "HCl")
CLOSE_ENOUGH = 0.8  # difflib ratio: one letter left out or swapped in a word of 8 or more

_WORD = re.compile(r"[^\W\d_]+")


@cache
def known_names() -> dict[str, str]:
    """Each known word, case-folded, mapped to its spelling in the list ("miralax": "MiraLAX")."""
    text = (resources_dir() / NAMES_FILE).read_text(encoding="utf-8")
    words = (line.split("#", 1)[0].strip() for line in text.splitlines())
    return {word.casefold(): word for word in words if word}


def too_short(name: str) -> bool:
    """A name with letters, but fewer than any medicine's ("X", "Ab")."""
    letters = sum(ch.isalpha() for ch in name)
    return 0 < letters < SHORTEST_NAME


def likely_slip(name: str) -> tuple[str, str] | None:
    """(typed word, known spelling) for the first word of `name` that looks like a slip."""
    known = known_names()
    for word in _WORD.findall(name):
        folded = word.casefold()
        if len(folded) < SHORTEST_CHECKED_WORD or folded in known or not word.isascii():
            continue
        # Only names with the same first letter: a slip keeps it, and a suggestion of another
        # medicine ("Alendronic" → "Zoledronic") would be worse than none.
        same_start = [k for k in known if k[0] == folded[0]]
        close = difflib.get_close_matches(folded, same_start, n=1, cutoff=CLOSE_ENOUGH)
        if close:
            spelling = known[close[0]]
            if word[:1].isupper() and spelling.islower():  # "Oxycodne" → "Oxycodone"
                spelling = spelling.capitalize()
            return word, spelling
    return None
