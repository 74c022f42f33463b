"""One Alt+letter per control in the whole window, in every interface language.

Translators pick the & letter of each label on its own, so two labels of one window can share a
letter (Alt+O went to "Visit phone" instead of "Notes"). Rather than trust every catalog, the
window hands its mnemonic holders to `assign` once it is built: the menu bar first (its letters
are the ones people learn), then the controls in reading order. A holder keeps the translator's
letter while it is free; otherwise it takes the next free letter of its own text, and failing
that a free Latin letter shown in brackets, "(&K)", as Chinese and Japanese labels already do.

Letters are compared as Qt compares them (`QKeySequence.mnemonic`), so "&i" and "&I" clash, and
only letters a keyboard can type with Alt are offered: letters that have upper and lower case
(Latin, Cyrillic, Greek), never ideographs or uncased scripts, and no accented letters in Latin
text (the translator's own choice, such as "Tama&ño", is kept while it is free).
"""

from __future__ import annotations

import re
import string
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from PySide6.QtGui import QKeySequence

# "(&N)" or "（&N）": the bracketed accelerator of labels written without Latin letters.
_BRACKETED = re.compile(r"\s*[(（]&([^&])[)）]")
_FALLBACK = string.ascii_lowercase + string.digits


@dataclass
class Holder:
    """Something that shows a mnemonic: its current text and how to give it a new one."""

    text: str
    apply: Callable[[str], None]
    name: str = ""  # for test messages only
    # A control reachable another way (a Ctrl shortcut): when no letter of its own text is
    # free it goes without, rather than take a bracketed letter another control could use.
    optional: bool = False


def key_of(text: str) -> str:
    """The Alt+key Qt registers for `text` ("" when it has none)."""
    return QKeySequence.mnemonic(text).toString(QKeySequence.SequenceFormat.PortableText)


def strip(text: str) -> str:
    """`text` without any mnemonic marker (a bracketed "(&N)" goes whole)."""
    text = _BRACKETED.sub("", text)
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&&")


def _typeable(char: str) -> bool:
    """A letter Alt can be pressed with: it has case (digits of a text like "14 limits changed"
    are no good: the number changes)."""
    return char.lower() != char.upper() and len(char.upper()) == 1


def _candidates(plain: str) -> list[int]:
    """Positions in `plain` worth a mnemonic. In a text with Latin letters only those (an "í"
    takes a dead key, no good with Alt); in Cyrillic or Greek, that script's letters, which are
    keys of their keyboards."""
    # "&&" in the plain text is a literal ampersand: never a place for a marker.
    positions = [i for i, c in enumerate(plain) if c != "&" and _typeable(c)]
    latin = [i for i in positions if plain[i].isascii()]
    return latin or positions


def with_letter(text: str, taken: set[str], optional: bool = False) -> str:
    """`text` with a mnemonic whose key is not in `taken` (the translator's if it is free)."""
    if key_of(text) and key_of(text) not in taken:
        return text
    plain = strip(text)
    for position in _candidates(plain):
        candidate = plain[:position] + "&" + plain[position:]
        if key_of(candidate) and key_of(candidate) not in taken:
            return candidate
    if optional:
        return plain
    # No letter of the text is free: a bracketed letter, before a trailing colon.
    body, colon = (plain[:-1], plain[-1]) if plain[-1:] in (":", "：") else (plain, "")
    for char in _FALLBACK:
        candidate = f"{body}{_space(body)}(&{char.upper()}){colon}"
        if key_of(candidate) not in taken:
            return candidate
    return plain  # more than 36 holders: this one goes without


def assign(reserved: Iterable[Holder], holders: Iterable[Holder]) -> dict[str, str]:
    """Give every holder a key of its own; `reserved` (the menu bar) are served first.

    Returns {key: holder name} of what was assigned."""
    taken: dict[str, str] = {}
    for holder in [*reserved, *holders]:
        text = with_letter(holder.text, set(taken), holder.optional)
        holder.apply(text)
        key = key_of(text)
        if key:
            taken[key] = holder.name or strip(text)
    return taken


def letter_in(summary: str, key: str) -> str:
    """`summary` (a text that changes, like the limits toggle's) with the mnemonic of `key`
    ("Alt+C"): on that letter if the text has it, else bracketed at the end."""
    if not key:
        return summary.replace("&", "&&")
    plain = summary.replace("&", "&&")
    for position in _candidates(plain):
        candidate = plain[:position] + "&" + plain[position:]
        if key_of(candidate) == key:
            return candidate
    return f"{plain}{_space(plain)}(&{key.split('+')[-1]})"


def _space(text: str) -> str:
    """Words in scripts with spaces get one before the bracket; Chinese and Japanese do not."""
    return " " if any(c.lower() != c.upper() for c in text) else ""
