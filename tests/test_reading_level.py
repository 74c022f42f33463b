"""English template text reads at US grade 6 or below, section by section (Flesch-Kincaid).

Names, notes and other typed text are not the template's words, so the cases here keep them
short; what is measured is the text the template writes.
"""

import pytest
import textstat
from conftest import TODAY

from vpdischarge.content.context import build_context
from vpdischarge.content.template import render_markup
from vpdischarge.domain.locales import find_locale
from vpdischarge.typeset.document import parse_markup
from vpdischarge.typeset.inline import plain_text

MAX_GRADE = 6.0
SECTIONS = [
    "emergency",
    "call-care-team",
    "site-care",
    "medicines",
    "activity",
    "what-to-expect",
    "follow-up",
    "notes",
    "sign",
]


def section_texts(case, site):
    locale = find_locale("en")
    root = parse_markup(render_markup(build_context(case, site, locale, TODAY), locale))
    texts = {}
    for section in root.iter("section"):
        sentences = []
        for element in section.iter():
            if element.tag in ("heading", "p", "item", "cell"):
                text = plain_text(element).strip()
                if text:
                    # A heading or list item is read as a sentence of its own.
                    sentences.append(text if text[-1] in ".:!?" else text + ".")
        texts[section.get("id")] = " ".join(sentences)
    return texts


VARIANTS = {
    "typical": {},
    "kyphoplasty, no follow-up booked": {
        "procedure": {"kind": "kyphoplasty", "date": "2026-11-20", "anesthesia": "general"},
        "follow_up": {},
        "blood_thinner_restart": None,
    },
    "no medicines, no notes": {"medications": [], "clinician": {}},
    # The safety text the case brings: opioid safety, bleeding without a blood thinner, one
    # treated bone, the interpreter line for notes in another language.
    "opioid, no blood thinner, notes in Spanish": {
        "medications": [{"name": "Oxycodone", "dose": "5 mg", "when": "every 6 hours if needed"}],
        "blood_thinner_restart": None,
        "procedure": {
            "kind": "vertebroplasty",
            "date": "2026-11-20",
            "levels": ["L1"],
            "anesthesia": "local",
        },
        "clinician": {"name": "Dr. A. Example", "notes": "Camine.", "notes_language": "es"},
    },
    "blood thinner in the list, ticked opioid": {
        "medications": [{"name": "Eliquis", "dose": "5 mg"}, {"name": "Pain pill", "opioid": True}],
        "blood_thinner_restart": None,
    },
}


@pytest.mark.parametrize("variant", VARIANTS)
def test_every_section_at_grade_six_or_below(make_case, site, variant):
    texts = section_texts(make_case(**VARIANTS[variant]), site)
    assert sorted(texts) == sorted(SECTIONS)
    grades = {sid: textstat.flesch_kincaid_grade(text) for sid, text in texts.items()}
    too_hard = {sid: g for sid, g in grades.items() if g > MAX_GRADE}
    assert not too_hard, too_hard


def test_the_measure_itself_catches_hard_text():
    hard = "Postoperative analgesic administration necessitates meticulous adherence to prescribed intervals."
    assert textstat.flesch_kincaid_grade(hard) > MAX_GRADE
