"""When to take a medicine: a Dosage turned into one of the standard phrases of
``resources/templates/medicine_phrases.j2`` (which print in the patient's language), or the
record's own text when none matches, or nothing (reported) when the record has only a timing
no phrase says."""

from __future__ import annotations

from dataclasses import dataclass

from vpdischarge.content.medicine_phrases import phrases, standard_index
from vpdischarge.domain.locales import SOURCE_LANGUAGE

# (frequency, period, periodUnit, as needed) -> the English phrase (the list's key).
_TIMINGS = {
    (1, 1, "d", False): "once a day",
    (2, 1, "d", False): "twice a day",
    (3, 1, "d", False): "three times a day",
    (4, 1, "d", False): "four times a day",
    (1, 4, "h", True): "every 4 hours if needed",
    (1, 6, "h", True): "every 6 hours if needed",
    (1, 8, "h", True): "every 8 hours if needed",
    (1, 1, "wk", False): "once a week",
}
# Timing.repeat.when (HL7 event timing) -> phrase, when it is the only event given.
_EVENTS = {"HS": "at bedtime", "MORN": "in the morning", "C": "with food"}


@dataclass(frozen=True)
class When:
    text: str
    standard: bool  # one of the standard phrases
    from_structure: bool  # built from the coded timing, not the record's text


def _standard(english: str) -> str:
    index = standard_index(english, "when", ())
    assert index is not None, f"{english!r} is not in {phrases(SOURCE_LANGUAGE)['when']}"
    return phrases(SOURCE_LANGUAGE)["when"][index]


def _number(value) -> float | None:
    return None if value is None else float(value)


def _from_timing(dosage) -> str | None:
    as_needed = bool(dosage.asNeededBoolean) or dosage.asNeededCodeableConcept is not None
    repeat = dosage.timing.repeat if dosage.timing else None
    if repeat is None:
        return "only if needed" if as_needed else None
    events = [w for w in repeat.when or []]
    if events and repeat.frequency in (None, 1) and repeat.period is None and len(events) == 1:
        return _EVENTS.get(events[0])
    if events or repeat.periodMax is not None or repeat.frequencyMax is not None:
        return None
    frequency, period = repeat.frequency or 1, _number(repeat.period)
    if period is None or period != int(period):
        return "only if needed" if as_needed and repeat.period is None else None
    return _TIMINGS.get((frequency, int(period), repeat.periodUnit, as_needed))


def when_to_take(dosages: list) -> When | None:
    """From the first Dosage: its text if it is a standard phrase or if there is no timing to
    read, else the standard phrase of its timing, else its text as written."""
    if not dosages:
        return None
    dosage = dosages[0]
    text = " ".join((dosage.text or dosage.patientInstruction or "").split())
    standard = standard_index(text, "when", ()) if text else None
    if standard is not None:
        return When(phrases(SOURCE_LANGUAGE)["when"][standard], True, False)
    english = _from_timing(dosage)
    if english is not None:
        return When(_standard(english), True, True)
    if text:
        return When(text, False, False)
    return None
