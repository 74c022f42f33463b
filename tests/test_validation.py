"""Validation returns every problem at once, each naming its field."""

from datetime import date

import pytest
from conftest import TODAY

from vpdischarge.domain.case_file import case_from_dict
from vpdischarge.domain.validation import validate
from vpdischarge.pipeline import check


def by_field(issues, severity="error"):
    return {i.field: i.message for i in issues if i.severity == severity}


def test_typical_english_case_is_clean(make_case, site):
    assert check(make_case(), site, TODAY) == []


def test_required_fields_all_reported_together(site):
    case, issues = case_from_dict({"schema": 1})
    errors = by_field(issues + check(case, site, TODAY))
    assert {"patient.name", "procedure.date", "language"} <= set(errors)


def test_length_limits(make_case, site, case_data):
    case = make_case(
        patient={"name": "N" * 201, "record_number": "R1"},
        clinician={"notes": "x" * 5001},
        medications=[{"name": f"Medicine {n}"} for n in range(21)],
    )
    errors = by_field(check(case, site, TODAY))
    assert "201" in errors["patient.name"]
    assert "5,001" in errors["clinician.notes"]
    assert "21" in errors["medications"]


def test_dates_far_from_today_are_warnings_not_errors(make_case, site):
    old = make_case(procedure={"date": "2026-11-12"}, blood_thinner_restart=None)  # 15 days ago
    ahead = make_case(procedure={"date": "2026-11-28"})  # tomorrow
    assert "14 days ago" in by_field(check(old, site, TODAY), "warning")["procedure.date"]
    assert "in the future" in by_field(check(ahead, site, TODAY), "warning")["procedure.date"]
    assert "procedure.date" not in by_field(check(old, site, TODAY))
    assert "procedure.date" not in by_field(check(ahead, site, TODAY))


def test_procedure_date_bounds_are_inclusive(make_case, site):
    for day in ("2026-11-13", "2026-11-27"):  # exactly 14 days ago, today
        case = make_case(procedure={"date": day}, blood_thinner_restart=None, follow_up=None)
        assert "procedure.date" not in by_field(check(case, site, TODAY), "warning"), day


def test_site_settings_move_the_procedure_date_bounds(make_case, site):
    from dataclasses import replace

    wide = replace(site, procedure_max_days_ago=30, procedure_max_days_ahead=7)
    old = make_case(procedure={"date": "2026-11-12"}, blood_thinner_restart=None)
    ahead = make_case(procedure={"date": "2026-12-04"}, follow_up=None)
    further = make_case(procedure={"date": "2026-12-05"}, follow_up=None)
    assert "procedure.date" not in by_field(check(old, wide, TODAY), "warning")
    assert "procedure.date" not in by_field(check(ahead, wide, TODAY), "warning")
    assert "7 days ahead" in by_field(check(further, wide, TODAY), "warning")["procedure.date"]


def test_impossible_procedure_date_is_still_an_error(make_case, site):
    case = make_case(procedure={"date": "1850-01-01"}, blood_thinner_restart=None, follow_up=None)
    assert "not a possible procedure date" in by_field(check(case, site, TODAY))["procedure.date"]


def test_missing_second_identifier_is_a_warning(make_case, site):
    case = make_case(patient={"name": "Ana Test"})
    assert "patient.date_of_birth" in by_field(check(case, site, TODAY), "warning")


def test_restriction_out_of_range_is_named(make_case, site):
    case = make_case(restrictions={"lift_limit_lb": 500, "fever_c": 45, "lift_wekes": 3})
    errors = by_field(check(case, site, TODAY))
    assert "500" in errors["restrictions.lift_limit_lb"]
    assert "45" in errors["restrictions.fever_c"]
    assert "unknown" in errors["restrictions.lift_wekes"]


def test_contradictory_lifting_limits_are_refused(make_case, site):
    case = make_case(restrictions={"lift_limit_lb": 20, "lift_limit_2_lb": 15})
    assert "restrictions.lift_limit_2_lb" in by_field(check(case, site, TODAY))


def test_language_must_have_a_handout(make_case, site):
    assert "language" in by_field(check(make_case(language="xx"), site, TODAY))
    only_english = validate(make_case(language="vi"), site, frozenset({"en"}), TODAY)
    assert "no Vietnamese (Tiếng Việt) handout" in by_field(only_english)["language"]


def test_untranslated_catalog_cannot_print_under_that_language(monkeypatch):
    from vpdischarge import pipeline

    monkeypatch.setattr(pipeline, "untranslated_count", lambda code: (92, 92))
    assert pipeline.completeness_issues("language", "es")[0].severity == "error"
    monkeypatch.setattr(pipeline, "untranslated_count", lambda code: (3, 92))
    partial = pipeline.completeness_issues("language", "es")[0]
    assert partial.severity == "warning" and "3 of 92" in partial.message and "English" in partial.message


def test_draft_translation_is_a_warning(make_case, site):
    warnings = by_field(check(make_case(language="es"), site, TODAY), "warning")
    assert "draft" in warnings["language"]


def test_unprintable_character_is_refused_by_field(make_case, site):
    case = make_case(patient={"name": "Ana 😀 Test", "record_number": "R1"})
    errors = by_field(check(case, site, TODAY))
    assert "U+1F600" in errors["patient.name"]


def test_dates_after_the_procedure(make_case, site):
    case = make_case(blood_thinner_restart="2026-11-01")
    assert "blood_thinner_restart" in by_field(check(case, site, TODAY))


def test_spine_levels(make_case, site):
    case = make_case(procedure={"date": "2026-11-20", "levels": ["T12", "Z9"]})
    assert "'Z9' is not a spine level" in by_field(check(case, site, TODAY))["procedure.levels"]


def test_future_birth_date(make_case, site):
    case = make_case(patient={"name": "A", "date_of_birth": date(2030, 1, 1).isoformat()})
    assert "patient.date_of_birth" in by_field(check(case, site, TODAY))


def test_absurd_numbers_are_refused_not_fatal(make_case, site):
    # Found by the property tests: a 300-digit number once crashed the range message.
    case = make_case(restrictions={"bend_weeks": 10**300, "fever_c": float("nan")})
    errors = by_field(check(case, site, TODAY))
    assert "very large" in errors["restrictions.bend_weeks"]
    assert "restrictions.fever_c" in errors


def test_impossible_procedure_dates_are_errors(make_case, site):
    # Found by the long property run: 9999-12-01 overflowed the dates computed from it.
    for day in ("9999-12-01", "1850-01-01", "2030-01-01"):
        assert (
            "not a possible procedure date"
            in by_field(check(make_case(procedure={"date": day}), site, TODAY))["procedure.date"]
        )


def test_messages_name_languages_in_the_interface_language(make_case, site):
    from vpdischarge import i18n

    try:
        i18n.set_ui_language("es")
        warning = by_field(check(make_case(language="es"), site, TODAY), "warning")["language"]
        assert "español" in warning and "Spanish" not in warning
    finally:
        i18n.set_ui_language("en")


def test_numbers_in_messages_are_grouped_the_interface_languages_way(make_case, site):
    from vpdischarge import i18n

    case = make_case(clinician={"notes": "x" * 5001})
    try:
        i18n.set_ui_language("de")
        german = by_field(check(case, site, TODAY))["clinician.notes"]
        i18n.set_ui_language("fr")
        french = by_field(check(case, site, TODAY))["clinician.notes"]
    finally:
        i18n.set_ui_language("en")
    assert "5.001" in german and "5.000" in german
    assert "5\u202f001" in french  # CLDR's narrow no-break space, never "5,001"


@pytest.mark.parametrize(
    ("when", "warned"),
    [
        ("2026-12-04T02:30", True),
        ("2026-12-04T06:59", True),
        ("2026-12-04T07:00", False),
        ("2026-12-04T14:30", False),
        ("2026-12-04", False),
    ],
)
def test_a_visit_at_night_is_a_warning_to_check_am_or_pm(make_case, site, when, warned):
    case = make_case(follow_up={"when": when, "where": "Spine Clinic"})
    found = [i for i in validate(case, site, frozenset({"en"}), TODAY) if i.field == "follow_up.when"]
    assert [i.severity for i in found] == (["warning"] if warned else [])
