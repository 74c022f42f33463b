"""The fast reading-grade estimate used for clinician notes agrees with textstat where it matters."""

import textstat

from vpdischarge.domain.reading_grade import counts, flesch_kincaid_grade, syllables

PLAIN = "Take the bandage off after 48 hours. You may shower after 24 hours. Pat the site dry."
HARD = (
    "Postoperative analgesic administration necessitates meticulous adherence to prescribed "
    "intervals. The patient should ambulate progressively, notwithstanding discomfort."
)


def test_same_side_of_grade_six_as_textstat():
    for text in (PLAIN, HARD):
        assert (flesch_kincaid_grade(text) > 6) == (textstat.flesch_kincaid_grade(text) > 6)


def test_counts():
    assert counts(PLAIN)[:2] == (3, 15)  # numbers are not words
    assert syllables("medicine") == 3 and syllables("walk") == 1
