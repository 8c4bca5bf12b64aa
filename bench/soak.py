"""Crash and restart soak: echobot killed with SIGKILL at random moments under a mixed load.

    python -m bench.soak [--rounds 50] [--seed 7] [--users 24] [--workers 6]

The fake Slack runs in its own process; `echobot run --http` runs as a subprocess on one database
file. Each round starts echobot, sends signed requests for a random while (registrations, program
joins, case submissions, the hub's Claim clicks, check-ins, the coordinator's End session click and
evaluations) and kills it with SIGKILL (seeded timing). Two programs are seeded before the first
start: one whose session is running (check-in, end, evaluations) and one whose reminders fall due
during the soak. A request whose connection died is sent again after the restart, the way a person
tries again; some acknowledged ones are sent twice, the way Slack sometimes delivers.

After the last round echobot runs once more until its due messages are out, is stopped with SIGTERM,
and the soak checks: every request acknowledged with 200 (and no error) is stored exactly once; every
outbox post is in the fake Slack's record once, or is still pending; PRAGMA integrity_check is ok.
Exit status 1 when anything is lost or doubled.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import re
import signal
import sqlite3
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import aiohttp

from bench.common import ROOT, FakeSlackProcess, free_port, machine, wait_ready
from echobot.clock import FrozenClock
from echobot.container import Services
from echobot.ids import Action, Callback, CaseField, EvaluationField
from echobot.ids import RegistrationField as F
from echobot.models import Program, ScheduleKind
from echobot.storage import Database
from echobot.storage import programs as programs_repo
from echobot.storage.codec import to_db
from tests import scenarios
from tests.fake_slack import BOT_TOKEN
from tests.harness import ADMIN, SIGNING_SECRET, make_settings
from tests.slack_driver import Reply, SlackDriver

C, E = CaseField, EvaluationField
LIVE_NAME, REMIND_NAME = "Soak Live ECHO", "Soak Reminder ECHO"
LIVE_CHANNEL, REMIND_CHANNEL, HUB = "C0SOAKLIVE", "C0SOAKREMIND", "G0SOAKHUB"
SPECIALIST = "USPEC00001"
PROVIDER = {**scenarios.PROVIDER, F.NAME: "Soak Provider", F.EMAIL: "soak@valley.example.org"}
CASE = scenarios.CASE
EVALUATION = {E.OVERALL: "5", E.RELEVANCE: "4", E.OBJECTIVES: "yes", E.INTENT: "yes",
              E.CHANGE_PLAN: "Start DAAs in primary care.", E.BIAS_FREE: "yes", E.SUGGESTIONS: "More on HBV.",
              E.CREDIT: "1", E.ATTEST: ["yes"]}  # fmt: skip
REQUEST_TIMEOUT = aiohttp.ClientTimeout(total=8)
EARLY_KILLS = 0.15  # share of rounds killed while starting up, before any request
SLACK_LATENCY = 0.08  # seconds the fake Slack takes to answer: sends stay in flight long enough to be killed


class FakeLink:
    """What SlackDriver needs of the fake Slack when that runs in another process: response URLs."""

    def __init__(self, root: str) -> None:
        self.root = root
        self._n = 0

    def response_url(self) -> str:
        self._n += 1
        return f"{self.root}/respond/soak{self._n}"


@dataclass
class Request:
    """One request that stores something, with what it should have stored (`kind`, `subject`)."""

    kind: str  # register, join, case, claim, check_in, end, evaluate
    subject: tuple[Any, ...]
    send: Callable[[], Awaitable[Reply]]
    accepted: Callable[[Reply], bool]
    acked: int = 0  # answers 200 without an error
    refused: int = 0  # answered, with an error (a form error, "already claimed"...)
    dropped: int = 0  # no answer: the process died under it
    last_refusal: str = ""


@dataclass
class User:
    user_id: str
    step: str = "register"
    pending: Request | None = None  # sent, no answer yet: sent again next time
    busy: bool = False


@dataclass
class Figures:
    rounds: int = 0
    requests: int = 0
    connection_lost: int = 0
    early_kills: int = 0
    echobot_seconds: list[float] = field(default_factory=list)


class Soak:
    def __init__(self, workdir: Path, *, rounds: int, seed: int, users: int, workers: int, settle: float) -> None:
        self.workdir = workdir
        self.settle = settle
        self.db_path = workdir / "soak.db"
        self.rounds = rounds
        self.random = random.Random(seed)
        self.users = [User(f"U0SOAK{n:04d}") for n in range(users)]
        self.active_users = users
        self.initial_users = users
        self.workers = workers
        self.requests: list[Request] = []
        self.figures = Figures()
        self.live_session = 0
        self.programs: dict[str, int] = {}
        self.ended = False
        self.claimed: set[int] = set()
        self.claiming: set[int] = set()
        self.fake: FakeSlackProcess | None = None
        self.driver: SlackDriver | None = None
        self.process: asyncio.subprocess.Process | None = None
        self.logs: list[Path] = []
        self.http: aiohttp.ClientSession | None = None

    # ---- set-up ------------------------------------------------------------------------------
    async def seed_programs(self) -> None:
        """Before the first start: a program whose session is running now, and one whose reminders fall
        due during the soak (planned a little in the past, the way they would have been)."""
        now = datetime.now(UTC).replace(microsecond=0)
        db = await Database.open(str(self.db_path))
        planned_at = now - timedelta(minutes=30)
        services = Services.build(make_settings(self.db_path, "http://127.0.0.1:9/api/"), FrozenClock(planned_at), db)
        live_start = now - timedelta(minutes=3)
        remind_start = now + timedelta(minutes=4, seconds=8)  # reminders 4m..1m before: +8 s, +68 s, ...
        for name, channel, start, offsets in (
            (LIVE_NAME, LIVE_CHANNEL, live_start, [60]),
            (REMIND_NAME, REMIND_CHANNEL, remind_start, [4, 3, 2, 1]),
        ):
            async with db.transaction() as tx:
                program = await programs_repo.create(tx, Program(
                    id=0, name=name, channel_id=channel, review_channel_id=HUB, timezone="UTC",
                    schedule_kind=ScheduleKind.ONCE, first_date=start.date(), start_time=start.time(),
                    duration_minutes=60, video_url="https://zoom.example.org/j/1", reminder_offsets=offsets,
                    specialists=[SPECIALIST], coordinators=[ADMIN], created_by=ADMIN, created_at=planned_at,
                    updated_at=planned_at))  # fmt: skip
                await services.sessions.plan(tx, program, planned_at)
                self.programs[name] = program.id
        self.live_session = int(await db.reader.scalar("SELECT min(id) FROM sessions"))
        await db.close()

    def environment(self, port: int) -> dict[str, str]:
        assert self.fake is not None
        return {
            "PATH": os.environ.get("PATH", ""),
            "PYTHONPATH": str(ROOT),
            "SLACK_BOT_TOKEN": BOT_TOKEN,
            "SLACK_SIGNING_SECRET": SIGNING_SECRET,
            "ECHOBOT_DATABASE": str(self.db_path),
            "ECHOBOT_SLACK_API_URL": self.fake.api_url,
            "ECHOBOT_ADMINS": ADMIN,
            "ECHOBOT_TIMEZONE": "UTC",
            "ECHOBOT_LOG_LEVEL": "INFO",
        }

    async def start_echobot(self, n: int, *, wait: bool = True) -> float:
        """Start `echobot run --http` on a fresh port; seconds until it answers its health check (with
        `wait`)."""
        port = free_port()
        log_path = self.workdir / f"echobot-{n:03d}.log"
        self.logs.append(log_path)
        with log_path.open("wb") as log_file:
            self.process = await asyncio.create_subprocess_exec(
                sys.executable, "-m", "echobot", "run", "--http", "--host", "127.0.0.1", "--port", str(port),
                env=self.environment(port), cwd=self.workdir, stdout=log_file, stderr=log_file,
            )  # fmt: skip
        url = f"http://127.0.0.1:{port}"
        started = await wait_ready(f"{url}/healthz", timeout=60) if wait else 0.0
        assert self.fake is not None
        self.driver = SlackDriver(f"{url}/slack/events", SIGNING_SECRET, FakeLink(self.fake.api_url[: -len("/api/")]))  # type: ignore[arg-type]
        return started

    async def kill_echobot(self) -> None:
        if self.process is not None and self.process.returncode is None:
            self.process.send_signal(signal.SIGKILL)
            await self.process.wait()

    # ---- what people do ----------------------------------------------------------------------
    async def send(self, request: Request) -> bool:
        """Send (or send again) one storing request; True when it was acknowledged without an error."""
        self.figures.requests += 1
        try:
            reply = await request.send()
        except (aiohttp.ClientError, TimeoutError, ConnectionError):
            request.dropped += 1
            self.figures.connection_lost += 1
            return False
        if reply.status == 200 and request.accepted(reply):
            request.acked += 1
            return True
        request.refused += 1
        request.last_refusal = reply.text[:120]
        return False

    def track(self, request: Request) -> Request:
        self.requests.append(request)
        return request

    async def modal(self, user: str, command: str = "", click: tuple[str, str, str] | None = None) -> dict | None:
        """Open a modal with a command or a click; the view Slack showed, or None (echobot died first)."""
        assert self.driver is not None and self.fake is not None
        trigger = self.driver.trigger()
        try:
            if click is None:
                await self.driver.command(user, command, trigger_id=trigger)
            else:
                action, value, channel = click
                await self.click(user, action, value, channel, trigger)
        except (aiohttp.ClientError, TimeoutError, ConnectionError):
            return None
        deadline = time.monotonic() + 3
        while time.monotonic() < deadline:
            for opened in await self.fake_get("/_views"):
                if opened["trigger_id"] == trigger:
                    return dict(opened["view"])
            await asyncio.sleep(0.1)
        return None

    async def click(self, user: str, action: str, value: str, channel: str, trigger: str | None = None) -> Reply:
        assert self.driver is not None
        payload = {
            "type": "block_actions", "team": {"id": "T0ECHO", "domain": "echo-hub"},
            "user": {"id": user, "team_id": "T0ECHO"}, "api_app_id": "A0ECHO", "token": "legacy",
            "trigger_id": trigger or self.driver.trigger(),
            "actions": [{"type": "button", "action_id": action, "block_id": "b", "value": value,
                         "action_ts": str(time.time())}],
            "container": {"type": "message", "message_ts": "1700000000.000001", "channel_id": channel},
            "channel": {"id": channel}, "message": {"ts": "1700000000.000001", "text": "", "blocks": []},
            "response_url": self.driver.fake.response_url(),
        }  # fmt: skip
        return await self.driver.interactive(payload)

    def submission(self, kind: str, subject: tuple[Any, ...], user: str, view: dict, values: dict) -> Request:
        """A modal submitted: the same payload (same view id) each time it is sent."""

        async def send() -> Reply:
            assert self.driver is not None
            return await self.driver.submit(user, view, values)

        return self.track(Request(kind, subject, send, lambda reply: reply.text == ""))

    async def act(self, user: User) -> None:
        """The next thing this person does."""
        if user.pending is not None:  # the last try got no answer: try the same again
            retried = user.pending
            # acknowledged, or answered with an error (it may have been stored the first time): move on
            if await self.send(retried) or retried.refused:
                user.pending = None
                self.advance(user, retried)
            return
        request = await self.next_request(user)
        if request is None:
            return
        if await self.send(request):
            self.advance(user, request)
            if self.random.random() < 0.1:  # Slack delivers it twice
                await self.send(request)
        elif request.dropped and not request.refused:
            user.pending = request

    def advance(self, user: User, request: Request) -> None:
        order = ["register", "join_live", "join_remind", "check_in", "case", "evaluate", "done"]
        if request.kind in ("register", "join", "check_in", "case", "evaluate"):
            user.step = order[order.index(user.step) + 1]

    async def next_request(self, user: User) -> Request | None:
        uid = user.user_id
        if user.step == "register":
            view = await self.modal(uid, "register")
            if view is None or view.get("callback_id") != Callback.REGISTER_VIEW:
                return None
            return self.submission("register", (uid,), uid, view, {**PROVIDER, F.NAME: f"Provider {uid[-4:]}"})
        if user.step in ("join_live", "join_remind"):
            name = LIVE_NAME if user.step == "join_live" else REMIND_NAME

            async def join() -> Reply:
                assert self.driver is not None
                return await self.driver.command(uid, f"join {name}")

            return self.track(Request("join", (uid, name), join, lambda reply: "You joined" in reply.text))
        if user.step == "check_in":
            session = self.live_session

            async def check_in() -> Reply:
                return await self.click(uid, Action.CHECK_IN, str(session), LIVE_CHANNEL)

            return self.track(Request("check_in", (session, uid), check_in, lambda reply: True))
        if user.step == "case":
            view = await self.modal(uid, "case")
            if view is None or view.get("callback_id") != Callback.CASE_VIEW:
                return None
            values = {**CASE, C.PROGRAM: str(self.programs[self.random.choice([LIVE_NAME, REMIND_NAME])])}
            return self.submission("case", (str(view.get("id")), uid), uid, view, values)
        if user.step == "evaluate" and self.ended:
            view = await self.modal(uid, click=(Action.EVALUATE, str(self.live_session), "D" + uid[1:]))
            if view is None or view.get("callback_id") != Callback.EVALUATION_VIEW:
                return None
            return self.submission("evaluate", (self.live_session, uid), uid, view, EVALUATION)
        return None

    async def hub(self) -> None:
        """The specialist claims a case seen in the hub review channel."""
        case_ids = await self.hub_cases()
        waiting = [c for c in case_ids if c not in self.claimed and c not in self.claiming]
        if not waiting:
            return
        case_id = self.random.choice(waiting)
        self.claiming.add(case_id)

        async def claim() -> Reply:
            return await self.click(SPECIALIST, Action.CASE_CLAIM, str(case_id), HUB)

        request = self.track(Request("claim", (case_id,), claim, lambda reply: True))
        try:
            for _ in range(3):
                if await self.send(request):
                    self.claimed.add(case_id)
                    return
                await asyncio.sleep(0.5)
        finally:
            self.claiming.discard(case_id)

    async def hub_cases(self) -> list[int]:
        """Case numbers on the Claim buttons of the hub channel's messages (read from the fake Slack)."""
        assert self.http is not None and self.fake is not None
        async with self.http.post(f"{self.fake.api_url}conversations.history", data={"channel": HUB, "limit": "999"},
                                  headers={"Authorization": f"Bearer {BOT_TOKEN}"}) as response:  # fmt: skip
            page = await response.json()
        found = set()
        for message in page.get("messages", []):
            for value in re.findall(r'"action_id": "case_claim", [^}]*?"value": "(\d+)', json.dumps(message)):
                found.add(int(value))
        return sorted(found)

    async def coordinator(self) -> None:
        """The coordinator ends the running session once most people have checked in."""
        checked_in = sum(1 for u in self.users if u.step in ("case", "evaluate", "done"))
        if self.ended or checked_in < self.initial_users * 0.6:
            return

        async def end() -> Reply:
            assert self.driver is not None
            return await self.driver.click(ADMIN, Action.SESSION_TOOLS, selected=f"end:{self.live_session}",
                                           channel=LIVE_CHANNEL)  # fmt: skip

        request = next((r for r in self.requests if r.kind == "end"), None) or self.track(
            Request("end", (self.live_session,), end, lambda reply: True)
        )
        if await self.send(request):
            self.ended = True

    def replenish(self) -> None:
        """New people keep arriving, so every round has registrations, cases and the rest to do."""
        active = sum(1 for u in self.users if u.step != "done")
        for _ in range(self.active_users - active):
            self.users.append(User(f"U0SOAK{len(self.users):04d}"))

    async def worker(self, stop: asyncio.Event, number: int) -> None:
        while not stop.is_set():
            choice = self.random.random()
            if number == 0 and choice < 0.3:
                await self.hub()
            elif number == 0 and choice < 0.4:
                await self.coordinator()
            else:
                self.replenish()
                idle = [u for u in self.users if not u.busy and (u.step != "done")]
                if not idle:
                    await asyncio.sleep(0.05)
                    continue
                user = self.random.choice(idle)
                user.busy = True
                try:
                    await self.act(user)
                finally:
                    user.busy = False
            await asyncio.sleep(self.random.uniform(0, 0.05))

    # ---- the run -----------------------------------------------------------------------------
    async def run(self) -> bool:
        await self.seed_programs()
        started = time.monotonic()
        async with FakeSlackProcess() as fake, aiohttp.ClientSession(timeout=REQUEST_TIMEOUT) as http:
            self.fake, self.http = fake, http
            await self.fake_post("/_setup", {"delay": SLACK_LATENCY,
                "users": [{"id": u.user_id, "name": f"Provider {u.user_id[-4:]}"} for u in self.users],
                "channels": [{"id": LIVE_CHANNEL, "name": "soak-live"}, {"id": REMIND_CHANNEL, "name": "soak-remind"},
                             {"id": HUB, "name": "soak-hub", "private": True}]})  # fmt: skip
            try:
                await self.rounds_of_kills()
                await self.finish()
            finally:
                await self.kill_echobot()  # whatever happened, no echobot is left running
            calls = await self.fake_get("/_calls")
        elapsed = time.monotonic() - started
        return self.report(calls, elapsed)

    async def rounds_of_kills(self) -> None:
        for n in range(self.rounds):
            if self.random.random() < EARLY_KILLS:  # killed while starting: recovering, looking in history
                await self.start_echobot(n, wait=False)
                await asyncio.sleep(self.random.uniform(0.2, 1.5))
                await self.kill_echobot()
                self.figures.early_kills += 1
                self.figures.rounds += 1
                continue
            await self.start_echobot(n)
            alive = self.random.uniform(0.3, 2.5)
            stop = asyncio.Event()
            workers = [asyncio.create_task(self.worker(stop, w)) for w in range(self.workers)]
            await asyncio.sleep(alive)
            stop.set()  # no new requests; those in flight stay in flight
            await self.kill_echobot()  # SIGKILL while requests and sends are in flight
            await asyncio.gather(*workers)
            assert self.driver is not None
            await self.driver.close()
            self.figures.rounds += 1

    async def finish(self) -> None:
        """A last start without a kill: due messages go out; then a clean stop (SIGTERM)."""
        await self.start_echobot(self.rounds)
        deadline = time.monotonic() + self.settle
        while time.monotonic() < deadline and self.due_rows() > 0:
            await asyncio.sleep(0.25)
        assert self.process is not None and self.driver is not None
        self.process.send_signal(signal.SIGTERM)
        await asyncio.wait_for(self.process.wait(), 30)
        await self.driver.close()

    def due_rows(self) -> int:
        """Outbox rows due now and not sent yet (read-only)."""
        conn = sqlite3.connect(f"file:{self.db_path}?mode=ro", uri=True)
        try:
            now = to_db(datetime.now(UTC))
            return int(conn.execute(
                "SELECT count(*) FROM outbox WHERE state IN ('pending', 'sending') AND kind != 'job'"
                " AND due_at <= ? AND (not_before IS NULL OR not_before <= ?)", (now, now)).fetchone()[0])  # fmt: skip
        finally:
            conn.close()

    async def fake_get(self, path: str) -> Any:
        assert self.http is not None and self.fake is not None
        async with self.http.get(self.fake.api_url[: -len("/api/")] + path) as response:
            return await response.json()

    async def fake_post(self, path: str, body: dict[str, Any]) -> None:
        assert self.http is not None and self.fake is not None
        async with self.http.post(self.fake.api_url[: -len("/api/")] + path, json=body) as response:
            response.raise_for_status()

    # ---- the checks --------------------------------------------------------------------------
    def stored(self, conn: sqlite3.Connection, request: Request) -> int:
        """How many times what `request` asked for is stored."""
        one = conn.execute
        if request.kind == "register":
            return int(one("SELECT count(*) FROM providers WHERE user_id = ?", request.subject).fetchone()[0])
        if request.kind == "join":
            user, name = request.subject
            return int(one("SELECT count(*) FROM program_members m JOIN programs p ON p.id = m.program_id"
                           " WHERE m.user_id = ? AND p.name = ?", (user, name)).fetchone()[0])  # fmt: skip
        if request.kind == "case":
            return int(one("SELECT count(*) FROM cases WHERE submission_key = ?", request.subject[:1]).fetchone()[0])
        if request.kind == "claim":
            return int(one("SELECT count(*) FROM case_events WHERE case_id = ? AND action = 'claim'",
                           request.subject).fetchone()[0])  # fmt: skip
        if request.kind == "check_in":
            return int(one("SELECT count(*) FROM attendance WHERE session_id = ? AND user_id = ? AND present = 1",
                           request.subject).fetchone()[0])  # fmt: skip
        if request.kind == "end":
            return int(one("SELECT count(*) FROM sessions WHERE id = ? AND status = 'ended'", request.subject)
                       .fetchone()[0])  # fmt: skip
        evaluations = one("SELECT count(*) FROM evaluations WHERE session_id = ? AND user_id = ?", request.subject)
        credits = one("SELECT count(*) FROM credits WHERE session_id = ? AND user_id = ?", request.subject)
        return max(int(evaluations.fetchone()[0]), int(credits.fetchone()[0]))

    def report(self, calls: list[dict[str, Any]], elapsed: float) -> bool:
        conn = sqlite3.connect(self.db_path)
        try:
            integrity = str(conn.execute("PRAGMA integrity_check").fetchone()[0])
            acked = [r for r in self.requests if r.acked]
            lost = [r for r in acked if self.stored(conn, r) == 0]
            doubled = [r for r in self.requests if self.stored(conn, r) > 1]
            rows = conn.execute("SELECT key, kind, state FROM outbox").fetchall()
            stored_by_kind = Counter(r.kind for r in acked)
            live_session_status = conn.execute("SELECT status FROM sessions WHERE id = ?",
                                               (self.live_session,)).fetchone()[0]  # fmt: skip
        finally:
            conn.close()
        posts = Counter(c["key"] for c in calls if c["method"] == "chat.postMessage" and c["ok"] and c["key"])
        states = Counter(state for _, _, state in rows)
        post_rows = {key: state for key, kind, state in rows if kind == "post"}
        twice = {key: n for key, n in posts.items() if n > 1}
        sent_not_in_slack = [k for k, s in post_rows.items() if s == "sent" and posts[k] == 0]
        in_slack_not_sent = [k for k, s in post_rows.items() if s != "sent" and posts[k] > 0]
        unknown = [k for k in posts if k not in post_rows]
        log_text = "\n".join(p.read_text(errors="replace") for p in self.logs if p.exists())
        prevented = log_text.count("recorded as sent, not sent again")
        recovered = len(re.findall(r"was in flight at the last stop", log_text))
        errors = [line for line in log_text.splitlines() if " ERROR " in line or "Traceback" in line]
        case_texts = [value for value in CASE.values() if isinstance(value, str) and len(value) > 20]
        phi_lines = [line for line in log_text.splitlines() if any(text[:20] in line for text in case_texts)]
        shapes = Counter(re.sub(r"U0SOAK\d+|V\d+|\d+", "#", key) for key in posts)
        print(f"machine: {machine()}")
        print(f"rounds run: {self.figures.rounds} (SIGKILL at a random moment each; {self.figures.early_kills} "
              f"of them while starting up), then a clean stop; {elapsed:.0f} s in all")  # fmt: skip
        print(f"requests sent: {self.figures.requests}, of which {self.figures.connection_lost} got no answer "
              f"(echobot killed before or while answering; sent again after the restart)")  # fmt: skip
        print(f"storing requests acked (200, no error): {len(acked)} {dict(stored_by_kind)}; refused: "
              f"{sum(1 for r in self.requests if r.refused and not r.acked)}")  # fmt: skip
        refusals = Counter(f"{r.kind}: {r.last_refusal[:60]}" for r in self.requests if r.refused and not r.acked)
        for reason, count in refusals.most_common(5):
            print(f"  refused {count}x {reason}")
        print(f"lost (acked, not stored): {len(lost)}; doubled (stored twice): {len(doubled)}")
        for request in (lost + doubled)[:10]:
            print(f"  {request.kind} {request.subject}: acked {request.acked}, dropped {request.dropped}")
        print(f"live session: {live_session_status}; Slack posts with an outbox key: {sum(posts.values())} "
              f"({len(posts)} keys)")  # fmt: skip
        print("  by key: " + ", ".join(f"{shape} {n}" for shape, n in sorted(shapes.items())))
        print(f"outbox rows by state: {dict(states)}")
        print(f"rows a crash left in flight, recovered at start: {recovered}; resends prevented by the history "
              f"lookup: {prevented}")  # fmt: skip
        print(f"messages sent twice: {len(twice)}; recorded sent but not in Slack: {len(sent_not_in_slack)}; "
              f"in Slack but not recorded sent: {len(in_slack_not_sent)}; "
              f"posts with unknown keys: {len(unknown)}")  # fmt: skip
        for key in list(twice)[:10]:
            why = [line for line in log_text.splitlines() if key in line]
            print(f"  {key} sent {twice[key]} times: {why[-1][:200] if why else 'no log line names it'}")
        for key in in_slack_not_sent[:10]:
            print(f"  {key} in Slack, row {post_rows[key]}")
        print(f"ERROR lines in echobot's logs: {len(errors)}")
        for line in errors[:5]:
            print(f"  {line[:200]}")
        print(f"log lines quoting case text: {len(phi_lines)}")
        print(f"PRAGMA integrity_check: {integrity}")
        ok = not lost and not doubled and not twice and not sent_not_in_slack and integrity == "ok" and not phi_lines
        print(f"result: {'PASS' if ok else 'FAIL'} (goal: 0 lost, 0 doubled, no message sent twice)")
        self.result = {"rounds": self.figures.rounds, "acked": len(acked), "lost": len(lost), "doubled": len(doubled),
                       "twice": len(twice), "prevented": prevented, "integrity": integrity, "phi_lines": len(phi_lines),
                       "in_slack_not_sent": len(in_slack_not_sent)}  # fmt: skip
        return ok


async def soak(
    rounds: int, *, seed: int = 7, users: int = 24, workers: int = 6, settle: float = 20, keep: Path | None = None
) -> dict[str, Any]:
    """Run the soak in a temporary folder (or in `keep`, left for reading); its figures (also printed)."""
    with tempfile.TemporaryDirectory(prefix="echobot-soak-") as folder:
        workdir = keep or Path(folder)
        workdir.mkdir(parents=True, exist_ok=True)
        runner = Soak(workdir, rounds=rounds, seed=seed, users=users, workers=workers, settle=settle)
        await asyncio.wait_for(runner.run(), timeout=120 + 20 * rounds + settle)  # it stops by itself
        return runner.result


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rounds", type=int, default=50)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--users", type=int, default=24)
    parser.add_argument("--workers", type=int, default=6)
    parser.add_argument("--settle", type=float, default=20, help="seconds the last run may take to send what is due")
    parser.add_argument("--keep", type=Path, help="work in this folder and keep it (database, echobot's logs)")
    options = parser.parse_args()
    figures = asyncio.run(soak(options.rounds, seed=options.seed, users=options.users, workers=options.workers,
                               settle=options.settle, keep=options.keep))  # fmt: skip
    ok = not (figures["lost"] or figures["doubled"] or figures["twice"] or figures["phi_lines"])
    ok = ok and figures["integrity"] == "ok"
    sys.exit(0 if ok else 1)
