"""Flesch-Kincaid grade of English text, fast and offline.

textstat gives the same measure, but its first call loads a 135,000-word pronunciation
dictionary (more than a second), which would stall the window on the nurse's first long note
and the command line on every run with one. Syllables counted by hyphenation (pyphen, the
library textstat itself uses for other languages) are close enough for a warning threshold;
the template's own reading level is tested with textstat (tests/test_reading_level.py).
"""

from __future__ import annotations

import re
from functools import cache

import pyphen

_SENTENCE_END = re.compile(r"[.!?:;]+")
_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")


@cache
def _hyphenator() -> pyphen.Pyphen:
    return pyphen.Pyphen(lang="en_US")


def syllables(word: str) -> int:
    """Syllables of one word: its hyphenation points, but never fewer than its vowel groups
    allow (hyphenation dictionaries do not split every syllable of short words)."""
    by_hyphens = _hyphenator().inserted(word.lower()).count("-") + 1
    vowel_groups = len(re.findall(r"[aeiouy]+", word.lower().rstrip("e"))) or 1
    return max(by_hyphens, vowel_groups)


def counts(text: str) -> tuple[int, int, int]:
    """(sentences, words, syllables)."""
    sentences = max(1, len([s for s in _SENTENCE_END.split(text) if _WORD.search(s)]))
    words = _WORD.findall(text)
    return sentences, len(words), sum(syllables(w) for w in words)


def flesch_kincaid_grade(text: str) -> float:
    sentences, words, syllable_count = counts(text)
    if not words:
        return 0.0
    return 0.39 * words / sentences + 11.8 * syllable_count / words - 15.59
