"""Opioids and blood thinners recognised from the medicine's name as a nurse types it: the usual
spellings of the 20 handout languages, brand names, any case, accents optional, salts and forms
written on to the name. Names of other medicines, and near misses, are not recognised."""

import pytest

from vpdischarge.domain.case import Case, Medication
from vpdischarge.domain.medicine_kinds import BLOOD_THINNER, OPIOID, has_opioid, is_kind, is_opioid

# (language, typed name): each one an opioid.
OPIOIDS = [
    ("en", "Oxycodone"),
    ("en", "oxycodone 5 mg"),
    ("en", "OXYCODONE HCL"),
    ("en", "Oxycodone/acetaminophen"),
    ("en", "Hydrocodone-acetaminophen"),
    ("en", "Morphine sulfate ER"),
    ("en", "Tramadol"),
    ("en", "Tapentadol"),
    ("en", "Hydromorphone"),
    ("en", "Codeine"),
    ("en", "Fentanyl patch"),
    ("en", "Percocet"),
    ("en", "Norco"),
    ("en", "Vicodin"),
    ("en", "Dilaudid"),
    ("en", "OxyContin"),
    ("en", "Ultram"),
    ("en", "MS Contin"),
    ("en", "Tylenol #3"),
    ("en", "Tylenol with codeine"),
    ("es", "Oxicodona"),
    ("es", "oxicodona/paracetamol"),
    ("es", "Hidrocodona"),
    ("es", "Morfina"),
    ("es", "Codeína"),
    ("es", "Codeina"),
    ("es", "Fentanilo"),
    ("es", "Hidromorfona"),
    ("pt_BR", "Oxicodona"),
    ("pt_BR", "codeína"),
    ("pt_BR", "Fentanil"),
    ("it", "Ossicodone"),
    ("it", "Tramadolo"),
    ("it", "Tapentadolo"),
    ("it", "Idromorfone"),
    ("fr", "Oxycodone"),
    ("fr", "Codéine"),
    ("fr", "Morphine"),
    ("fr", "Méthadone"),
    ("de", "Oxycodon"),
    ("de", "Oxycodon-ratiopharm"),
    ("de", "Morphinsulfat"),
    ("de", "Hydromorphon"),
    ("de", "Tilidin"),
    ("de", "Kodein"),
    ("pl", "Oksykodon"),
    ("pl", "Morfina"),
    ("pl", "Kodeina"),
    ("tr", "Oksikodon"),
    ("tr", "Morfin"),
    ("tr", "Kodein"),
    ("vi", "Oxycodone"),
    ("vi", "Morphin"),
    ("vi", "Codein"),
    ("tl", "Morpina"),
    ("ht", "Mòfin"),
    ("ht", "Oksikodòn"),
    ("ru", "Оксикодон"),
    ("ru", "морфин"),
    ("ru", "Морфина сульфат"),
    ("ru", "Трамадол"),
    ("ru", "Кодеин"),
    ("ru", "Промедол"),
    ("uk", "Оксикодон"),
    ("uk", "Морфін"),
    ("uk", "Кодеїн"),
    ("uk", "Фентаніл"),
    ("ar", "أوكسيكودون"),
    ("ar", "اوكسيكودون"),
    ("ar", "المورفين"),
    ("ar", "مُورْفِين"),
    ("ar", "ترامادول"),
    ("ar", "كودايين"),
    ("fa", "اکسی‌کدون"),
    ("fa", "اکسی کدون"),
    ("fa", "مورفین"),
    ("fa", "ترامادول"),
    ("fa", "کدئین"),
    ("hi", "ऑक्सीकोडोन"),
    ("hi", "मॉर्फिन"),
    ("hi", "ट्रामाडोल"),
    ("hi", "कोडीन"),
    ("zh_Hans", "羟考酮"),
    ("zh_Hans", "盐酸羟考酮缓释片"),
    ("zh_Hans", "吗啡"),
    ("zh_Hans", "曲马多"),
    ("zh_Hans", "可待因"),
    ("zh_Hant", "羥考酮"),
    ("zh_Hant", "嗎啡"),
    ("zh_Hant", "曲馬多"),
    ("ja", "オキシコドン"),
    ("ja", "ｵｷｼｺﾄﾞﾝ"),  # half-width katakana, as some systems print it
    ("ja", "モルヒネ塩酸塩"),
    ("ja", "トラマドール"),
    ("ko", "옥시코돈"),
    ("ko", "모르핀"),
    ("ko", "트라마돌"),
    ("ko", "코데인"),
    ("en", "ＯＸＹＣＯＤＯＮＥ"),  # full-width Latin letters
]

# Not opioids: other medicines of a typical list, opioid antagonists, near misses.
NOT_OPIOIDS = [
    "Acetaminophen",
    "Paracetamol",
    "Ibuprofen",
    "Senna",
    "Alendronate",
    "Cyclobenzaprine",
    "Gabapentin",
    "Naloxone",
    "Naltrexone",
    "Loperamide",
    "Norcolut",  # not Norco: a brand matches as a whole word only
    "Ultramicrosize",  # not Ultram
    "Tylenol 30",  # not Tylenol #3
    "Tylenol",
    "Aspirin",
    "Warfarin",
    "Calcium",
    "парацетамол",
    "对乙酰氨基酚",
    "アセトアミノフェン",
    "باراسيتامول",
    "",
    "   ",
]

BLOOD_THINNERS = [
    ("en", "Warfarin"),
    ("en", "Coumadin"),
    ("en", "Eliquis"),
    ("en", "apixaban 5 mg"),
    ("en", "Xarelto"),
    ("en", "Enoxaparin injection"),
    ("en", "Lovenox"),
    ("en", "Clopidogrel"),
    ("en", "Plavix"),
    ("es", "Warfarina"),
    ("es", "Apixabán"),
    ("es", "Sintrom"),
    ("es", "Acenocumarol"),
    ("fr", "Héparine"),
    ("fr", "Previscan"),
    ("de", "Marcumar"),
    ("de", "Phenprocoumon"),
    ("it", "Eparina"),
    ("pl", "Warfaryna"),
    ("pl", "Rywaroksaban"),
    ("tr", "Varfarin"),
    ("ru", "Варфарин"),
    ("ru", "Гепарин"),
    ("uk", "Варфарін"),
    ("ar", "وارفارين"),
    ("fa", "وارفارین"),
    ("hi", "वारफेरिन"),
    ("zh_Hans", "华法林"),
    ("zh_Hans", "低分子肝素"),
    ("zh_Hant", "華法林"),
    ("ja", "ワルファリン"),
    ("ja", "ワーファリン"),
    ("ko", "와파린"),
]

NOT_BLOOD_THINNERS = ["Acetaminophen", "Aspirin", "Oxycodone", "Senna", "Vitamin D", ""]


@pytest.mark.parametrize(("language", "name"), OPIOIDS)
def test_opioid_names_in_every_language(language, name):
    assert is_kind(name, OPIOID)
    assert not is_kind(name, BLOOD_THINNER)


@pytest.mark.parametrize("name", NOT_OPIOIDS)
def test_other_medicines_are_not_opioids(name):
    assert not is_kind(name, OPIOID)


@pytest.mark.parametrize(("language", "name"), BLOOD_THINNERS)
def test_blood_thinner_names_in_every_language(language, name):
    assert is_kind(name, BLOOD_THINNER)
    assert not is_kind(name, OPIOID)


@pytest.mark.parametrize("name", NOT_BLOOD_THINNERS)
def test_other_medicines_are_not_blood_thinners(name):
    assert not is_kind(name, BLOOD_THINNER)


def test_the_table_covers_every_handout_language():
    from vpdischarge.content.catalogs import available_languages

    assert {lang for lang, _name in OPIOIDS} == set(available_languages())


def test_the_nurses_tick_makes_any_medicine_an_opioid():
    assert not is_opioid(Medication(name="Pain pill from home"))
    assert is_opioid(Medication(name="Pain pill from home", opioid=True))
    assert is_opioid(Medication(name="Oxycodone", opioid=False))
    assert has_opioid(Case(medications=[Medication(name="Senna"), Medication(name="Percocet")]))
    assert not has_opioid(Case(medications=[Medication(name="Senna")]))


def test_the_tick_is_read_written_and_checked_like_every_case_field(case_data):
    import json

    from vpdischarge.domain.case_file import case_from_dict, case_to_dict

    case_data["medications"][0]["opioid"] = True
    case, issues = case_from_dict(case_data)
    assert issues == [] and case.medications[0].opioid and not case.medications[1].opioid
    written = case_to_dict(case)
    # Written when ticked; a medicine not ticked does not carry "opioid": false.
    assert written["medications"][0]["opioid"] is True
    assert "opioid" not in written["medications"][1]
    assert case_from_dict(json.loads(json.dumps(written)))[0] == case
    case_data["medications"][1]["opioid"] = "yes"
    _case, issues = case_from_dict(case_data)
    assert [(i.field, i.message) for i in issues] == [("medications[2].opioid", "must be true or false")]


@pytest.mark.parametrize(
    ("name", "opioid"),
    [
        ("\u0301Morphine", True),  # a mark before any letter (it once raised TypeError)
        ("\u0301", False),
        ("\u093f", False),  # a Hindi vowel sign alone
        (" \u0301codeine", True),
        ("\u064eمورفين", True),  # an Arabic short vowel before the name
    ],
)
def test_a_mark_with_no_letter_before_it(name, opioid):
    assert is_kind(name, OPIOID) is opioid
    assert not is_kind(name, BLOOD_THINNER)


def test_any_typed_text_is_answered_without_an_error():
    from hypothesis import given, settings
    from hypothesis import strategies as st

    @settings(max_examples=300, deadline=None)
    @given(st.text())
    def check(name):
        assert is_kind(name, OPIOID) in (True, False)
        assert is_kind(name, BLOOD_THINNER) in (True, False)

    check()
