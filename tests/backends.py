"""The databases the suite runs on: a SQLite file, or a fresh PostgreSQL database per test.

PostgreSQL comes from ECHOBOT_TEST_DATABASE_URL when it is set (a server where the tests may create and
drop databases), or else from a throwaway cluster started once per test session with initdb and pg_ctl in a
temporary folder, on a free loopback port, as pytest-postgresql does. Each test's database is a copy of a
migrated template (CREATE DATABASE ... TEMPLATE), so a test starts on the current schema in milliseconds.
"""

from __future__ import annotations

import asyncio
import glob
import itertools
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import threading
from collections.abc import Coroutine
from pathlib import Path
from typing import Any

from sqlalchemy import URL, make_url

from echobot.storage import Database

TEMPLATE = f"echobot_template_{os.getpid()}"


def _run_async(work: Coroutine[Any, Any, Any]) -> Any:
    """Run a coroutine to completion on its own loop in its own thread (callable from sync and async code)."""
    result: list[Any] = []
    errors: list[BaseException] = []

    def target() -> None:
        try:
            result.append(asyncio.run(work))
        except BaseException as error:
            errors.append(error)

    thread = threading.Thread(target=target)
    thread.start()
    thread.join()
    if errors:
        raise errors[0]
    return result[0]


def postgres_binaries() -> str | None:
    """The folder of Debian's PostgreSQL server binaries (the newest), or None."""
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), key=lambda p: int(p.split("/")[4]))
    return os.path.dirname(found[-1]) if found else None


def postgres_unavailable() -> str | None:
    """Why the PostgreSQL half of the suite cannot run here, or None when it can."""
    if os.environ.get("ECHOBOT_TEST_DATABASE_URL") or postgres_binaries():
        return None
    return "no PostgreSQL: set ECHOBOT_TEST_DATABASE_URL or install the server (Debian: apt-get install postgresql)"


class Cluster:
    """A throwaway PostgreSQL cluster (trust authentication, loopback only, no fsync: test data only)."""

    def __init__(self) -> None:
        binaries = postgres_binaries()
        assert binaries is not None
        self.bin = binaries
        self.folder = tempfile.mkdtemp(prefix="echobot-pg-")
        self.data = os.path.join(self.folder, "data")
        with socket.socket() as sock:
            sock.bind(("127.0.0.1", 0))
            self.port = sock.getsockname()[1]
        # initdb refuses to run as root: the server runs as the postgres account (CI runs as root)
        self.user = "postgres" if os.geteuid() == 0 else None
        if self.user is not None:
            entry = pwd.getpwnam(self.user)
            os.chown(self.folder, entry.pw_uid, entry.pw_gid)
        self._pg("initdb", "-D", self.data, "--auth=trust", "-U", "postgres", "--locale=C", "-E", "UTF8")
        options = (
            f"-c listen_addresses=127.0.0.1 -p {self.port} -c unix_socket_directories={self.folder}"
            " -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300"
        )
        self._pg("pg_ctl", "-D", self.data, "-o", options, "-l", os.path.join(self.folder, "log"), "-w", "start")

    def _pg(self, tool: str, *args: str) -> None:
        command = [os.path.join(self.bin, tool), *args]
        if self.user is not None:
            command = ["runuser", "-u", self.user, "--", *command]
        subprocess.run(command, check=True, capture_output=True, timeout=120)

    @property
    def url(self) -> URL:
        return URL.create("postgresql", username="postgres", host="127.0.0.1", port=self.port, database="postgres")

    def stop(self) -> None:
        try:
            self._pg("pg_ctl", "-D", self.data, "-m", "immediate", "stop")
        finally:
            shutil.rmtree(self.folder, ignore_errors=True)


class Postgres:
    """Fresh databases, copies of a migrated template, on one server."""

    def __init__(self) -> None:
        given = os.environ.get("ECHOBOT_TEST_DATABASE_URL")
        self.cluster = None if given else Cluster()
        self.server = make_url(given) if given else self.cluster.url  # type: ignore[union-attr]
        self.created: list[str] = []
        self._admin(f'CREATE DATABASE "{TEMPLATE}"')
        _run_async(self._migrate(self.url(TEMPLATE)))

    def url(self, name: str) -> str:
        return self.server.set(database=name).render_as_string(hide_password=False)

    @staticmethod
    async def _migrate(url: str) -> None:
        db = await Database.open(url)
        await db.close()

    def _admin(self, *statements: str) -> None:
        import asyncpg

        async def run() -> None:
            server = self.server.set(drivername="postgresql")
            conn = await asyncpg.connect(server.render_as_string(hide_password=False))
            try:
                for statement in statements:
                    await conn.execute(statement)
            finally:
                await conn.close()

        _run_async(run())

    def fresh(self, name: str) -> str:
        """A new database on the current schema."""
        self._admin(f'CREATE DATABASE "{name}" TEMPLATE "{TEMPLATE}"')
        self.created.append(name)
        return self.url(name)

    def empty(self, name: str) -> str:
        """A new database with no schema at all."""
        self._admin(f'CREATE DATABASE "{name}"')
        self.created.append(name)
        return self.url(name)

    def drop_created(self) -> None:
        if self.created:
            self._admin(*(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)' for name in self.created))
            self.created.clear()

    def close(self) -> None:
        if self.cluster is not None:
            self.cluster.stop()
        else:
            self.drop_created()
            self._admin(f'DROP DATABASE IF EXISTS "{TEMPLATE}" WITH (FORCE)')


class Backend:
    """What a test's "database file" means on the backend it runs on."""

    def __init__(self, name: str, postgres: Postgres | None = None) -> None:
        self.name = name
        self.postgres = postgres
        self._urls: dict[str, str] = {}
        self._test = next(_TESTS)

    def database(self, path: Path | str) -> str:
        """ECHOBOT_DATABASE for the file a test names: the file itself, or one PostgreSQL database per path
        (so that a bot restarted on the same path finds its data)."""
        if self.postgres is None:
            return str(path)
        key = str(path)
        if key not in self._urls:
            self._urls[key] = self.postgres.fresh(f"t{os.getpid()}_{self._test}_{len(self._urls)}")
        return self._urls[key]

    def empty_database(self, path: Path | str) -> str:
        """ECHOBOT_DATABASE for a database with no schema yet."""
        if self.postgres is None:
            return str(path)
        key = str(path)
        if key not in self._urls:
            self._urls[key] = self.postgres.empty(f"t{os.getpid()}_{self._test}_{len(self._urls)}")
        return self._urls[key]

    def finish(self) -> None:
        if self.postgres is not None:
            self.postgres.drop_created()


_TESTS = itertools.count(1)
SQLITE = Backend("sqlite")
current: Backend = SQLITE


def database(path: Path | str) -> str:
    """ECHOBOT_DATABASE for `path` on the backend of the running test."""
    return current.database(path)
