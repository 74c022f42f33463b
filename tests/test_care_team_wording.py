"""One word for the care team in each catalog (translation review, December 2026, M1): "your
doctor" made a patient with a fever phone their own family doctor instead of the spine team
whose numbers are printed beneath the call box."""

from pathlib import Path

import pytest
from babel.messages.pofile import read_po

from vpdischarge.domain.locales import LOCALES

TRANSLATIONS = Path(__file__).resolve().parents[1] / "translations"

# The team word of each language, as it appears (in some grammatical form) in every entry whose
# English names the care team.
TEAM_WORD = {
    "es": "equipo médico",
    "zh_Hans": "医护人员",
    "zh_Hant": "醫護人員",
    "vi": "đội ngũ y tế",
    "ko": "담당 의료진",
    "tl": "mga doktor at nars",
    "ru": "лечащ",  # лечащий / лечащего / лечащему врач(у)
    "uk": "лік",  # checked with the stricter pattern below
    "ar": "الطبي",  # فريقك الطبي / الفريق الطبي
    "fa": "تیم درمان",
    "ht": "ekip medikal",
    "fr": "équipe soignante",
    "pl": "zespół medyczny",  # checked with the stricter pattern below
    "pt_BR": "equipe médica",
    "de": "Behandlungsteam",
    "it": "équipe medica",
    "ja": "担当の医師や看護師",
    "hi": "इलाज करने वाली टीम",
    "tr": "sağlık ekib",
}
STRICTER = {
    "uk": ("який Вас лікує", "який його лікує"),
    "pl": ("zespół medyczny", "zespołu medycznego", "zespołem medycznym"),
}


def _care_team_entries(catalog) -> list[tuple[str, str]]:
    return [
        (message.id, message.string)
        for message in catalog
        if isinstance(message.id, str) and "care team" in message.id
    ]


def test_every_language_has_a_team_word():
    assert set(TEAM_WORD) == {loc.code for loc in LOCALES} - {"en"}


@pytest.mark.parametrize("code", sorted(TEAM_WORD))
def test_each_catalog_names_the_care_team_with_one_team_word(code):
    with (TRANSLATIONS / code / "LC_MESSAGES" / "handout.po").open("rb") as fp:
        entries = _care_team_entries(read_po(fp))
    # Every entry of the template that names the care team (13 before the safety content).
    with (TRANSLATIONS / "handout.pot").open("rb") as fp:
        in_template = len(_care_team_entries(read_po(fp)))
    assert in_template >= 13 and len(entries) == in_template
    for msgid, msgstr in entries:
        forms = STRICTER.get(code, (TEAM_WORD[code],))
        # Case aside: the word may begin a sentence.
        assert any(form.casefold() in msgstr.casefold() for form in forms), (code, msgid, msgstr)
    if code in ("ru", "uk"):
        # Never "your own doctor" (свой врач / свій лікар), the family doctor of the review.
        assert not [s for _id, s in entries if "своему врачу" in s or "своєму лікарю" in s]
