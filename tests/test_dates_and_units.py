"""Every duration becomes a real date; weights show the site's unit first."""

from datetime import date

from vpdischarge.content.calendar import add_months, after_hours
from vpdischarge.content.context import key_dates
from vpdischarge.content.formatting import Formatter
from vpdischarge.domain.clinical import ClinicalLimits


def test_add_months_clamps_to_month_end():
    assert add_months(date(2026, 8, 31), 3) == date(2026, 11, 30)
    assert add_months(date(2026, 11, 20), 3) == date(2027, 2, 20)
    assert add_months(date(2027, 11, 30), 3) == date(2028, 2, 29)


def test_hours_round_up_to_whole_days():
    assert after_hours(date(2026, 11, 20), 24) == date(2026, 11, 21)
    assert after_hours(date(2026, 11, 20), 30) == date(2026, 11, 22)


def test_key_dates_of_the_defaults():
    d = key_dates(date(2026, 11, 20), ClinicalLimits())
    assert d.dressing_off == date(2026, 11, 22)
    assert d.shower_from == date(2026, 11, 21)
    assert d.soak_from == date(2026, 11, 27)
    assert d.lift_until == date(2027, 1, 1)
    assert d.lift_2_until == date(2027, 2, 20)
    assert d.drive_from == date(2026, 11, 22)
    assert (d.recovery_from, d.recovery_to) == (date(2026, 12, 18), date(2027, 1, 1))


def test_weights_site_unit_first_in_the_language_format():
    assert Formatter("en").weight(10, "lb") == "10 pounds (4.5 kg)"
    assert Formatter("en").weight(20, "kg") == "9 kilograms (20 lb)"
    assert Formatter("es").weight(10, "lb") == "10 libras (4,5 kg)"


def test_temperatures():
    assert Formatter("en").temperature(38.0, "F") == "100.4°F (38.0°C)"
    assert Formatter("de").temperature(38.0, "C") == "38,0 °C (100,4 °F)"


def test_dates_follow_the_language():
    assert Formatter("en").date(date(2027, 1, 1)) == "January 1, 2027"
    assert Formatter("es").date(date(2027, 1, 1)) == "1 de enero de 2027"
    assert Formatter("es").language_name("en") == "inglés"
