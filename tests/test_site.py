"""Site settings: bundled default, line numbers for mistakes, ranges named by key."""

from datetime import date

import pytest

from vpdischarge.domain.issues import InputError
from vpdischarge.domain.site import load_site, parse_site


def problems(text):
    with pytest.raises(InputError) as info:
        parse_site(text)
    return {i.field: i.message for i in info.value.issues}


def test_bundled_default_has_the_brief_defaults(site):
    assert site.emergency_number == "911"
    assert site.paper == "letter" and site.weight_unit == "lb"
    assert site.clinical.fever_c == 38.0
    assert site.clinical.dressing_off_hours == 48
    assert site.clinical.lift_limit_lb == 10 and site.clinical.lift_weeks == 6
    assert site.approved_translations == {}


def test_malformed_file_gives_its_line():
    message = problems('[hospital]\nname = "A"\nclinic_phone = \n')["site"]
    assert "line 3" in message


def test_out_of_range_values_are_rejected_by_name_and_line():
    found = problems("[clinical]\nfever_c = 45.0\nlift_limit_lb = 500\n")
    assert "45" in found["site.clinical.fever_c"] and "(line 2)" in found["site.clinical.fever_c"]
    assert "500 lb" in found["site.clinical.lift_limit_lb"]
    assert "(line 3)" in found["site.clinical.lift_limit_lb"]


def test_unknown_keys_and_bad_choices():
    found = problems('[hospital]\nnmae = "x"\n[print]\npaper = "legal"\n[colours]\n')
    assert set(found) == {"site.hospital.nmae", "site.print.paper", "site.colours"}


def test_a_european_site():
    site = parse_site(
        '[hospital]\nemergency_number = "112"\ncountry = "DE"\n'
        '[print]\npaper = "a4"\nweight_unit = "kg"\ntemperature_unit = "C"\n'
        '[translations.es]\nstatus = "approved"\nreviewer = "R. Reviewer"\ndate = 2026-11-01\n'
    )
    assert site.emergency_number == "112" and site.paper == "a4"
    assert site.approved_translations["es"].reviewer == "R. Reviewer"
    assert site.approved_translations["es"].date == date(2026, 11, 1)


def test_approval_needs_reviewer_and_date():
    assert "translations.es" in " ".join(problems('[translations.es]\nstatus = "approved"\n'))


def test_template_folder_must_hold_a_template(tmp_path):
    found = problems(f'[template]\nfolder = "{tmp_path}"\n')
    assert "handout.xml.j2" in found["site.template.folder"]


def test_load_site_errors_name_the_file(tmp_path):
    path = tmp_path / "site.toml"
    path.write_text("[clinical]\nno_soak_days = 0\n", encoding="utf-8")
    with pytest.raises(InputError) as info:
        load_site(path)
    assert str(path) in str(info.value)


def test_log_database_and_include_patient_name():
    site = parse_site(
        '[log]\ndatabase = "postgresql://nurse@db.example:5432/handouts"\ninclude_patient_name = true\n'
    )
    assert site.log_database == "postgresql://nurse@db.example:5432/handouts"
    assert site.log_include_patient_name is True
    assert parse_site('[log]\ndatabase = "postgres://db.example/handouts"\n').log_database
    default = parse_site("")
    assert (default.log_database, default.log_include_patient_name) == ("", False)


def test_log_settings_are_checked_by_name_and_line():
    found = problems(
        '[log]\ndatabase = "mysql://nurse:hunter2-secret@db/handouts"\n'
        'include_patient_name = "yes"\nfile = 1\n'
    )
    assert set(found) == {"site.log.database", "site.log.include_patient_name", "site.log.file"}
    assert "postgresql://user@host:port/dbname" in found["site.log.database"]
    assert "(line 2)" in found["site.log.database"]
    assert "true or false" in found["site.log.include_patient_name"]
    # The refused URL's password is never repeated.
    assert "hunter2-secret" not in " ".join(found.values())
    port = problems('[log]\ndatabase = "postgresql://nurse:hunter2-secret@db:fifty/handouts"\n')
    assert "PostgreSQL address" in port["site.log.database"]
    assert "hunter2-secret" not in port["site.log.database"]
    assert "site.log.database" in problems('[log]\ndatabase = "postgresql://db/handouts#x"\n')
    assert "site.log.database" in problems('[log]\ndatabase = "db.example/handouts"\n')


def test_a_database_url_is_masked_in_messages():
    from vpdischarge.domain.database_url import masked, without_password

    assert masked("postgresql://nurse:pa%40ss@db:5432/log") == "postgresql://nurse:***@db:5432/log"
    assert (
        masked("postgresql://db/log?user=nurse&password=xyz123")
        == "postgresql://db/log?user=nurse&password=***"
    )
    assert without_password('password "pa@ss" refused', "postgresql://nurse:pa%40ss@db/log") == (
        'password "***" refused'
    )
