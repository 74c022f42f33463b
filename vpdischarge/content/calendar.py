"""Turning 'for 6 weeks' into the real date, counted from the procedure date."""

from __future__ import annotations

import calendar
from datetime import date, timedelta
from math import ceil


def add_months(start: date, months: int) -> date:
    """Same day of the month `months` later, or the month's last day if it has no such day
    (31 August + 3 months = 30 November)."""
    month_index = start.month - 1 + months
    year, month = start.year + month_index // 12, month_index % 12 + 1
    day = min(start.day, calendar.monthrange(year, month)[1])
    return date(year, month, day)


def after_hours(start: date, hours: int) -> date:
    """The calendar day on which `hours` after the procedure day have passed. The procedure
    time is not recorded, so we count whole days and round up: the safe side for a restriction."""
    return start + timedelta(days=ceil(hours / 24))


def after_days(start: date, days: int) -> date:
    return start + timedelta(days=days)


def after_weeks(start: date, weeks: int) -> date:
    return start + timedelta(weeks=weeks)
