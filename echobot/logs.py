"""Logging set-up: one format, secrets redacted, Slack libraries kept from logging payloads."""

from __future__ import annotations

import logging
import re
import sys
import traceback

_TOKEN = re.compile(r"\b(xox[abposr]|xapp)-[A-Za-z0-9-]+")


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
        redacted = self.redact(message)
        if record.exc_info and record.exc_info[1] is not None:
            record.exc_text = self.redact(logging.Formatter().formatException(record.exc_info))
            record.exc_info = None
        if redacted != message or record.args:
            record.msg, record.args = redacted, None
        return True


def configure_logging(level: str, secrets: list[str]) -> None:
    """Log to stderr. The Slack SDK logs request bodies at DEBUG, so it stays at INFO or above."""
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    handler.addFilter(RedactingFilter(secrets))
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(level)
    quiet = max(logging.INFO, logging.getLevelName(level))
    for name in ("slack_sdk", "slack_bolt", "aiohttp.access", "apscheduler", "aiosqlite"):
        logging.getLogger(name).setLevel(quiet)


def describe_exception(error: BaseException, frames: int = 3) -> str:
    """The exception's type and where it happened, without its message (which may quote what a
    person typed, such as case text)."""
    where = "".join(traceback.format_tb(error.__traceback__)[-frames:])
    return f"{type(error).__name__}\n{where}"
