"""The teach-back step's points and its one line for the log and the education record (no Qt)."""

import re
from datetime import date
from xml.sax.saxutils import unescape

import pytest

from vpdischarge.pipeline import handout_markup
from vpdischarge.records.teach_back import POINTS, checklist_sentence, teach_back_text


def test_the_line_names_what_was_said_back_in_the_handout_s_order():
    said = ["medicines", "emergency", "needle site", "care team"]
    assert teach_back_text(said) == "could say back 4 of 5: emergency, care team, needle site, medicines"
    every = [point.key for point in POINTS]
    assert teach_back_text(every) == (
        "could say back 5 of 5: emergency, care team, needle site, medicines, activity limits"
    )


def test_nothing_said_back_and_nobody_asked_are_different_lines():
    assert teach_back_text([]) == "could say back 0 of 5"
    assert teach_back_text(None) == "not assessed"


def test_an_unknown_point_is_refused_not_guessed():
    with pytest.raises(ValueError, match="pain"):
        teach_back_text(["emergency", "pain"])


def _checklist(markup: str) -> list[str]:
    block = re.search(r"<checklist>(.*?)</checklist>", markup, re.S)
    assert block, "the handout has no checklist"
    items = re.findall(r"<item>(.*?)</item>", block.group(1), re.S)
    # The handout wraps the site's numbers in direction isolates (U+2066-2069) for right-to-left
    # lines; the window's text is laid out by Qt, which needs none.
    return [re.sub("[\u2066-\u2069]", "", unescape(" ".join(item.split()))) for item in items]


@pytest.mark.parametrize("language", ["en", "es", "ar"])
def test_the_points_are_the_handout_s_own_checklist_in_its_order(make_case, site, language):
    """One description: the window asks about the sentences the paper prints, in the handout
    language's words, and nothing else but the interpreter's line (not said back)."""
    case = make_case(language=language)
    printed = _checklist(handout_markup(case, site, date(2026, 11, 27)))
    asked = [checklist_sentence(point, language, site.emergency_number) for point in POINTS]
    assert printed[: len(POINTS)] == asked
    # After them only the interpreter's line, when the notes are in another language than the
    # handout's (English notes on the Spanish and Arabic handouts).
    assert len(printed) == len(POINTS) + (language != "en")
    assert "911" in asked[0]
