"""RxNorm display text into name and dose, and FHIR timing into the standard phrases."""

import pytest
from fhir.resources.R4B.dosage import Dosage

from vpdischarge.ehr.dosage import when_to_take
from vpdischarge.ehr.medicines import is_blood_thinner
from vpdischarge.ehr.rxnorm import split_display


@pytest.mark.parametrize(
    "display, name, dose",
    [
        ("Oxycodone Hydrochloride 5 MG Oral Tablet", "Oxycodone", "5 mg"),
        (
            "Acetaminophen 325 MG / Oxycodone Hydrochloride 5 MG Oral Tablet",
            "Acetaminophen / Oxycodone",
            "325 mg / 5 mg",
        ),
        (
            "24 HR Metformin hydrochloride 500 MG Extended Release Oral Tablet",
            "Metformin (extended release)",
            "500 mg",
        ),
        ("Verapamil Hydrochloride 40 MG", "Verapamil", "40 mg"),
        ("10 ML oxaliplatin 5 MG/ML Injection", "Oxaliplatin", "5 mg/mL"),
        ("Warfarin Sodium 5 MG Oral Tablet", "Warfarin", "5 mg"),
        ("Sodium bicarbonate 650 MG Oral Tablet", "Sodium bicarbonate", "650 mg"),  # the salt is the drug
        ("Metoprolol succinate 25 MG Oral Tablet", "Metoprolol succinate", "25 mg"),  # not tartrate
        ("Nitroglycerin 0.4 MG/ACTUAT Mucosal Spray", "Nitroglycerin", "0.4 mg per spray"),
        (
            "60 ACTUAT Fluticasone propionate 0.25 MG/ACTUAT / salmeterol 0.05 MG/ACTUAT Dry Powder Inhaler",
            "Fluticasone propionate / Salmeterol",
            "0.25 mg per puff / 0.05 mg per puff",
        ),
        ("Heparin 5000 UNT/ML Injectable Solution", "Heparin", "5000 units/mL"),
        ("Tylenol 500 MG Oral Tablet [Tylenol]", "Tylenol", "500 mg"),
    ],
)
def test_rxnorm_names(display, name, dose):
    split = split_display(display)
    assert (split.name, split.dose, split.understood) == (name, dose, True)


def test_text_without_a_strength_is_kept_whole():
    split = split_display("Jolivette 28 Day Pack")
    assert (split.name, split.dose, split.understood) == ("Jolivette 28 Day Pack", "", False)


def dosage(**data):
    return [Dosage.model_validate(data)]


@pytest.mark.parametrize(
    "data, text, standard",
    [
        ({"text": "  Every 6 hours   if needed. "}, "every 6 hours if needed", True),
        ({"timing": {"repeat": {"frequency": 1, "period": 1, "periodUnit": "d"}}}, "once a day", True),
        ({"timing": {"repeat": {"frequency": 3, "period": 1, "periodUnit": "d"}}}, "three times a day", True),
        ({"timing": {"repeat": {"frequency": 1, "period": 1, "periodUnit": "wk"}}}, "once a week", True),
        (
            {"timing": {"repeat": {"frequency": 1, "period": 8, "periodUnit": "h"}}, "asNeededBoolean": True},
            "every 8 hours if needed",
            True,
        ),
        ({"asNeededBoolean": True}, "only if needed", True),
        ({"timing": {"repeat": {"when": ["MORN"]}}}, "in the morning", True),
        # Coded timing wins over text that says it in other words.
        (
            {"text": "1 tab PO BID", "timing": {"repeat": {"frequency": 2, "period": 1, "periodUnit": "d"}}},
            "twice a day",
            True,
        ),
        (
            {
                "text": "1 tab PO q12h",
                "timing": {"repeat": {"frequency": 1, "period": 12, "periodUnit": "h"}},
            },
            "1 tab PO q12h",
            False,
        ),
    ],
)
def test_timing_to_standard_phrase(data, text, standard):
    when = when_to_take(dosage(**data))
    assert (when.text, when.standard) == (text, standard)


def test_timing_no_phrase_says_is_left_empty():
    # Every 6 hours, but not "if needed": no standard phrase, and nothing is made up.
    assert when_to_take(dosage(timing={"repeat": {"frequency": 1, "period": 6, "periodUnit": "h"}})) is None
    assert when_to_take([]) is None


@pytest.mark.parametrize(
    "name", ["Apixaban", "Warfarin Sodium", "clopidogrel", "Enoxaparin Sodium", "Aspirin", "Heparin"]
)
def test_blood_thinners(name):
    assert is_blood_thinner(name)


def test_not_blood_thinners():
    assert not is_blood_thinner("Acetaminophen") and not is_blood_thinner("Amlodipine")
