"""Logging set-up: one format, secrets redacted, Slack libraries kept from logging payloads."""

from __future__ import annotations

import logging
import re
import sys
import traceback

_TOKEN = re.compile(r"\b(xox[abposr]|xapp)-[A-Za-z0-9-]+")


LIBRARY_LOGGERS = ("slack_sdk", "slack_bolt", "echobot.bolt", "aiohttp", "apscheduler", "aiosqlite")
_PAYLOAD = re.compile(r"[({\[].*", re.DOTALL)


def scrub_library_message(message: str) -> str:
    """Slack libraries can quote request bodies (which may hold case text) in their messages: keep only
    what comes before the first bracket, and not much of it."""
    cut = _PAYLOAD.sub("(details withheld)", message)
    cut = re.sub(r"body[:=].*", "body withheld", cut, flags=re.IGNORECASE | re.DOTALL)
    return cut[:300]


class RedactingFilter(logging.Filter):
    """Replace secrets and anything shaped like a Slack token in every log record."""

    def __init__(self, secrets: list[str]) -> None:
        super().__init__()
        self._secrets = [secret for secret in secrets if len(secret) >= 6]

    def redact(self, text: str) -> str:
        for secret in self._secrets:
            text = text.replace(secret, "[redacted]")
        return _TOKEN.sub(r"\1-[redacted]", text)

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        if record.name.startswith(LIBRARY_LOGGERS):
            message = scrub_library_message(message)
            record.exc_info = None
        redacted = self.redact(message)
        if record.exc_info and record.exc_info[1] is not None:
            record.exc_text = self.redact(logging.Formatter().formatException(record.exc_info))
            record.exc_info = None
        if redacted != record.getMessage() or record.args:
            record.msg, record.args = redacted, None
        return True


def configure_logging(level: str, secrets: list[str]) -> None:
    """Log to stderr. Slack's libraries log request bodies, so they stay at WARNING, scrubbed."""
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    handler.addFilter(RedactingFilter(secrets))
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(level)
    for name in LIBRARY_LOGGERS:
        logging.getLogger(name).setLevel(logging.WARNING)


def describe_exception(error: BaseException, frames: int = 3) -> str:
    """The exception's type and where it happened, without its message (which may quote what a
    person typed, such as case text)."""
    where = "".join(traceback.format_tb(error.__traceback__)[-frames:])
    return f"{type(error).__name__}\n{where}"
