"""A follow-up visit whose day is known but not its time prints the day and no time: never a
made-up "12:00 AM" (issue 10, §5)."""

import re

import pytest
from conftest import TODAY
from pdfread import all_text

from vpdischarge.pipeline import render


def test_a_day_only_visit_prints_no_time(make_case, site):
    case = make_case(follow_up={"when": "2026-12-04", "where": "Spine Clinic"})
    text = all_text(render(case, site, TODAY).pdf)
    assert "Your visit is on Friday, December 4, 2026." in text
    assert not re.search(r"\b(12|0?0):00\b|\b[AP]M\b", text)  # words: "SAMPLE" holds "AM"


def test_a_visit_with_a_time_still_prints_it(make_case, site):
    text = all_text(render(make_case(), site, TODAY).pdf)
    assert "Your visit is on Friday, December 4, 2026 at 10:30" in text


@pytest.mark.parametrize("language", ["es", "ar"])
def test_no_time_in_other_languages_either(make_case, site, language):
    case = make_case(language=language, follow_up={"when": "2026-12-04"})
    text = all_text(render(case, site, TODAY).pdf)
    assert not re.search(r"(12|0?0|١٢|٠?٠|۱۲|۰?۰)[:٫.](00|٠٠|۰۰)", text)
