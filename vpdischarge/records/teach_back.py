"""The teach-back step: which of the handout's key points the patient (or caregiver) could say
back in their own words, and the one line the handout log and the education record keep of it.

The points are the handout's own "Check and sign" checklist (resources/templates/handout.xml.j2),
in its order: each carries its checklist sentence, so the window asks about exactly what the
paper lists, in the words the paper uses (tests/test_teach_back.py checks the two agree). The
interpreter's line of that checklist is not a point: it is not something the patient says back.

The line is English, like "not assessed": the quality office reads the log in one language.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass

from vpdischarge.records.handout_entry import NOT_ASSESSED

LEARNERS = ("patient", "caregiver")


@dataclass(frozen=True)
class Point:
    key: str  # the words the log line uses for it
    checklist: str  # the handout's checklist sentence: its message in the handout's catalogs


POINTS = (
    Point("emergency", "The patient can say when to call %(number)s."),
    Point("care team", "The patient can say when to call the care team and has the phone number."),
    Point("needle site", "The patient can say how to care for the needle site."),
    Point("medicines", "The patient knows which medicine to take and when."),
    Point("activity limits", "The patient knows what not to do, and until when."),
)


def teach_back_text(said_back: Collection[str] | None) -> str:
    """ "could say back 4 of 5: emergency, care team, needle site, medicines" for the keys of the
    points said back (in the handout's order, whatever order they come in); "not assessed" for
    None, when nobody asked. An unknown key is a programming error (ValueError), never a guess."""
    if said_back is None:
        return NOT_ASSESSED
    unknown = set(said_back) - {point.key for point in POINTS}
    if unknown:
        raise ValueError(f"not a teach-back point: {', '.join(sorted(unknown))}")
    said = [point.key for point in POINTS if point.key in said_back]
    text = f"could say back {len(said)} of {len(POINTS)}"
    return f"{text}: {', '.join(said)}" if said else text


def checklist_sentence(point: Point, language: str, emergency_number: str) -> str:
    """The point as the handout's checklist prints it in `language` (English where that
    language's handout catalog has no finished translation), with the site's emergency number."""
    from vpdischarge.content.catalogs import translations_for

    return translations_for(language).gettext(point.checklist) % {"number": emergency_number}
