"""Settings, logging and the command line, run as a person would run them."""

from __future__ import annotations

import asyncio
import logging
import signal
import sqlite3
import sys
import time
from pathlib import Path

import aiohttp
import pytest

from echobot.logs import RedactingFilter
from echobot.settings import SettingsError, load_settings
from echobot.storage import migrate
from tests.fake_slack import APP_TOKEN, BOT_TOKEN, FakeSlack
from tests.harness import SIGNING_SECRET
from tests.processes import CLEAN_ENV, echobot, free_port

# these tests are about the SQLite file itself (backup files, PRAGMAs); tests/test_postgres.py covers PostgreSQL
BACKENDS = ("sqlite",)

def test_missing_and_invalid_settings_print_one_line_and_exit_2(tmp_path: Path) -> None:
    result = echobot("run", cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr.strip() == "echobot: SLACK_BOT_TOKEN is not set"
    result = echobot(
        "run", env={"SLACK_BOT_TOKEN": "xoxp-user-token-secret", "ECHOBOT_LOG_LEVEL": "LOUD"}, cwd=tmp_path
    )
    assert result.returncode == 2
    assert "SLACK_BOT_TOKEN must be a bot token starting with xoxb-" in result.stderr
    assert "ECHOBOT_LOG_LEVEL must be one of" in result.stderr
    assert "Traceback" not in result.stderr and "xoxp-user-token-secret" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    result = echobot("run", "--http", env={"SLACK_BOT_TOKEN": BOT_TOKEN}, cwd=tmp_path)
    assert result.returncode == 2 and "SLACK_SIGNING_SECRET is not set" in result.stderr
    result = echobot("run", env={"SLACK_BOT_TOKEN": BOT_TOKEN}, cwd=tmp_path)
    assert result.returncode == 2 and "SLACK_APP_TOKEN is not set" in result.stderr


def test_settings_parse_admins_and_normalise_the_api_url() -> None:
    settings = load_settings(
        _env_file=None,
        SLACK_BOT_TOKEN=BOT_TOKEN,
        ECHOBOT_ADMINS=" U01, W02 ,",
        ECHOBOT_SLACK_API_URL="http://127.0.0.1:9/api",
    )
    assert settings.admins == ("U01", "W02")
    assert settings.slack_api_url == "http://127.0.0.1:9/api/"
    assert not settings.socket_mode
    with pytest.raises(SettingsError, match="ECHOBOT_ADMINS 'alice' is not a Slack user id"):
        load_settings(_env_file=None, SLACK_BOT_TOKEN=BOT_TOKEN, ECHOBOT_ADMINS="alice")


def test_digest_settings_default_to_monday_morning_and_refuse_nonsense() -> None:
    settings = load_settings(_env_file=None, SLACK_BOT_TOKEN=BOT_TOKEN)
    assert (settings.digest_weekday, settings.digest_time, settings.digest_channel) == (0, "08:00", None)
    settings = load_settings(_env_file=None, SLACK_BOT_TOKEN=BOT_TOKEN, ECHOBOT_DIGEST_DAY=" Friday ",
                             ECHOBOT_DIGEST_TIME="7:30", ECHOBOT_DIGEST_CHANNEL="G012ABCDEF")  # fmt: skip
    assert (settings.digest_weekday, settings.digest_time, settings.digest_channel) == (4, "07:30", "G012ABCDEF")
    for name, value, message in (
        ("ECHOBOT_DIGEST_DAY", "someday", "ECHOBOT_DIGEST_DAY must be a day of the week"),
        ("ECHOBOT_DIGEST_TIME", "8am", "ECHOBOT_DIGEST_TIME must be a time of day as HH:MM"),
        ("ECHOBOT_DIGEST_CHANNEL", "#coordinators", "ECHOBOT_DIGEST_CHANNEL must be a Slack channel id"),
    ):
        with pytest.raises(SettingsError, match=message):
            load_settings(_env_file=None, SLACK_BOT_TOKEN=BOT_TOKEN, **{name: value})


def test_log_redaction_hides_tokens_and_secrets() -> None:
    redactor = RedactingFilter([SIGNING_SECRET])
    record = logging.LogRecord("x", logging.INFO, "f", 1, "token %s secret %s", (BOT_TOKEN, SIGNING_SECRET), None)
    redactor.filter(record)
    assert BOT_TOKEN not in record.getMessage() and SIGNING_SECRET not in record.getMessage()
    assert "xoxb-[redacted]" in record.getMessage()


async def test_check_reports_what_is_wrong_in_words(tmp_path: Path, fake_slack: FakeSlack) -> None:
    env = {
        "SLACK_BOT_TOKEN": BOT_TOKEN,
        "SLACK_APP_TOKEN": APP_TOKEN,
        "ECHOBOT_SLACK_API_URL": fake_slack.api_url,
        "ECHOBOT_DATABASE": str(tmp_path / "check.db"),
        "ECHOBOT_ADMINS": "U0ADMIN",
    }
    result = await asyncio.to_thread(echobot, "check", env=env, cwd=tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "database: ok" in result.stdout and "workspace 'ECHO Hub'" in result.stdout
    assert "all good" in result.stdout
    result = await asyncio.to_thread(echobot, "check", env={**env, "SLACK_BOT_TOKEN": "xoxb-wrong-token"}, cwd=tmp_path)
    assert result.returncode == 1
    assert "Slack rejected SLACK_BOT_TOKEN" in result.stdout and "xoxb-wrong-token" not in result.stdout


def test_db_upgrade_and_backup(tmp_path: Path) -> None:
    env = {"ECHOBOT_DATABASE": str(tmp_path / "live.db")}
    first = echobot("db", "upgrade", env=env, cwd=tmp_path)
    assert first.returncode == 0 and "applied 0001_baseline" in first.stdout
    again = echobot("db", "upgrade", env=env, cwd=tmp_path)
    assert "already up to date" in again.stdout
    with sqlite3.connect(tmp_path / "live.db") as conn:
        conn.execute("INSERT INTO coordinators (user_id, added_by, added_at) "
                     "VALUES ('U1', 'U0', '2026-01-01T00:00:00.000000Z')")
    backup = echobot("db", "backup", str(tmp_path / "copy.db"), env=env, cwd=tmp_path)
    assert backup.returncode == 0 and "integrity ok" in backup.stdout
    refused = echobot("db", "backup", str(tmp_path / "copy.db"), env=env, cwd=tmp_path)
    assert refused.returncode == 1 and "add --force" in refused.stderr
    with sqlite3.connect(tmp_path / "copy.db") as conn:
        assert conn.execute("SELECT user_id FROM coordinators").fetchall() == [("U1",)]
        assert conn.execute("SELECT version_num FROM alembic_version").fetchall() == [(migrate.head(),)]


def test_a_database_newer_than_the_code_is_refused(tmp_path: Path) -> None:
    with sqlite3.connect(tmp_path / "future.db") as conn:
        conn.execute("PRAGMA user_version = 999")
    result = echobot("db", "upgrade", env={"ECHOBOT_DATABASE": str(tmp_path / "future.db")}, cwd=tmp_path)
    assert result.returncode == 2
    assert "schema version 999, newer than this echobot" in result.stderr and "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    missing = echobot("db", "upgrade", env={"ECHOBOT_DATABASE": str(tmp_path / "no" / "such" / "dir.db")})
    assert missing.returncode == 1 and "cannot use the database" in missing.stderr
    assert "Traceback" not in missing.stderr


async def test_run_on_a_database_newer_than_the_code_exits_2_instead_of_hanging(
    tmp_path: Path, fake_slack: FakeSlack
) -> None:
    with sqlite3.connect(tmp_path / "future.db") as conn:
        conn.execute("PRAGMA user_version = 999")
    env = {"SLACK_BOT_TOKEN": BOT_TOKEN, "SLACK_SIGNING_SECRET": SIGNING_SECRET,
           "ECHOBOT_SLACK_API_URL": fake_slack.api_url, "ECHOBOT_DATABASE": "future.db"}  # fmt: skip
    result = await asyncio.to_thread(echobot, "run", "--http", "--port", str(free_port()), env=env, cwd=tmp_path)
    assert result.returncode == 2, result.stderr
    [line] = [line for line in result.stderr.splitlines() if line.startswith("echobot:")]
    assert "newer than this echobot" in line and "Traceback" not in result.stderr


def test_a_relative_database_path_is_resolved_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from echobot.settings import load_database_settings

    (tmp_path / "hub").mkdir()
    monkeypatch.chdir(tmp_path / "hub")
    monkeypatch.setenv("ECHOBOT_DATABASE", "data.db")
    assert load_database_settings().database == str(tmp_path / "hub" / "data.db")
    monkeypatch.setenv("ECHOBOT_DATABASE", "sqlite:///data.db")
    assert load_database_settings().database == f"sqlite:///{tmp_path / 'hub' / 'data.db'}"
    monkeypatch.setenv("ECHOBOT_DATABASE", "postgresql://echo:secret@db.example:5432/echobot")
    assert load_database_settings().database == "postgresql://echo:secret@db.example:5432/echobot"


async def test_http_mode_serves_and_stops_gracefully_on_sigterm(tmp_path: Path, fake_slack: FakeSlack) -> None:
    port = free_port()
    env = {
        **CLEAN_ENV,
        "SLACK_BOT_TOKEN": BOT_TOKEN,
        "SLACK_SIGNING_SECRET": SIGNING_SECRET,
        "ECHOBOT_SLACK_API_URL": fake_slack.api_url,
        "ECHOBOT_DATABASE": "run.db",  # relative: resolved once, against the folder echobot starts in
    }
    process = await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "echobot",
        "run",
        "--http",
        "--host",
        "127.0.0.1",
        "--port",
        str(port),
        env=env,
        cwd=tmp_path,
        stderr=asyncio.subprocess.PIPE,
    )
    try:
        deadline = time.monotonic() + 20
        async with aiohttp.ClientSession() as session:
            while True:
                try:
                    async with session.get(f"http://127.0.0.1:{port}/healthz") as response:
                        if response.status == 200:
                            break
                except aiohttp.ClientError:
                    pass
                assert time.monotonic() < deadline, "echobot did not become ready"
                await asyncio.sleep(0.1)
        process.send_signal(signal.SIGTERM)
        code = await asyncio.wait_for(process.wait(), 20)
        stderr = (await process.stderr.read()).decode()  # type: ignore[union-attr]
        assert code == 0, stderr
        assert "ready: HTTP" in stderr and "stopped" in stderr
        assert f"(database {tmp_path / 'run.db'})" in stderr
        assert BOT_TOKEN not in stderr and SIGNING_SECRET not in stderr
    finally:
        if process.returncode is None:
            process.kill()
            await process.wait()


async def test_socket_mode_uses_the_app_token_and_stops_on_sigterm_even_while_connecting(
    tmp_path: Path, fake_slack: FakeSlack
) -> None:
    env = {
        **CLEAN_ENV,
        "SLACK_BOT_TOKEN": BOT_TOKEN,
        "SLACK_APP_TOKEN": APP_TOKEN,
        "ECHOBOT_SLACK_API_URL": fake_slack.api_url,
        "ECHOBOT_DATABASE": str(tmp_path / "socket.db"),
    }
    process = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "echobot", "run", env=env, cwd=tmp_path, stderr=asyncio.subprocess.PIPE
    )
    try:
        await fake_slack.wait_for("apps.connections.open", count=2, timeout=20)  # the preflight, then the socket
        process.send_signal(signal.SIGTERM)
        code = await asyncio.wait_for(process.wait(), 20)
        stderr = (await process.stderr.read()).decode()  # type: ignore[union-attr]
        assert code == 0, stderr
        assert "stopped" in stderr and APP_TOKEN not in stderr and BOT_TOKEN not in stderr
    finally:
        if process.returncode is None:
            process.kill()
            await process.wait()


def test_slack_library_messages_are_scrubbed_of_payloads() -> None:
    from echobot.logs import RedactingFilter

    body = "payload=%7B%22summary%22%3A+%22Mr.+Begay+lives+in+Gallup%22%7D"
    for name, level, message in (
        ("slack_bolt.App", logging.INFO, f"Invalid request signature detected (body: {body})"),
        ("echobot.bolt", logging.WARNING, f"Unhandled request ({{'view': {{'state': '{body}'}}}})"),
    ):
        record = logging.LogRecord(name, level, "f", 1, message, None, None)
        RedactingFilter([]).filter(record)
        assert "Begay" not in record.getMessage() and "summary" not in record.getMessage()


async def test_run_refuses_a_token_slack_rejects_in_one_line(tmp_path: Path, fake_slack: FakeSlack) -> None:
    env = {
        "SLACK_BOT_TOKEN": "xoxb-revoked-token-9999",
        "SLACK_SIGNING_SECRET": SIGNING_SECRET,
        "ECHOBOT_SLACK_API_URL": fake_slack.api_url,
        "ECHOBOT_DATABASE": str(tmp_path / "x.db"),
    }
    result = await asyncio.to_thread(echobot, "run", "--http", "--port", str(free_port()), env=env, cwd=tmp_path)
    assert result.returncode == 2
    assert (
        result.stderr.strip().splitlines()[-1] == "echobot: Slack rejected SLACK_BOT_TOKEN: copy the Bot User "
        "OAuth Token again from the app's OAuth & Permissions page."
    )
    assert "xoxb-revoked" not in result.stderr and "Traceback" not in result.stderr


async def test_run_starts_anyway_when_slack_is_having_an_incident(tmp_path: Path, fake_slack: FakeSlack) -> None:
    from echobot.cli import _preflight

    settings = load_settings(_env_file=None, SLACK_BOT_TOKEN=BOT_TOKEN, ECHOBOT_SLACK_API_URL=fake_slack.api_url)
    fake_slack.fail("auth.test", error="service_unavailable")
    await _preflight(settings)  # no SettingsError: only a refused token stops echobot
    fake_slack.fail("auth.test", error="invalid_auth")
    with pytest.raises(SettingsError, match="Slack rejected SLACK_BOT_TOKEN"):
        await _preflight(settings)
