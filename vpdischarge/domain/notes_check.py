"""Checks the text a nurse types for the handout (clinician notes, the medicine list) for words a
patient may misread: the Joint Commission "Do Not Use" abbreviations, other abbreviations a patient
will not understand, and (English notes only) a reading grade above 6.

The abbreviations and their matching rules are data, in ``resources/abbreviations/*.toml``; see the
header of those files for the format. Every finding is a warning: nothing here stops a handout.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

from vpdischarge.assets import resources_dir
from vpdischarge.domain import reading_grade
from vpdischarge.domain.case import Case
from vpdischarge.domain.issues import Issue
from vpdischarge.domain.locales import find_locale, same_language
from vpdischarge.i18n import _, language_name

MAX_GRADE = 6.0
# Flesch-Kincaid means little on a line or two.
MIN_SENTENCES = 2
MIN_WORDS = 20
LISTS = {"do-not-use": "do-not-use.toml", "unclear-abbreviation": "patient-unfriendly.toml"}
MEDICATION_FIELDS = ("name", "dose", "when", "purpose")


@dataclass(frozen=True)
class Finding:
    field: str  # e.g. "clinician.notes" or "medications[2].when" (1-based)
    text: str  # what was found, exactly as typed
    suggestion: str  # the plain form, e.g. "once a day"
    kind: str  # "do-not-use", "unclear-abbreviation" or "reading-level"
    message: str  # one line for a nurse


@dataclass(frozen=True)
class _Rule:
    kind: str
    regex: re.Pattern[str]
    plain: str
    reason: str


def _compile(entry: dict) -> re.Pattern[str]:
    flags = 0 if entry.get("case_sensitive", True) else re.IGNORECASE
    if "pattern" in entry:
        return re.compile(entry["pattern"], flags)
    text = entry["text"]
    # A whole token: a letter or digit at either end may not touch another one.
    before = r"(?<!\w)" if re.match(r"\w", text) else ""
    after = r"(?!\w)" if re.search(r"\w$", text) else ""
    return re.compile(before + re.escape(text) + after, flags)


@cache
def rules() -> tuple[_Rule, ...]:
    """Every rule of both lists, read once from the resources folder."""
    found = []
    for kind, file_name in LISTS.items():
        with open(resources_dir() / "abbreviations" / file_name, "rb") as f:
            for entry in tomllib.load(f)["abbreviation"]:
                found.append(_Rule(kind, _compile(entry), entry["plain"], entry.get("reason", "")))
    return tuple(found)


def _message(rule: _Rule, text: str, plain: str) -> str:
    """Only the sentence is translated: the abbreviation, its plain form and the reason are data
    from the abbreviation lists."""
    if rule.kind == "do-not-use":
        message = _('"{text}" is on the Do Not Use list: write "{plain}"').format(text=text, plain=plain)
    else:
        message = _('"{text}" may not be clear to a patient: write "{plain}"').format(text=text, plain=plain)
    return _("{message} ({reason})").format(message=message, reason=rule.reason) if rule.reason else message


def _abbreviations(field: str, text: str) -> list[Finding]:
    """Each distinct abbreviation found in one field, once, in the order they appear."""
    hits: dict[str, tuple[int, Finding]] = {}
    for rule in rules():
        for match in rule.regex.finditer(text):
            found = match.group()
            if found not in hits:
                plain = match.expand(rule.plain)
                finding = Finding(field, found, plain, rule.kind, _message(rule, found, plain))
                hits[found] = (match.start(), finding)
    return [finding for _start, finding in sorted(hits.values(), key=lambda hit: hit[0])]


def _as_sentences(notes: str) -> str:
    """The notes as prose: each typed line is read as a sentence of its own."""
    lines = [line.strip() for line in notes.splitlines() if line.strip()]
    return " ".join(line if line[-1] in ".!?:;" else line + "." for line in lines)


def _reading_level(notes: str) -> Finding | None:
    prose = _as_sentences(notes)
    sentences, words, _syllables = reading_grade.counts(prose)
    if sentences < MIN_SENTENCES or words < MIN_WORDS:
        return None
    grade = reading_grade.flesch_kincaid_grade(prose)
    if grade <= MAX_GRADE:
        return None
    suggestion = _("shorter sentences and everyday words (grade {grade:g} or below)").format(grade=MAX_GRADE)
    if grade < 13:
        message = _("the notes read at about US school grade {grade:.0f}: use {suggestion}").format(
            grade=grade, suggestion=suggestion
        )
    else:
        message = _("the notes read at college level: use {suggestion}").format(suggestion=suggestion)
    return Finding("clinician.notes", notes.strip(), suggestion, "reading-level", message)


def _fields(case: Case) -> list[tuple[str, str]]:
    fields = [("clinician.notes", case.clinician.notes)]
    for n, med in enumerate(case.medications, start=1):
        fields += [(f"medications[{n}].{key}", getattr(med, key)) for key in MEDICATION_FIELDS]
    return fields


def check_notes(case: Case, notes_language: str = "en") -> list[Finding]:
    """Every finding in the notes and the medicine list. `notes_language` is the site's notes
    language, used when the case does not name one; the reading grade is checked in English only."""
    findings = [f for field, text in _fields(case) if text for f in _abbreviations(field, text)]
    language = (case.clinician.notes_language or notes_language or "").lower()
    if language.startswith("en") and case.clinician.notes.strip():
        reading = _reading_level(case.clinician.notes)
        if reading is not None:
            findings.append(reading)
    return findings


def as_issues(findings: Iterable[Finding]) -> list[Issue]:
    """The findings as warnings, for the window and the CLI."""
    return [Issue(f.field, f.message, "warning") for f in findings]


def notes_language(case: Case, site_notes_language: str) -> str:
    """The language the clinician notes are written in: the case's, else the site's staff language."""
    return case.clinician.notes_language or site_notes_language


def other_language_issues(case: Case, site_notes_language: str) -> list[Issue]:
    """Notes in another language than the handout's print as typed, labelled with their language
    (see the template): the patient may not read them, so the nurse is asked to have the
    interpreter read them aloud (the handout's teach-back list has a line for it)."""
    if not case.clinician.notes.strip():
        return []
    written = notes_language(case, site_notes_language)
    if find_locale(written) is None:  # not a language code: validation says so, without echoing it
        return []
    for code in (case.language, case.second_language):
        if code and find_locale(code) is not None and not same_language(written, code):
            message = _(
                "are in {notes}, not in {handout}: ask the interpreter to read them aloud to the patient"
            )
            handout = language_name(code)
            return [
                Issue(
                    "clinician.notes",
                    message.format(notes=language_name(written), handout=handout),
                    "warning",
                )
            ]
    return []
