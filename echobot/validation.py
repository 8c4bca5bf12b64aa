"""Checks of single values typed by people. Each returns an error message, or None when fine."""

from __future__ import annotations

import calendar

from email_validator import EmailNotValidError, validate_email
from stdnum import luhn

# The NPI check digit is a Luhn digit computed as if the 9-digit prefix followed the
# card-issuer prefix 80840 (CMS, "Requirements for NPI check digit").
_NPI_PREFIX = "80840"


def npi_error(npi: str) -> str | None:
    if not (len(npi) == 10 and npi.isascii() and npi.isdigit()):
        return "An NPI is 10 digits, with no spaces or dashes."
    if not luhn.is_valid(_NPI_PREFIX + npi):
        return "That NPI's check digit is wrong: please check for a typo."
    return None


def email_error(email: str) -> str | None:
    try:
        validate_email(email, check_deliverability=False)
    except EmailNotValidError:
        return "Enter an e-mail address like name@clinic.org."
    return None


def month_day_error(month: int, day: int) -> str | None:
    """A birth month and day must exist in some year (29 February does)."""
    if not 1 <= month <= 12:
        return "Choose a month."
    if not 1 <= day <= calendar.monthrange(2000, month)[1]:
        return f"{calendar.month_name[month]} has no day {day}."
    return None


MAX_ID_DIGITS = 15  # row ids are far below 10**15; longer numbers do not fit SQLite's INTEGER anyway


def parse_id(value: object) -> int | None:
    """A row id from text Slack brought back (a button value, a picked option): ASCII digits only (no "²" or
    "٣", which str.isdigit accepts and int() does not), positive, and small enough for SQLite."""
    if not isinstance(value, str) or not value.isascii() or not value.isdigit() or len(value) > MAX_ID_DIGITS:
        return None
    number = int(value)
    return number if number > 0 else None
