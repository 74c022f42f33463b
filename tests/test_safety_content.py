"""The safety text of the handout, read back from the PDF: bleeding at the needle site (first and
in bold with a blood thinner), opioid safety (by name or by the nurse's tick) with its signs in the
emergency box on page 1, an adult to drive the patient home after sedation, plain words for the
terms a patient may not know, and the interpreter line for notes in another language."""

import io

import pdfplumber
import pytest
from conftest import TODAY
from pdfread import all_text, pages_text

from vpdischarge.pipeline import check, render

BLEEDING = [
    "If the site bleeds, press firmly on it with a clean cloth for 10 minutes.",
    "Call your care team if it still bleeds after that.",
    "If the bleeding is heavy and does not stop, keep pressing and call 911.",
]
BLOOD_THINNER_REASON = "A blood thinner (medicine that prevents blood clots) can make the site bleed more."
EMERGENCY_BLEEDING = "Heavy bleeding where the needle went in that does not stop."
OPIOID_SIGNS = "Too much opioid pain medicine: very sleepy, hard to wake up, slow or shallow breathing."
OPIOID_RULES = [
    "Do not take sleeping pills or other medicine that makes you sleepy with your opioid, "
    "unless your care team says so.",
    "Keep your opioid locked away, where no one else can get it.",
    "Take pills you do not need to a drug take-back place, or ask your pharmacy how to get rid of them.",
]
DRIVE_HOME = "An adult must drive you home."
INTERPRETER_LINE = "The interpreter read the care team's notes aloud to the patient."
# Each term, followed by its explanation.
EXPLAINED = {
    "muscle relaxant": "muscle relaxant (medicine for tight muscles)",
    "laxative": "laxative (medicine to help you poop)",
    "blood thinner": "blood thinner (medicine that prevents blood clots)",
}
NO_OPIOID = [
    {"name": "Acetaminophen", "dose": "500 mg", "when": "every 6 hours if needed", "purpose": "pain"},
    {"name": "Senna", "dose": "8.6 mg", "when": "at bedtime", "purpose": "constipation"},
]


def pdf_of(make_case, site, **changes) -> bytes:
    return render(make_case(**changes), site, TODAY).pdf


def bold_text(pdf: bytes) -> str:
    """The words printed in a bold font, in reading order."""
    words = []
    with pdfplumber.open(io.BytesIO(pdf)) as doc:
        for page in doc.pages:
            for word in page.extract_words(extra_attrs=["fontname"]):
                if "Bold" in word["fontname"]:
                    words.append(word["text"])
    return " ".join(words)


def emergency_box(pdf: bytes) -> str:
    """Page 1, from the emergency box heading to its last line."""
    first = " ".join(pages_text(pdf)[0].split())
    start, end = first.index("Call 911 now if you have:"), first.index("Do not wait.")
    return first[start:end]


def with_medicine(name: str, **extra) -> list[dict]:
    return [*NO_OPIOID, {"name": name, "dose": "5 mg", "when": "every 6 hours if needed", **extra}]


# Bleeding at the needle site --------------------------------------------------------------------


def test_with_a_blood_thinner_restart_bleeding_comes_first_and_in_bold(make_case, site):
    pdf = pdf_of(make_case, site)  # the typical case restarts a blood thinner
    text = all_text(pdf)
    site_care = text[text.index("Care of the needle site") : text.index("Your medicines")]
    assert site_care.index(BLOOD_THINNER_REASON) < site_care.index(BLEEDING[0])
    assert site_care.index(BLEEDING[-1]) < site_care.index("You have a small bandage on your back.")
    bold = bold_text(pdf)
    for line in BLEEDING:
        assert line in site_care
        assert line in bold
    assert EMERGENCY_BLEEDING in emergency_box(pdf)


@pytest.mark.parametrize(
    "medicine",
    [
        {"name": "Eliquis"},
        {"name": "Warfarina"},
        {"name": "Pill from home", "purpose": "blood thinner"},  # the standard purpose
    ],
)
def test_a_blood_thinner_in_the_medicine_list_stresses_bleeding(make_case, site, medicine):
    pdf = pdf_of(make_case, site, blood_thinner_restart=None, medications=with_medicine(**medicine))
    text = all_text(pdf)
    assert text.index(BLOOD_THINNER_REASON) < text.index(BLEEDING[0]) < text.index("You have a small bandage")
    assert BLEEDING[0] in bold_text(pdf)
    # Explained once, at the top of the site care; the medicine section does not repeat it.
    assert text.count("(medicine that prevents blood clots)") == 1
    assert "If you take a blood thinner, ask your care team before you start it again." in text


def test_without_a_blood_thinner_bleeding_follows_the_other_site_care_in_plain_text(make_case, site):
    pdf = pdf_of(make_case, site, blood_thinner_restart=None, medications=NO_OPIOID)
    text = all_text(pdf)
    assert BLOOD_THINNER_REASON not in text
    site_care = text[text.index("Care of the needle site") : text.index("Your medicines")]
    assert site_care.index("The site may be sore for 2 or 3 days.") < site_care.index(BLEEDING[0])
    for line in BLEEDING:
        assert line in site_care
    bold = bold_text(pdf)
    assert "press firmly" not in bold and "keep pressing" not in bold
    # Heavy bleeding is an emergency for everyone.
    assert EMERGENCY_BLEEDING in emergency_box(pdf)
    # "Blood thinner" first appears in the medicine rules, explained there.
    assert (
        "If you take a blood thinner (medicine that prevents blood clots), ask your care team before you "
        "start it again." in text
    )


# Opioids ------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "medicine",
    [
        {"name": "Oxycodone"},
        {"name": "Oxicodona"},  # Spanish
        {"name": "Morphinsulfat"},  # German, salt written on
        {"name": "морфин"},  # Russian
        {"name": "Percocet"},  # brand
        {"name": "Pain pill from home", "opioid": True},  # ticked by the nurse
    ],
)
def test_an_opioid_brings_its_safety_text_and_its_emergency_signs_on_page_one(make_case, site, medicine):
    pdf = pdf_of(make_case, site, medications=with_medicine(**medicine))
    assert OPIOID_SIGNS in emergency_box(pdf)
    assert OPIOID_SIGNS in bold_text(pdf)
    text = all_text(pdf)
    for rule in OPIOID_RULES:
        assert rule in text
    # The general rules still say: no driving, no alcohol.
    assert "While you take one, do not drive and do not drink alcohol." in text


def test_no_opioid_no_opioid_safety_text(make_case, site):
    pdf = pdf_of(make_case, site, medications=NO_OPIOID)
    text = all_text(pdf)
    assert OPIOID_SIGNS not in text
    for rule in OPIOID_RULES:
        assert rule not in text


def test_a_ticked_medicine_is_an_opioid_and_an_unticked_one_is_not(make_case, site):
    unticked = pdf_of(make_case, site, medications=with_medicine("Pain pill from home", opioid=False))
    assert OPIOID_SIGNS not in all_text(unticked)


# Sedation -----------------------------------------------------------------------------------------


@pytest.mark.parametrize(("anesthesia", "shown"), [("sedation", True), ("general", True), ("local", False)])
def test_an_adult_drives_you_home_after_sedation(make_case, site, anesthesia, shown):
    procedure = {
        "kind": "vertebroplasty",
        "date": "2026-11-20",
        "levels": ["T12", "L1"],
        "anesthesia": anesthesia,
    }
    text = all_text(pdf_of(make_case, site, procedure=procedure))
    assert (DRIVE_HOME in text) is shown


# Plain words ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("levels", "line"),
    [
        (["T12", "L1"], "The bones in your back that were treated: T12, L1."),
        (["L1"], "The bone in your back that was treated: L1."),
        ([], None),
    ],
)
def test_the_treated_level_is_explained(make_case, site, levels, line):
    procedure = {"kind": "vertebroplasty", "date": "2026-11-20", "levels": levels, "anesthesia": "sedation"}
    text = all_text(pdf_of(make_case, site, procedure=procedure))
    if line is None:
        assert "that was treated" not in text and "that were treated" not in text
    else:
        assert line in text


@pytest.mark.parametrize("variant", ["typical", "no blood thinner", "opioid"])
def test_each_term_is_explained_once_where_it_first_appears(make_case, site, variant):
    changes = {
        "typical": {},
        "no blood thinner": {"blood_thinner_restart": None, "medications": NO_OPIOID},
        "opioid": {"medications": with_medicine("Oxycodone")},
    }[variant]
    text = all_text(pdf_of(make_case, site, **changes))
    for term, explained in EXPLAINED.items():
        if term == "laxative" and variant != "opioid":
            # Constipation from opioids is said only when an opioid goes home with the patient.
            assert term not in text
            continue
        assert text.count(explained) == 1, term
        assert text.index(explained) == text.index(term), term  # at its first appearance


OPIOID_ONLY = [
    "Opioids can make it hard to poop.",
    "Never drive while you take an opioid or a muscle relaxant.",
]


def test_opioid_constipation_and_driving_reminders_only_with_an_opioid(make_case, site):
    without = all_text(pdf_of(make_case, site, medications=NO_OPIOID))
    with_one = all_text(pdf_of(make_case, site, medications=with_medicine("Oxycodone")))
    for line in OPIOID_ONLY:
        assert line not in without and line in with_one
    # The general rule that covers opioids and muscle relaxants is there for everyone.
    assert "While you take one, do not drive and do not drink alcohol." in without


# Notes in another language --------------------------------------------------------------------------


def test_notes_in_another_language_add_the_interpreter_line_and_a_warning(make_case, site):
    clinician = {"name": "Dr. A. Example", "notes": "Camine dos veces al día.", "notes_language": "es"}
    case = make_case(clinician=clinician)
    text = all_text(render(case, site, TODAY).pdf)
    assert "Your care team wrote these notes in Spanish." in text
    sign = text[text.index("Check and sign") :]
    assert INTERPRETER_LINE in sign
    warnings = [i for i in check(case, site, TODAY) if i.field == "clinician.notes"]
    assert [(i.severity, i.message) for i in warnings] == [
        ("warning", "are in Spanish, not in English: ask the interpreter to read them aloud to the patient")
    ]


def test_notes_in_the_handouts_language_need_no_interpreter_line(make_case, site):
    case = make_case()  # English notes, English handout
    assert INTERPRETER_LINE not in all_text(render(case, site, TODAY).pdf)
    assert not [i for i in check(case, site, TODAY) if i.field == "clinician.notes"]


def test_no_notes_no_interpreter_line_and_no_warning(make_case, site):
    case = make_case(clinician={"name": "Dr. A. Example"}, language="es")
    assert "interpreter" not in all_text(render(case, site, TODAY).pdf).replace("Interpreter (", "")
    assert not [i for i in check(case, site, TODAY) if i.field == "clinician.notes"]


def test_a_second_handout_language_other_than_the_notes_is_warned_about_too(make_case, site):
    case = make_case(second_language="es")  # English notes: the Spanish half cannot read them
    warnings = [i.message for i in check(case, site, TODAY) if i.field == "clinician.notes"]
    assert warnings == [
        "are in English, not in Spanish: ask the interpreter to read them aloud to the patient"
    ]


@pytest.mark.parametrize(
    ("medicine", "typed_in", "expected"),
    [
        ({"name": "Pill", "purpose": "blood thinner"}, "en", True),
        ({"name": "Pill", "purpose": "Blood thinner"}, "en", True),
        ({"name": "Pastilla", "purpose": "anticoagulante"}, "es", True),  # a Spanish-speaking nurse
        ({"name": "Xarelto", "purpose": ""}, "en", True),
        ({"name": "Pill", "purpose": "pain"}, "en", False),
        ({"name": "Aspirin", "purpose": "pain"}, "en", False),
    ],
)
def test_blood_thinner_by_name_or_standard_purpose(make_case, medicine, typed_in, expected):
    from vpdischarge.content.safety import has_blood_thinner

    case = make_case(blood_thinner_restart=None, medications=[medicine])
    assert has_blood_thinner(case, typed_in, "en") is expected
