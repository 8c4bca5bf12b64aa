"""The echobot command line: run, check, db upgrade, db backup, db restore, db copy, hub purge, hub adopt."""

from __future__ import annotations

import argparse
import asyncio
import getpass
import logging
import os
import re
import signal
import sqlite3
import sys
from collections.abc import Coroutine
from contextlib import suppress
from pathlib import Path
from typing import Any

from slack_sdk.errors import SlackApiError
from slack_sdk.web.async_client import AsyncWebClient
from sqlalchemy.exc import SQLAlchemyError

from echobot import __version__
from echobot.installs import BOT_SCOPES
from echobot.logs import configure_logging
from echobot.settings import Settings, SettingsError, load_database_settings, load_settings
from echobot.slack_client import NETWORK_ERRORS, slack_error_code
from echobot.storage import Database, SchemaError
from echobot.storage.backup import (
    BackupError,
    backup_file,
    copy_database,
    file_integrity,
    pg_backup,
    pg_restore,
    restore_file,
)
from echobot.storage.database import NewerSchemaError, database_url, display

DATABASE_ERRORS = (sqlite3.Error, SQLAlchemyError, OSError, SchemaError)

log = logging.getLogger("echobot")

AUTH_ADVICE = {
    "invalid_auth": "Slack rejected SLACK_BOT_TOKEN: copy the Bot User OAuth Token again from the app's "
    "OAuth & Permissions page.",
    "not_authed": "SLACK_BOT_TOKEN is empty.",
    "account_inactive": "The app was uninstalled or its bot deactivated: reinstall it to the workspace.",
    "token_revoked": "SLACK_BOT_TOKEN was revoked: reinstall the app and use the new token.",
}


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="echobot",
        description="Project ECHO teleECHO programs in Slack. Settings come from the "
        "environment or a .env file (see the README).",
    )
    parser.add_argument("--version", action="version", version=f"echobot {__version__}")
    commands = parser.add_subparsers(dest="command", required=True)

    run = commands.add_parser("run", help="start the bot (Socket Mode when SLACK_APP_TOKEN is set)")
    run.add_argument("--http", action="store_true", help="serve Slack's requests over HTTP instead")
    run.add_argument("--host", default="0.0.0.0", help="HTTP mode: address to listen on (default 0.0.0.0)")
    run.add_argument("--port", type=int, default=3000, help="HTTP mode: port (default 3000)")
    run.set_defaults(func=run_command)

    check = commands.add_parser("check", help="check settings, the database and the Slack connection")
    check.set_defaults(func=check_command)

    db = commands.add_parser("db", help="database maintenance")
    db_commands = db.add_subparsers(dest="db_command", required=True)
    upgrade = db_commands.add_parser("upgrade", help="apply pending schema migrations")
    upgrade.set_defaults(func=upgrade_command)
    backup = db_commands.add_parser("backup", help="copy the database safely, even while the bot runs")
    backup.add_argument("path", help="where to write the copy (PostgreSQL: a pg_dump file)")
    backup.add_argument("--force", action="store_true", help="overwrite an existing file")
    backup.set_defaults(func=backup_command)
    restore = db_commands.add_parser("restore", help="put a backup in place of the database (stop echobot first)")
    restore.add_argument("path", help="the backup written by `echobot db backup`")
    restore.set_defaults(func=restore_command)
    copy = db_commands.add_parser("copy", help="copy every row into a new, empty database (SQLite to PostgreSQL)")
    copy.add_argument("--to", required=True, dest="target", help="the target, e.g. postgresql://user:pw@host/db")
    copy.set_defaults(func=copy_command)

    hubs = commands.add_parser("hub", help="hubs served by this deployment (many workspaces)")
    hub_commands = hubs.add_subparsers(dest="hub_command", required=True)
    purge = hub_commands.add_parser("purge", help="remove every record of a hub for good, when the hub asks")
    purge.add_argument("hub", metavar="TEAM_ID", help="the hub's workspace id (T…) or Grid organization id (E…)")
    purge.set_defaults(func=purge_command)
    adopt = hub_commands.add_parser(
        "adopt", help="move the single-token hub's records to its workspace, when moving to many workspaces (OAuth)"
    )
    adopt.add_argument("hub", metavar="TEAM_ID", help="the workspace id (T…) or Grid organization id (E…)")
    adopt.set_defaults(func=adopt_command)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    os.umask(0o077)  # the database and its backups hold provider details: readable by this account only
    try:
        return int(asyncio.run(args.func(args)) or 0)
    except SettingsError as error:
        print(f"echobot: {error}", file=sys.stderr)
        return 2
    except NewerSchemaError as error:
        print(f"echobot: {error}", file=sys.stderr)
        return 2
    except BackupError as error:
        print(f"echobot: {error}", file=sys.stderr)
        return 1
    except DATABASE_ERRORS as error:
        try:
            database = display(load_database_settings().database)
        except SettingsError:
            database = "echobot.db"
        print(f"echobot: cannot use the database {database}: {_one_line(error)}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130


def _one_line(error: BaseException) -> str:
    """A database error without SQLAlchemy's statement dump and documentation link."""
    original = getattr(error, "orig", None)
    if isinstance(error, SQLAlchemyError) and isinstance(original, BaseException):
        error = original
    return str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__


async def run_command(args: argparse.Namespace) -> int:
    from aiohttp import web

    from echobot.runtime import Runtime
    from echobot.socket_mode import SocketModeHandler
    from echobot.web import build_web_app

    settings = load_settings()
    if args.http and settings.slack_signing_secret is None:
        raise SettingsError("SLACK_SIGNING_SECRET is not set: HTTP mode needs it to verify Slack's requests")
    if not args.http and settings.slack_app_token is None:
        raise SettingsError("SLACK_APP_TOKEN is not set: set it for Socket Mode, or run with --http")
    configure_logging(settings.log_level, settings.secrets())
    if settings.distribution and not args.http:
        raise SettingsError("SLACK_CLIENT_ID serves many workspaces over HTTP: run with --http")
    if not settings.admins and not settings.distribution:
        log.warning("no coordinators are configured (ECHOBOT_ADMINS is empty): nobody can create a program; set "
                    "it to your Slack member id and restart")  # fmt: skip
    await _preflight(settings)
    runtime = await Runtime.open(settings)
    await runtime.start()
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(sig, stop.set)
    try:
        if args.http:
            runner = web.AppRunner(build_web_app(runtime), shutdown_timeout=10, access_log=None)
            await runner.setup()
            await web.TCPSite(runner, args.host, args.port).start()
            log.info(
                "echobot %s ready: HTTP on %s:%d (database %s)", __version__, args.host, args.port,
                display(settings.database),
            )
            await stop.wait()
            log.info("stopping: finishing requests in flight")
            await runner.cleanup()
        else:
            assert settings.slack_app_token is not None
            handler = SocketModeHandler(runtime, settings.slack_app_token.get_secret_value())
            connected = await _until_stopped(handler.connect_async(), stop)
            if connected:
                log.info("echobot %s ready: Socket Mode (database %s)", __version__, display(settings.database))
                await stop.wait()
            log.info("stopping: closing the Socket Mode connection")
            await handler.close_async()
    finally:
        await runtime.stop()
        log.info("stopped")
    return 0


async def _preflight(settings: Settings) -> None:
    """Refuse to start with tokens Slack rejects (one clear line, exit 2); an unreachable Slack only warns,
    since the outbox keeps every message until Slack is back. Many workspaces: each install brings its token."""
    if settings.slack_bot_token is None:
        return
    client = AsyncWebClient(token=settings.slack_bot_token.get_secret_value(), base_url=settings.slack_api_url)
    try:
        await client.auth_test()
        if settings.slack_app_token is not None:
            app_client = AsyncWebClient(token=settings.slack_app_token.get_secret_value(),
                                        base_url=settings.slack_api_url)  # fmt: skip
            try:
                await app_client.apps_connections_open(app_token=settings.slack_app_token.get_secret_value())
            except SlackApiError as error:
                code = slack_error_code(error)
                if code in AUTH_ADVICE or code == "invalid_auth":
                    raise SettingsError(f"SLACK_APP_TOKEN was refused by Slack ({code})") from None
                log.warning("Slack answered %s to apps.connections.open: starting anyway", code)
    except SlackApiError as error:
        code = slack_error_code(error)
        if code in AUTH_ADVICE:
            raise SettingsError(AUTH_ADVICE[code]) from None
        log.warning("Slack answered %s to auth.test: starting anyway", code)
    except NETWORK_ERRORS as error:
        log.warning("cannot reach Slack at %s yet (%s): starting anyway", settings.slack_api_url,
                    type(error).__name__)  # fmt: skip


async def _until_stopped(work: Coroutine[Any, Any, Any], stop: asyncio.Event) -> bool:
    """Run `work` unless a stop signal comes first; True when it finished."""
    task = asyncio.ensure_future(work)
    stopper = asyncio.ensure_future(stop.wait())
    await asyncio.wait({task, stopper}, return_when=asyncio.FIRST_COMPLETED)
    stopper.cancel()
    if task.done():
        task.result()
        return True
    task.cancel()
    with suppress(asyncio.CancelledError):
        await task
    return False


async def check_command(args: argparse.Namespace) -> int:
    settings = load_settings()
    problems = 0
    if not settings.socket_mode and settings.slack_signing_secret is None:
        print("settings: neither SLACK_APP_TOKEN (Socket Mode) nor SLACK_SIGNING_SECRET (HTTP mode) is set")
        problems += 1
    else:
        mode = "Socket Mode" if settings.socket_mode else "HTTP mode"
        print(f"settings: ok ({mode}, hub {settings.hub_name!r}, time zone {settings.timezone})")
    if not settings.accreditation_statement:
        print("settings: ECHOBOT_ACCREDITATION_STATEMENT is empty, so certificates carry no accreditation statement")
    if not settings.admins:
        print("settings: ECHOBOT_ADMINS is empty, so nobody can set up programs yet")
    try:
        url = database_url(settings.database)
        missing = url.get_backend_name() == "sqlite" and not await asyncio.to_thread(
            os.path.exists, url.database or ""
        )
        if missing:  # checking creates nothing
            print(f"database: ok ({display(settings.database)} does not exist yet: `echobot run` or "
                  "`echobot db upgrade` creates it)")  # fmt: skip
        else:
            db = await Database.open(settings.database, migrate=False)
            print(f"database: ok ({display(settings.database)}, schema version {await db.schema_version()})")
            await db.close()
    except DATABASE_ERRORS as error:
        print(f"database: cannot use {display(settings.database)}: {_one_line(error)}")
        problems += 1
    problems += await _check_slack(settings)
    print("all good" if problems == 0 else f"{problems} problem(s) found")
    return 0 if problems == 0 else 1


async def _check_slack(settings: Settings) -> int:
    if settings.slack_bot_token is None:
        print("slack: many workspaces (SLACK_CLIENT_ID): each is installed at /slack/install; no token to check")
        return 0
    client = AsyncWebClient(token=settings.slack_bot_token.get_secret_value(), base_url=settings.slack_api_url)
    try:
        auth = await client.auth_test()
        print(f"slack: ok (workspace {auth.get('team')!r}, id {auth.get('team_id')}, bot @{auth.get('user')})")
        granted = next((v for k, v in auth.headers.items() if k.lower() == "x-oauth-scopes"), None)
        if isinstance(granted, list):
            granted = ",".join(granted)
        missing = [scope for scope in BOT_SCOPES if granted is not None and scope not in
                   {s.strip() for s in granted.split(",")}]  # fmt: skip
        if missing:
            print(f"slack: the token lacks the scope(s) {', '.join(missing)} that manifest.yml asks for: add them "
                  "(OAuth & Permissions, or paste manifest.yml again) and reinstall the app")  # fmt: skip
            return 1
    except SlackApiError as error:
        code = str(slack_error_code(error))
        print(f"slack: {AUTH_ADVICE.get(code, f'Slack answered {code!r} to auth.test')}")
        return 1
    except NETWORK_ERRORS as error:
        print(
            f"slack: cannot reach {settings.slack_api_url} ({type(error).__name__}): check the network or "
            "ECHOBOT_SLACK_API_URL"
        )
        return 1
    if settings.slack_app_token is not None:
        app_client = AsyncWebClient(token=settings.slack_app_token.get_secret_value(), base_url=settings.slack_api_url)
        try:
            await app_client.apps_connections_open(app_token=settings.slack_app_token.get_secret_value())
            print("slack: ok (Socket Mode app token accepted)")
        except SlackApiError as error:
            print(
                f"slack: SLACK_APP_TOKEN was refused ({slack_error_code(error)}): create an app-level "
                "token with the connections:write scope"
            )
            return 1
    return 0


async def upgrade_command(args: argparse.Namespace) -> int:
    settings = load_database_settings()
    configure_logging("WARNING", [])
    db = await Database.open(settings.database, migrate=False)
    try:
        applied = await db.migrate()
        version = await db.schema_version()
    finally:
        await db.close()
    name = display(settings.database)
    if applied:
        print(f"{name}: applied {', '.join(applied)}; now at schema version {version}")
    else:
        print(f"{name}: already up to date (schema version {version})")
    return 0


async def purge_command(args: argparse.Namespace) -> int:
    """echobot hub purge TEAM_ID: the hub's programs, people, cases, records, queue and installation, gone for
    good (audited); prints how many rows of each kind went."""
    from echobot.clock import SystemClock
    from echobot.services.hubs import HubDefaults, Hubs

    settings = load_database_settings()
    configure_logging("WARNING", [])
    db = await Database.open(settings.database)
    try:
        hubs = Hubs(db, SystemClock(), HubDefaults("", "", ""), many=True)
        counts = await hubs.purge(args.hub.strip(), actor=f"cli:{getpass.getuser()}")
    finally:
        await db.close()
    if counts is None:
        print(f"echobot: no hub {args.hub!r} in {display(settings.database)}", file=sys.stderr)
        return 1
    total = sum(counts.values())
    print(f"hub {args.hub} purged: {total} row(s) removed")
    for table, count in sorted(counts.items()):
        print(f"  {table}: {count}")
    return 0


async def adopt_command(args: argparse.Namespace) -> int:
    """echobot hub adopt TEAM_ID: the records made in single-token mode (hub `default`) become the hub TEAM_ID's,
    in one transaction (audited); prints how many rows of each kind moved. Stop echobot first."""
    from echobot.clock import SystemClock
    from echobot.services.hubs import HubDefaults, adopt

    target = args.hub.strip()
    if not re.fullmatch(r"[TE][A-Z0-9_]+", target):
        print(f"echobot: {target!r} is not a workspace id (T…) or Grid organization id (E…)", file=sys.stderr)
        return 2
    settings = load_database_settings()
    configure_logging("WARNING", [])
    defaults: HubDefaults | None = None  # without a usable environment: the settings stored in the database
    admins: tuple[str, ...] = ()
    with suppress(SettingsError):
        env = load_settings()  # the single-token environment it ran with: its hub settings and ECHOBOT_ADMINS
        defaults = HubDefaults(env.hub_name, env.timezone, env.accreditation_statement, env.digest_day,
                               env.digest_time, env.digest_channel or "")  # fmt: skip
        admins = env.admins
    db = await Database.open(settings.database)
    try:
        done = await adopt(db, SystemClock(), target, f"cli:{getpass.getuser()}", defaults, admins)
    finally:
        await db.close()
    if done.refused:
        held = ", ".join(f"{table}: {count}" for table, count in sorted(done.refused.items()))
        print(f"echobot: hub {target} already has records of its own ({held}); nothing was moved. Adopting would "
              "mix two hubs: back up, then `echobot hub purge` the one you do not keep.", file=sys.stderr)
        return 1
    if done.nothing:
        print(f"nothing to adopt: the single-token hub holds no records in {display(settings.database)}")
        return 0
    print(f"hub {target} adopted the single-token hub: {sum(done.moved.values())} row(s) moved")
    for table, count in sorted(done.moved.items()):
        print(f"  {table}: {count}")
    return 0


async def backup_command(args: argparse.Namespace) -> int:
    settings = load_database_settings()
    return await asyncio.to_thread(_backup, settings.database, Path(args.path), args.force)


def _backup(setting: str, target: Path, force: bool) -> int:
    if target.exists() and not force:
        print(f"echobot: {target} exists; choose another path or add --force", file=sys.stderr)
        return 1
    url = database_url(setting)
    if url.get_backend_name() == "postgresql":
        pg_backup(setting, str(target))
        print(f"backup written to {target} ({target.stat().st_size} bytes, pg_dump custom format)")
        return 0
    source = Path(url.database or "")
    if not source.exists():
        print(f"echobot: there is no database at {source}", file=sys.stderr)
        return 1
    try:
        backup_file(str(source), str(target))
    except sqlite3.Error as error:
        print(f"echobot: cannot write the backup to {target}: {error}", file=sys.stderr)
        return 1
    result = file_integrity(str(target))
    print(f"backup written to {target} ({target.stat().st_size} bytes, integrity {result})")
    return 0 if result == "ok" else 1


async def restore_command(args: argparse.Namespace) -> int:
    """Replace the database with a backup. echobot must be stopped; the schema is then brought up to date."""
    settings = load_database_settings()
    configure_logging("WARNING", [])
    if database_url(settings.database).get_backend_name() == "postgresql":
        await asyncio.to_thread(pg_restore, args.path, settings.database)
    else:
        await asyncio.to_thread(restore_file, args.path, database_url(settings.database).database or "")
    db = await Database.open(settings.database)
    try:
        version = await db.schema_version()
    finally:
        await db.close()
    print(f"restored {args.path} into {display(settings.database)} (schema version {version})")
    return 0


async def copy_command(args: argparse.Namespace) -> int:
    """Copy every row into a new, empty database and compare the counts table by table."""
    settings = load_database_settings()
    configure_logging("WARNING", [])
    source = await Database.open(settings.database)
    try:
        target = await Database.open(args.target)
        try:
            counts = await copy_database(source, target)
        finally:
            await target.close()
    finally:
        await source.close()
    width = max(len(name) for name in counts)
    for name, (before, after) in counts.items():
        print(f"{name:<{width}}  {before:>8}  {after:>8}  {'ok' if before == after else 'DIFFERENT'}")
    total = sum(before for before, _ in counts.values())
    print(f"copied {total} rows from {display(settings.database)} to {display(args.target)}; every count matches")
    return 0
