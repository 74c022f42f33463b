"""The clinician-notes check: Do Not Use abbreviations, abbreviations a patient will not
understand, and the reading grade of English notes. Everything it finds is a warning.

False-positive decisions pinned here:
- "U" and "MS" match as whole tokens only; "Ms." (the title) and "MS. SMITH" (a title typed in
  capitals) are not "MS"; "MS Contin" is a brand name and is left alone.
- Lower-case "u" counts only straight after a number ("10 u"): "u" is a Spanish word.
- "PT" matches upper case, whole token only: not "Pt", not inside "Dupont", and not "PTSD" (a
  different, widely known term that is on neither list).
- Lower-case "bid" and "sob" are English words and are not flagged; "BID", "b.i.d." and "SOB" are.
- "PO" is upper case only (never "po" in "report"), and not in "PO Box".
- Numbers: a trailing or missing leading zero counts only in a number followed by a unit, so times
  ("at 10.30"), "10 mg", "1.5 mg" and "2.05 g" are fine.
- "IV" is not flagged as a roman numeral after "stage", "grade", "type" or "class".
"""

import pytest

from vpdischarge.domain.case import Case, Clinician, Medication
from vpdischarge.domain.issues import Issue
from vpdischarge.domain.notes_check import Finding, as_issues, check_notes


def notes_findings(notes, language="en"):
    return check_notes(Case(clinician=Clinician(notes=notes)), language)


def found(notes):
    return {f.text: f.suggestion for f in notes_findings(notes) if f.kind != "reading-level"}


DO_NOT_USE = [
    ("Insulin 10 U at night.", "U", "unit"),
    ("Insulin 10U at night.", "U", "unit"),
    ("Insulin 10 u at night.", "u", "unit"),
    ("Vitamin D 1000 IU.", "IU", "international unit"),
    ("Vitamin D 1000IU.", "IU", "international unit"),
    ("Take it QD.", "QD", "once a day"),
    ("Take it Q.D. with food", "Q.D.", "once a day"),
    ("Take it qd", "qd", "once a day"),
    ("Take it q.d. with food", "q.d.", "once a day"),
    ("Take it QOD", "QOD", "every other day"),
    ("Take it Q.O.D. with food", "Q.O.D.", "every other day"),
    ("Take 1.0 mg at night.", "1.0 mg", "1 mg"),
    ("Take 10.0mg at night.", "10.0mg", "10mg"),
    ("Take 2.50 mL at night.", "2.50 mL", "2.5 mL"),
    ("Take .5 mg at night.", ".5 mg", "0.5 mg"),
    ("Take .25 mcg at night.", ".25 mcg", "0.25 mcg"),
    ("MS 2 mg if needed.", "MS", "morphine sulfate"),
    ("MSO4 2 mg if needed.", "MSO4", "morphine sulfate"),
    ("MgSO4 was given.", "MgSO4", "magnesium sulfate"),
]


@pytest.mark.parametrize(("notes", "text", "suggestion"), DO_NOT_USE)
def test_each_do_not_use_item_is_found_with_its_plain_form(notes, text, suggestion):
    findings = [f for f in notes_findings(notes) if f.text == text]
    assert len(findings) == 1, notes_findings(notes)
    finding = findings[0]
    assert finding == Finding("clinician.notes", text, suggestion, "do-not-use", finding.message)
    assert finding.message.startswith(f'"{text}" is on the Do Not Use list: write "{suggestion}"')


UNCLEAR = {
    "PRN": "as needed",
    "p.r.n.": "as needed",
    "BID": "twice a day",
    "b.i.d.": "twice a day",
    "TID": "three times a day",
    "QID": "four times a day",
    "QHS": "at bedtime",
    "HS": "at bedtime",
    "PO": "by mouth",
    "NPO": "nothing to eat or drink",
    "NSAIDs": "anti-inflammatory pain medicine such as ibuprofen",
    "q4h": "every 4 hours",
    "q6h": "every 6 hours",
    "q 8 hr": "every 8 hours",
    "q4-6h": "every 4 to 6 hours",
    "AC": "before meals",
    "PC": "after meals",
    "QAM": "every morning",
    "QPM": "every evening",
    "SL": "under the tongue",
    "SQ": "under the skin",
    "SC": "under the skin",
    "subQ": "under the skin",
    "IM": "injection into a muscle",
    "IV": "into a vein (through a drip)",
    "OTC": "sold without a prescription",
    "Rx": "prescription",
    "Tx": "treatment",
    "Dx": "diagnosis",
    "Hx": "history",
    "f/u": "follow-up",
    "w/": "with",
    "w/o": "without",
    "c/o": "complains of",
    "s/p": "after (the procedure)",
    "d/c": "discharge or stop (say which)",
    "LBP": "low back pain",
    "ROM": "range of motion (how far you can move)",
    "PT": "physical therapy",
    "OT": "occupational therapy",
    "ASAP": "as soon as possible",
}


@pytest.mark.parametrize("abbreviation", UNCLEAR)
def test_each_unclear_abbreviation_is_found_with_its_plain_form(abbreviation):
    findings = notes_findings(f"Note: {abbreviation} today")
    assert [(f.text, f.suggestion, f.kind) for f in findings] == [
        (abbreviation, UNCLEAR[abbreviation], "unclear-abbreviation")
    ]
    assert findings[0].message.startswith(
        f'"{abbreviation}" may not be clear to a patient: write "{UNCLEAR[abbreviation]}"'
    )


def test_w_slash_and_w_slash_o_are_told_apart():
    assert found("Take w/o food") == {"w/o": "without"}
    assert found("Take w/food") == {"w/": "with"}


def test_medication_fields_are_named_one_based():
    case = Case(
        medications=[
            Medication(name="Acetaminophen", dose="500 mg", when="every 6 hours", purpose="pain"),
            Medication(name="Oxycodone", dose="5 mg", when="q4h PRN", purpose="bad pain"),
            Medication(name="MSO4", dose=".5 mg", when="QD", purpose="LBP"),
        ]
    )
    got = [(f.field, f.text, f.kind) for f in check_notes(case)]
    assert got == [
        ("medications[2].when", "q4h", "unclear-abbreviation"),
        ("medications[2].when", "PRN", "unclear-abbreviation"),
        ("medications[3].name", "MSO4", "do-not-use"),
        ("medications[3].dose", ".5 mg", "do-not-use"),
        ("medications[3].when", "QD", "do-not-use"),
        ("medications[3].purpose", "LBP", "unclear-abbreviation"),
    ]


def test_each_distinct_finding_is_reported_once_per_field():
    case = Case(
        clinician=Clinician(notes="Take QD. Then QD again, and qd."),
        medications=[Medication(when="QD"), Medication(when="QD")],
    )
    got = [(f.field, f.text) for f in check_notes(case)]
    assert got == [
        ("clinician.notes", "QD"),
        ("clinician.notes", "qd"),
        ("medications[1].when", "QD"),
        ("medications[2].when", "QD"),
    ]


def test_findings_in_a_field_come_in_the_order_typed():
    assert [f.text for f in notes_findings("f/u with PT, take 1.0 mg QD")] == ["f/u", "PT", "1.0 mg", "QD"]


PLAIN_NOTES = [
    "Restart apixaban on 22 November.\nWalk twice a day.\nCall if the pain at night gets worse.",
    "Take acetaminophen 500 mg every 6 hours if you need it for pain.",
    "Take senna 8.6 mg at bedtime so you do not get constipated.",
    "You may shower tomorrow. Keep the bandage dry for one day. Do not take a bath for a week.",
    "Your follow-up visit is on 4 December at 10.30 in the Spine Clinic.",
    "Physical therapy will call you to set up a visit. Ask them about exercises for your upper back.",
    "Use an ice pack for 20 minutes at a time. Take ibuprofen only if your doctor says it is safe.",
]
TRICKY = [
    "Ms. Smith will call you.",
    "Ms Smith will call you.",
    "MS. SMITH WILL CALL YOU.",
    "MS Contin 15 mg at night.",
    "Please report any fever.",
    "Take 10 mg at night.",
    "Take 1.5 mg at night.",
    "The dose is 2.05 g.",
    "Come back at 10.30 on Friday.",
    "Come back at 10.00 on Friday.",
    "Upper back pain is normal for a few days.",
    "Use a U-shaped pillow.",
    "Dr. Dupont will see you.",
    "Mr. Upton and Ms. Uppal will call.",
    "Tell us if you have PTSD or bad dreams.",
    "Your Pt. number is on the card.",
    "Send mail to PO Box 12.",
    "The app is version 2.0 and version .5 is old.",
    "He made a bid to leave early. Do not sob.",
    "Stage IV and grade IV are roman numerals.",
    "Toma siete u ocho vasos de agua al día.",
    "Tome el medicamento cada día por la mañana.",
    "Quedarse en casa. Qdoba is a restaurant.",
    "Take it with food; stop if you feel sick.",
    "Questions? Call the clinic.",
]


@pytest.mark.parametrize("notes", PLAIN_NOTES + TRICKY)
def test_no_false_positives(notes):
    assert notes_findings(notes) == []


HARD_ENGLISH = (
    "Postoperative analgesic administration necessitates meticulous adherence to prescribed intervals. "
    "Subsequent mobilization should be undertaken progressively, notwithstanding transient paravertebral "
    "discomfort, and any neurological deterioration warrants immediate evaluation."
)
SPANISH = (
    "La administración postoperatoria de analgésicos requiere una adherencia meticulosa a los intervalos "
    "prescritos. La movilización subsiguiente debe realizarse progresivamente, a pesar de la incomodidad "
    "paravertebral transitoria."
)


def test_reading_level_is_flagged_for_hard_english_notes():
    findings = notes_findings(HARD_ENGLISH)
    assert [(f.field, f.kind, f.text) for f in findings] == [
        ("clinician.notes", "reading-level", HARD_ENGLISH)
    ]
    assert "grade 6 or below" in findings[0].message


def test_reading_level_is_not_flagged_for_plain_or_short_notes():
    assert notes_findings(" ".join(PLAIN_NOTES)) == []
    assert notes_findings("Postoperative mobilization necessitates meticulous deliberation.") == []


def test_reading_level_is_english_only():
    assert notes_findings(SPANISH, "es") == []
    assert notes_findings(HARD_ENGLISH, "es") == []
    # The case's own notes language wins over the site's.
    case = Case(clinician=Clinician(notes=HARD_ENGLISH, notes_language="es"))
    assert check_notes(case, "en") == []
    case = Case(clinician=Clinician(notes=HARD_ENGLISH, notes_language="en_GB"))
    assert [f.kind for f in check_notes(case, "es")] == ["reading-level"]


def test_abbreviations_are_checked_in_any_notes_language():
    assert [f.text for f in notes_findings("Tomar 1 tableta QD.", "es")] == ["QD"]


def test_as_issues_gives_warnings():
    case = Case(clinician=Clinician(notes="Take QD"), medications=[Medication(when="PRN")])
    issues = as_issues(check_notes(case))
    assert issues == [
        Issue("clinician.notes", issues[0].message, "warning"),
        Issue("medications[1].when", '"PRN" may not be clear to a patient: write "as needed"', "warning"),
    ]
    assert issues[0].message.startswith('"QD" is on the Do Not Use list: write "once a day"')
    assert as_issues([]) == []


def test_an_empty_case_has_no_findings():
    assert check_notes(Case()) == []
