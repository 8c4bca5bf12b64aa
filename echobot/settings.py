"""Configuration from the environment (and an optional .env file)."""

from __future__ import annotations

import os
from datetime import time
from typing import Annotated
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import Field, SecretStr, ValidationError, field_validator, model_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict
from sqlalchemy import make_url
from sqlalchemy.exc import ArgumentError

SLACK_API_URL = "https://slack.com/api/"

_LOG_LEVELS = ("DEBUG", "INFO", "WARNING", "ERROR")
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")

README_EXAMPLE_USER = "U012ABCDEF"  # the README's placeholder: refused if pasted literally


class SettingsError(Exception):
    """A missing or invalid setting, described in one line that names it."""


class DatabaseSettings(BaseSettings):
    """What the database commands need (no Slack tokens)."""

    model_config = SettingsConfigDict(env_file=".env", env_file_encoding="utf-8", extra="ignore")

    # a SQLite path or a URL (sqlite:///path, postgresql://user:password@host:5432/db)
    database: str = Field(default="echobot.db", validation_alias="ECHOBOT_DATABASE")

    @field_validator("database")
    @classmethod
    def _database(cls, value: str) -> str:
        """A relative SQLite path is resolved here, once, so that every part of echobot (and the ready line)
        names the same file whichever folder it was started from."""
        value = value.strip()
        if not value:
            raise ValueError("is empty: give a SQLite path or a postgresql:// URL")
        if value.startswith("sqlite:///"):
            path = value.removeprefix("sqlite:///")
            if not path or path.startswith("/") or path == ":memory:":
                return value
            return "sqlite:///" + os.path.abspath(path)
        if "://" in value or value == ":memory:":
            return value
        return os.path.abspath(os.path.expanduser(value))

    @property
    def database_password(self) -> str | None:
        """The password in a database URL (redacted from logs like the Slack secrets)."""
        if "://" not in self.database:
            return None
        try:
            return make_url(self.database).password  # type: ignore[return-value]
        except ArgumentError:
            return None


class Settings(DatabaseSettings):
    # one hub: its bot token; many hubs (distribution, issue 14): the app's client id and secret (OAuth installs)
    slack_bot_token: SecretStr | None = Field(default=None, validation_alias="SLACK_BOT_TOKEN")
    slack_client_id: str | None = Field(default=None, validation_alias="SLACK_CLIENT_ID")
    slack_client_secret: SecretStr | None = Field(default=None, validation_alias="SLACK_CLIENT_SECRET")
    # where Slack sends people after they approve an install (the manifest's oauth_config.redirect_urls)
    slack_redirect_uri: str | None = Field(default=None, validation_alias="SLACK_REDIRECT_URI")
    slack_signing_secret: SecretStr | None = Field(default=None, validation_alias="SLACK_SIGNING_SECRET")
    slack_app_token: SecretStr | None = Field(default=None, validation_alias="SLACK_APP_TOKEN")
    slack_api_url: str = Field(default=SLACK_API_URL, validation_alias="ECHOBOT_SLACK_API_URL")
    # seconds to wait for a Web API answer before treating the call as failed (and retrying it)
    slack_timeout: float = Field(default=15.0, gt=0, le=120, validation_alias="ECHOBOT_SLACK_TIMEOUT")
    admins: Annotated[tuple[str, ...], NoDecode] = Field(default=(), validation_alias="ECHOBOT_ADMINS")
    hub_name: str = Field(default="ECHO Hub", validation_alias="ECHOBOT_HUB_NAME")
    timezone: str = Field(default="America/New_York", validation_alias="ECHOBOT_TIMEZONE")
    log_level: str = Field(default="INFO", validation_alias="ECHOBOT_LOG_LEVEL")
    accreditation_statement: str = Field(default="", validation_alias="ECHOBOT_ACCREDITATION_STATEMENT")
    case_retention_days: int = Field(default=365, ge=30, le=3650, validation_alias="ECHOBOT_CASE_RETENTION_DAYS")
    digest_day: str = Field(default="monday", validation_alias="ECHOBOT_DIGEST_DAY")
    digest_time: str = Field(default="08:00", validation_alias="ECHOBOT_DIGEST_TIME")
    digest_channel: str | None = Field(default=None, validation_alias="ECHOBOT_DIGEST_CHANNEL")

    @field_validator("slack_bot_token")
    @classmethod
    def _bot_token(cls, value: SecretStr | None) -> SecretStr | None:
        if value is not None and not value.get_secret_value():
            return None
        if value is not None and not value.get_secret_value().startswith("xoxb-"):
            raise ValueError("must be a bot token starting with xoxb-")
        return value

    @field_validator("slack_client_id", "slack_redirect_uri")
    @classmethod
    def _blank_is_unset(cls, value: str | None) -> str | None:
        return (value or "").strip() or None

    @field_validator("slack_client_secret")
    @classmethod
    def _client_secret(cls, value: SecretStr | None) -> SecretStr | None:
        return value if value is not None and value.get_secret_value() else None

    @model_validator(mode="after")
    def _one_mode(self) -> Settings:
        """Either one hub (a bot token) or many (client id and secret, in HTTP mode), never both or neither."""
        oauth = (self.slack_client_id is not None, self.slack_client_secret is not None)
        if self.slack_bot_token is None and not any(oauth):
            raise ValueError("SLACK_BOT_TOKEN is not set")  # (or SLACK_CLIENT_ID and SLACK_CLIENT_SECRET: README)
        if any(oauth) and not all(oauth):
            missing = "SLACK_CLIENT_SECRET" if oauth[0] else "SLACK_CLIENT_ID"
            raise ValueError(f"{missing} is not set: many workspaces need both SLACK_CLIENT_ID and SLACK_CLIENT_SECRET")
        if self.slack_bot_token is not None and any(oauth):
            raise ValueError("SLACK_BOT_TOKEN and SLACK_CLIENT_ID are both set: set the bot token for one workspace, "
                             "or the client id and secret for many, not both")  # fmt: skip
        if any(oauth) and (self.slack_app_token is not None or self.slack_signing_secret is None):
            raise ValueError("SLACK_CLIENT_ID needs HTTP mode: set SLACK_SIGNING_SECRET, leave SLACK_APP_TOKEN unset")
        if any(oauth) and self.admins:
            raise ValueError("ECHOBOT_ADMINS is for one workspace: with SLACK_CLIENT_ID each hub's first coordinator "
                             "is the person who installs echobot")  # fmt: skip
        return self

    @property
    def distribution(self) -> bool:
        """Many workspaces from this deployment: OAuth installs, one hub per installation."""
        return self.slack_client_id is not None

    @field_validator("slack_app_token")
    @classmethod
    def _app_token(cls, value: SecretStr | None) -> SecretStr | None:
        if value is not None and not value.get_secret_value():
            return None
        if value is not None and not value.get_secret_value().startswith("xapp-"):
            raise ValueError("must be an app-level token starting with xapp-")
        return value

    @field_validator("slack_signing_secret")
    @classmethod
    def _signing_secret(cls, value: SecretStr | None) -> SecretStr | None:
        return value if value is not None and value.get_secret_value() else None

    @field_validator("slack_api_url")
    @classmethod
    def _api_url(cls, value: str) -> str:
        if not value.startswith(("http://", "https://")):
            raise ValueError("must be an http(s) URL such as https://slack.com/api/")
        return value if value.endswith("/") else value + "/"

    @field_validator("admins", mode="before")
    @classmethod
    def _admins(cls, value: object) -> tuple[str, ...]:
        if isinstance(value, str):
            items = [item.strip() for item in value.split(",")]
        elif isinstance(value, list | tuple):
            items = [str(item).strip() for item in value]
        else:
            raise ValueError("must be a comma-separated list of Slack user ids")
        ids = tuple(item for item in items if item)
        for item in ids:
            if item == README_EXAMPLE_USER:
                raise ValueError(f"{item} is the README's example id: put your own member id (profile, ⋮, "
                                 "Copy member ID)")  # fmt: skip
            if item[:1] not in ("U", "W") or not item.isalnum() or not item.isupper():
                raise ValueError(f"{item!r} is not a Slack user id (like U012ABCDEF)")
        return ids

    @field_validator("timezone")
    @classmethod
    def _timezone(cls, value: str) -> str:
        try:
            ZoneInfo(value)
        except (ZoneInfoNotFoundError, ValueError):
            raise ValueError(f"{value!r} is not an IANA time zone (like America/Chicago)") from None
        return value

    @field_validator("digest_day")
    @classmethod
    def _digest_day(cls, value: str) -> str:
        day = value.strip().lower()
        if day not in WEEKDAYS:
            raise ValueError("must be a day of the week, like monday")
        return day

    @field_validator("digest_time")
    @classmethod
    def _digest_time(cls, value: str) -> str:
        hours, _, minutes = value.strip().partition(":")
        if not (hours.isdigit() and minutes.isdigit() and len(minutes) == 2 and int(hours) < 24 and int(minutes) < 60):
            raise ValueError("must be a time of day as HH:MM, like 08:00")
        return f"{int(hours):02d}:{minutes}"

    @field_validator("digest_channel")
    @classmethod
    def _digest_channel(cls, value: str | None) -> str | None:
        value = (value or "").strip()
        if not value:
            return None
        if value[:1] not in ("C", "G") or not value.isalnum() or not value.isupper():
            raise ValueError("must be a Slack channel id (like C012ABCDEF), not a name")
        return value

    @property
    def digest_weekday(self) -> int:
        """Monday is 0, as in datetime.weekday()."""
        return WEEKDAYS.index(self.digest_day)

    @property
    def digest_clock(self) -> time:
        return time.fromisoformat(self.digest_time)

    @field_validator("log_level")
    @classmethod
    def _log_level(cls, value: str) -> str:
        level = value.strip().upper()
        if level not in _LOG_LEVELS:
            raise ValueError(f"must be one of {', '.join(_LOG_LEVELS)}")
        return level

    @property
    def socket_mode(self) -> bool:
        return self.slack_app_token is not None

    def secrets(self) -> list[str]:
        """Every secret value, so that logging can redact them."""
        values = [self.slack_bot_token, self.slack_signing_secret, self.slack_app_token, self.slack_client_secret]
        found = [value.get_secret_value() for value in values if value is not None]
        return found + ([self.database_password] if self.database_password else [])


_ENV_NAMES = {
    name: str(field.validation_alias) for name, field in Settings.model_fields.items() if field.validation_alias
}


def load_settings(**overrides: object) -> Settings:
    """Read settings; a problem becomes a SettingsError whose message names the variable."""
    try:
        return Settings(**overrides)  # type: ignore[arg-type]
    except ValidationError as error:
        raise SettingsError(describe(error)) from None


def load_database_settings() -> DatabaseSettings:
    try:
        return DatabaseSettings()
    except ValidationError as error:
        raise SettingsError(describe(error)) from None


def describe(error: ValidationError) -> str:
    """One line per problem, naming the environment variable and never echoing its value."""
    lines = []
    for problem in error.errors(include_input=False, include_url=False):
        location = str(problem["loc"][0]) if problem["loc"] else ""
        name = _ENV_NAMES.get(location, location)
        if problem["type"] == "missing":
            lines.append(f"{name} is not set")
        else:
            message = str(problem["msg"]).removeprefix("Value error, ")
            lines.append(f"{name} {message}" if name else message)
    return "; ".join(lines)
