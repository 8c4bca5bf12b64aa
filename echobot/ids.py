"""Every callback id, block id and action id, in one place, so handlers and views cannot drift."""

from enum import StrEnum


class Callback(StrEnum):
    REGISTER_VIEW = "register"
    REGISTER_SHORTCUT = "register_shortcut"


class Action(StrEnum):
    OPEN_REGISTRATION = "open_registration"
    SWITCH_ROLE = "switch_role"


class RegistrationField(StrEnum):
    """Block id and action id of each input in the registration modal (they are the same)."""

    NAME = "name"
    CREDENTIAL = "credential"
    DISCIPLINE = "discipline"
    ORGANIZATION = "organization"
    STATE = "state"
    COUNTY = "county"
    EMAIL = "email"
    ROLE = "role"
    NPI = "npi"
    LICENCE = "licence_number"
    BIRTH_MONTH = "birth_month"
    BIRTH_DAY = "birth_day"
    CONSENT = "consent"


class Consent(StrEnum):
    """Values of the options in the credit-reporting consent checkboxes."""

    LICENCE = "licence"
    BIRTH = "birth"
