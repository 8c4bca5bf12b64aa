"""Crash and restart soak: echobot killed with SIGKILL at random moments under a mixed load.

    python -m bench.soak [--rounds 50] [--seed 7] [--users 24] [--workers 6] [--instances N] [--database URL]

The fake Slack runs in its own process; `echobot run --http` runs as a subprocess on one database
(a SQLite file in the work folder, or `--database`: a SQLite path or an empty postgresql:// database).
With `--instances N` (N > 1) N processes share the database, each on its own port; requests go round
robin over the live ones, and a request whose connection died is resent at once to another instance,
as a load balancer would. Each round then SIGKILLs ONE random instance at a random moment, under load,
and restarts it. With one instance each round starts echobot, sends signed requests for a random
while (registrations, program joins, case submissions, the hub's Claim clicks, check-ins, the
coordinator's End session click and evaluations) and kills it with SIGKILL (seeded timing). Programs
are seeded before the first start: one whose session is running (check-in, end, evaluations) and
three whose reminders fall due at the same moments during the soak, each in its own channel.
A request whose connection died is sent again after the restart, the way a person tries again; some
acknowledged ones are sent twice, the way Slack sometimes delivers.

After the last round echobot runs (all instances run) until the due messages are out, is stopped with SIGTERM,
and the soak checks: every request acknowledged with 200 (and no error) is stored exactly once; every
outbox post is in the fake Slack's record once, or is still pending; PRAGMA integrity_check is ok
(SQLite). It prints the smallest gap between two chat.postMessage calls to one channel, which the
per-channel pacing (1 s) bounds, across processes too. Exit status 1 when anything is lost or doubled,
or two posts to one channel came closer than the pacing.
"""

from __future__ import annotations

import argparse
import asyncio
import itertools
import json
import os
import random
import re
import signal
import sys
import tempfile
import time
from collections import Counter, defaultdict
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
# more programs whose reminders fall due at about the same moments, each in its own channel (several lanes at once)
MORE_REMINDERS = [(f"Soak Reminder ECHO {n}", f"C0SOAKREMIND{n}") for n in (2, 3)]
PACING = 1.0  # seconds echobot keeps between two posts to one channel (Dispatcher's default)
SPECIALIST = "USPEC00001"
PROVIDER = {**scenarios.PROVIDER, F.NAME: "Soak Provider", F.EMAIL: "soak@valley.example.org"}
CASE = scenarios.CASE
EVALUATION = {E.OVERALL: "5", E.RELEVANCE: "4", E.OBJECTIVES: "yes", E.INTENT: "yes",
              E.CHANGE_PLAN: "Start DAAs in primary care.", E.BIAS_FREE: "yes", E.SUGGESTIONS: "More on HBV.",
              E.CREDIT: "1", E.ATTEST: ["yes"]}  # fmt: skip
REQUEST_TIMEOUT = aiohttp.ClientTimeout(total=8)
EARLY_KILLS = 0.15  # share of rounds killed while starting up, before any request
SLACK_LATENCY = 0.08  # seconds the fake Slack takes to answer: sends stay in flight long enough to be killed


class Balancer(SlackDriver):
    """A load balancer in front of the live echobot instances: each request goes to the next one in turn.
    One driver for all, so trigger and event ids stay unique whichever instance answers."""

    def __init__(self, link: FakeLink) -> None:
        self.urls: list[str] = []
        self._turn = itertools.count()
        self._last = "http://127.0.0.1:9/slack/events"
        super().__init__(self._last, SIGNING_SECRET, link)  # type: ignore[arg-type]

    @property  # type: ignore[override]
    def app_url(self) -> str:
        if self.urls:
            self._last = self.urls[next(self._turn) % len(self.urls)]
        return self._last  # none live (one instance, killed): its old address, refused as before

    @app_url.setter
    def app_url(self, value: str) -> None:
        self._last = value


@dataclass
class Instance:
    """One `echobot run --http` process."""

    process: asyncio.subprocess.Process
    url: str


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
    resent: int = 0  # sent again at once to another instance after the connection died
    early_kills: int = 0
    echobot_seconds: list[float] = field(default_factory=list)


class Soak:
    def __init__(self, workdir: Path, *, rounds: int, seed: int, users: int, workers: int, settle: float,
                 instances: int = 1, database: str | None = None) -> None:  # fmt: skip
        self.workdir = workdir
        self.settle = settle
        self.db_path = workdir / "soak.db"
        self.database = database or str(self.db_path)
        self.postgres = "://" in self.database
        self.count = instances
        self.instances: dict[int, Instance] = {}  # slot -> its running process
        self.starts = itertools.count()
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
        self.balancer: Balancer | None = None
        self.logs: list[Path] = []
        self.checker: Database | None = None
        self.http: aiohttp.ClientSession | None = None

    # ---- set-up ------------------------------------------------------------------------------
    async def seed_programs(self) -> None:
        """Before the first start: a program whose session is running now, and one whose reminders fall
        due during the soak (planned a little in the past, the way they would have been)."""
        now = datetime.now(UTC).replace(microsecond=0)
        db = await Database.open(self.database)
        planned_at = now - timedelta(minutes=30)
        settings = make_settings(self.db_path, "http://127.0.0.1:9/api/", ECHOBOT_DATABASE=self.database)
        services = Services.build(settings, FrozenClock(planned_at), db)
        live_start = now - timedelta(minutes=3)
        remind_start = now + timedelta(minutes=4, seconds=8)  # reminders 4m..1m before: +8 s, +68 s, ...
        for name, channel, start, offsets in (
            (LIVE_NAME, LIVE_CHANNEL, live_start, [60]),
            (REMIND_NAME, REMIND_CHANNEL, remind_start, [4, 3, 2, 1]),
            *((more, more_channel, remind_start, [4, 3, 2, 1]) for more, more_channel in MORE_REMINDERS),
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
            "ECHOBOT_DATABASE": self.database,
            "ECHOBOT_SLACK_API_URL": self.fake.api_url,
            "ECHOBOT_ADMINS": ADMIN,
            "ECHOBOT_TIMEZONE": "UTC",
            "ECHOBOT_LOG_LEVEL": "INFO",
        }

    @property
    def driver(self) -> SlackDriver:
        """Where requests go: the load balancer in front of the live instances."""
        assert self.balancer is not None
        return self.balancer

    async def start_echobot(self, slot: int, *, wait: bool = True) -> float:
        """Start `echobot run --http` in `slot` on a fresh port; seconds until it answers its health check (with
        `wait`; it then takes requests)."""
        port = free_port()
        log_path = self.workdir / f"echobot-{next(self.starts):03d}-{slot}.log"
        self.logs.append(log_path)
        with log_path.open("wb") as log_file:
            process = await asyncio.create_subprocess_exec(
                sys.executable, "-m", "echobot", "run", "--http", "--host", "127.0.0.1", "--port", str(port),
                env=self.environment(port), cwd=self.workdir, stdout=log_file, stderr=log_file,
            )  # fmt: skip
        url = f"http://127.0.0.1:{port}"
        self.instances[slot] = Instance(process, f"{url}/slack/events")
        started = await wait_ready(f"{url}/healthz", timeout=60) if wait else 0.0
        assert self.balancer is not None
        if wait:
            self.balancer.urls.append(self.instances[slot].url)
        elif self.count == 1:
            self.balancer.app_url = self.instances[slot].url  # one instance: requests go to it, ready or not
        return started

    async def kill_echobot(self, slot: int = 0, sig: int = signal.SIGKILL) -> None:
        """Take `slot` out of the balancer, then signal it (SIGKILL: while requests and sends are in flight)."""
        instance = self.instances.pop(slot, None)
        if instance is None:
            return
        assert self.balancer is not None
        if instance.url in self.balancer.urls:
            self.balancer.urls.remove(instance.url)
        if instance.process.returncode is None:
            instance.process.send_signal(sig)
            await asyncio.wait_for(instance.process.wait(), 30)

    # ---- what people do ----------------------------------------------------------------------
    async def send(self, request: Request) -> bool:
        """Send (or send again) one storing request; True when it was acknowledged without an error."""
        for attempt in itertools.count():
            self.figures.requests += 1
            try:
                reply = await request.send()
                break
            except (aiohttp.ClientError, TimeoutError, ConnectionError):
                request.dropped += 1
                self.figures.connection_lost += 1
                # several instances: the balancer sends it at once to another one that lives
                if self.count == 1 or attempt >= self.count or not (self.balancer and self.balancer.urls):
                    return False
                self.figures.resent += 1
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

        # accepted: the modal closes, or turns into its answer (registration and program forms, issue 19)
        return self.track(Request(kind, subject, send, lambda reply: reply.text == ""
                                  or reply.json.get("response_action") == "update"))  # fmt: skip

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
            self.balancer = Balancer(FakeLink(fake.api_url[: -len("/api/")]))
            channels = [
                (LIVE_CHANNEL, "soak-live"),
                (REMIND_CHANNEL, "soak-remind"),
                *((channel, f"soak-remind-{n}") for n, (_, channel) in enumerate(MORE_REMINDERS, 2)),
            ]
            await self.fake_post("/_setup", {"delay": SLACK_LATENCY,
                "users": [{"id": u.user_id, "name": f"Provider {u.user_id[-4:]}"} for u in self.users],
                "channels": [*({"id": c, "name": name} for c, name in channels),
                             {"id": HUB, "name": "soak-hub", "private": True}]})  # fmt: skip
            try:
                if self.count == 1:
                    await self.rounds_of_kills()
                else:
                    await self.rounds_of_kills_among_several()
                await self.finish()
                self.checker = await Database.open(self.database, migrate=False)
                calls = await self.fake_get("/_calls")
                return await self.report(calls, time.monotonic() - started)
            finally:
                for slot in list(self.instances):  # whatever happened, no echobot is left running
                    await self.kill_echobot(slot)
                await self.balancer.close()
                if self.checker is not None:
                    await self.checker.close()

    async def rounds_of_kills(self) -> None:
        """One instance: each round starts it, sends requests for a while, stops the load and kills it."""
        for _ in range(self.rounds):
            if self.random.random() < EARLY_KILLS:  # killed while starting: recovering, looking in history
                await self.start_echobot(0, wait=False)
                await asyncio.sleep(self.random.uniform(0.2, 1.5))
                await self.kill_echobot(0)
                self.figures.early_kills += 1
                self.figures.rounds += 1
                continue
            await self.start_echobot(0)
            alive = self.random.uniform(0.3, 2.5)
            stop = asyncio.Event()
            workers = [asyncio.create_task(self.worker(stop, w)) for w in range(self.workers)]
            await asyncio.sleep(alive)
            stop.set()  # no new requests; those in flight stay in flight
            await self.kill_echobot(0)  # SIGKILL while requests and sends are in flight
            await asyncio.gather(*workers)
            self.figures.rounds += 1
        await self.start_echobot(0)  # the last start, without a kill

    async def rounds_of_kills_among_several(self) -> None:
        """Several instances under a load that never stops: each round kills one of them at a random moment
        (sometimes again while it starts up) and starts it again."""
        await asyncio.gather(*(self.start_echobot(slot) for slot in range(self.count)))
        stop = asyncio.Event()
        workers = [asyncio.create_task(self.worker(stop, w)) for w in range(self.workers)]
        try:
            for _ in range(self.rounds):
                await asyncio.sleep(self.random.uniform(0.5, 2.5))
                slot = self.random.choice(sorted(self.instances))
                await self.kill_echobot(slot)  # SIGKILL while requests and sends are in flight
                if self.random.random() < EARLY_KILLS:  # and again while it starts up
                    await self.start_echobot(slot, wait=False)
                    await asyncio.sleep(self.random.uniform(0.2, 1.5))
                    await self.kill_echobot(slot)
                    self.figures.early_kills += 1
                await asyncio.sleep(self.random.uniform(0.1, 1.0))
                await self.start_echobot(slot)
                self.figures.rounds += 1
        finally:
            stop.set()
            await asyncio.gather(*workers)

    async def finish(self) -> None:
        """The instances run without kills until due messages are out; then a clean stop (SIGTERM)."""
        checker = await Database.open(self.database, migrate=False)
        try:
            deadline = time.monotonic() + self.settle
            while time.monotonic() < deadline and await self.due_rows(checker) > 0:
                await asyncio.sleep(0.25)
        finally:
            await checker.close()
        await asyncio.gather(*(self.kill_echobot(slot, signal.SIGTERM) for slot in list(self.instances)))

    @staticmethod
    async def due_rows(db: Database) -> int:
        """Outbox rows due now and not sent yet."""
        now = to_db(datetime.now(UTC))
        return int(await db.reader.scalar(
            "SELECT count(*) FROM outbox WHERE state IN ('pending', 'sending') AND kind != 'job'"
            " AND due_at <= ? AND (not_before IS NULL OR not_before <= ?)", (now, now)))  # fmt: skip

    async def fake_get(self, path: str) -> Any:
        assert self.http is not None and self.fake is not None
        async with self.http.get(self.fake.api_url[: -len("/api/")] + path) as response:
            return await response.json()

    async def fake_post(self, path: str, body: dict[str, Any]) -> None:
        assert self.http is not None and self.fake is not None
        async with self.http.post(self.fake.api_url[: -len("/api/")] + path, json=body) as response:
            response.raise_for_status()

    # ---- the checks --------------------------------------------------------------------------
    async def counted(self, sql: str, params: tuple[Any, ...]) -> int:
        assert self.checker is not None
        return int(await self.checker.reader.scalar(sql, params))

    async def stored(self, request: Request) -> int:
        """How many times what `request` asked for is stored."""
        one = self.counted
        if request.kind == "register":
            return await one("SELECT count(*) FROM providers WHERE user_id = ?", request.subject)
        if request.kind == "join":
            return await one("SELECT count(*) FROM program_members m JOIN programs p ON p.id = m.program_id"
                             " WHERE m.user_id = ? AND p.name = ?", request.subject)  # fmt: skip
        if request.kind == "case":
            return await one("SELECT count(*) FROM cases WHERE submission_key = ?", request.subject[:1])
        if request.kind == "claim":
            return await one("SELECT count(*) FROM case_events WHERE case_id = ? AND action = 'claim'",
                             request.subject)  # fmt: skip
        if request.kind == "check_in":
            return await one("SELECT count(*) FROM attendance WHERE session_id = ? AND user_id = ? AND present = 1",
                             request.subject)  # fmt: skip
        if request.kind == "end":
            return await one("SELECT count(*) FROM sessions WHERE id = ? AND status = 'ended'", request.subject)
        who = request.subject
        evaluations = await one("SELECT count(*) FROM evaluations WHERE session_id = ? AND user_id = ?", who)
        credits = await one("SELECT count(*) FROM credits WHERE session_id = ? AND user_id = ?", who)
        return max(evaluations, credits)

    @staticmethod
    def smallest_gap(calls: list[dict[str, Any]]) -> tuple[float, str, int]:
        """The smallest time between two chat.postMessage calls to one channel (Slack's receipt times), that
        channel, and how many channels had two posts or more."""
        times: dict[str, list[float]] = defaultdict(list)
        for call in calls:
            if call["method"] == "chat.postMessage" and call["channel"]:
                times[str(call["channel"])].append(float(call["wall"]))
        gaps = [(b - a, channel) for channel, seen in times.items()
                for a, b in itertools.pairwise(sorted(seen))]  # fmt: skip
        smallest, channel = min(gaps) if gaps else (float("inf"), "")
        return smallest, channel, sum(1 for seen in times.values() if len(seen) > 1)

    async def report(self, calls: list[dict[str, Any]], elapsed: float) -> bool:
        assert self.checker is not None
        reader = self.checker.reader
        integrity = "n/a (PostgreSQL)" if self.postgres else str(await reader.scalar("PRAGMA integrity_check"))
        acked = [r for r in self.requests if r.acked]
        lost = [r for r in acked if await self.stored(r) == 0]
        doubled = [r for r in self.requests if await self.stored(r) > 1]
        rows = await reader.fetchall("SELECT key, kind, state FROM outbox")
        stored_by_kind = Counter(r.kind for r in acked)
        live_session_status = await reader.scalar("SELECT status FROM sessions WHERE id = ?", (self.live_session,))
        posts = Counter(c["key"] for c in calls if c["method"] == "chat.postMessage" and c["ok"] and c["key"])
        states = Counter(state for _, _, state in rows)
        post_rows = {key: state for key, kind, state in rows if kind == "post"}
        twice = {key: n for key, n in posts.items() if n > 1}
        sent_not_in_slack = [k for k, s in post_rows.items() if s == "sent" and posts[k] == 0]
        in_slack_not_sent = [k for k, s in post_rows.items() if s != "sent" and posts[k] > 0]
        unknown = [k for k in posts if k not in post_rows]
        gap, gap_channel, paced_channels = self.smallest_gap(calls)
        log_text = "\n".join(p.read_text(errors="replace") for p in self.logs if p.exists())
        prevented = log_text.count("recorded as sent, not sent again")
        recovered = len(re.findall(r"was in flight at the last stop", log_text))
        taken_over = sum(int(n) for n in re.findall(r"took over (\d+) outbox row", log_text))
        errors = [line for line in log_text.splitlines() if " ERROR " in line or "Traceback" in line]
        case_texts = [value for value in CASE.values() if isinstance(value, str) and len(value) > 20]
        phi_lines = [line for line in log_text.splitlines() if any(text[:20] in line for text in case_texts)]
        shapes = Counter(re.sub(r"U0SOAK\d+|V\d+|\d+", "#", key) for key in posts)
        print(f"machine: {machine()}")
        backend = "PostgreSQL" if self.postgres else "SQLite"
        print(f"instances: {self.count} on one {backend} database")
        print(
            f"rounds run: {self.figures.rounds} (SIGKILL of one instance at a random moment each; "
            f"{self.figures.early_kills} of them while starting up), then a clean stop; {elapsed:.0f} s in all"
        )
        again = (
            f"{self.figures.resent} sent again at once to another instance"
            if self.count > 1
            else ("sent again after the restart")
        )
        print(
            f"requests sent: {self.figures.requests}, of which {self.figures.connection_lost} got no answer "
            f"(echobot killed before or while answering; {again})"
        )
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
        print(
            f"rows a crash left in flight, recovered at start: {recovered}; taken over by another instance when "
            f"the lease ran out: {taken_over}; resends prevented by the history lookup: {prevented}"
        )  # fmt: skip
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
        print(
            f"smallest gap between two chat.postMessage calls to one channel: {gap:.3f} s ({gap_channel or '-'}; "
            f"{paced_channels} channels had two posts or more; pacing {PACING:.0f} s)"
        )
        print(f"PRAGMA integrity_check: {integrity}")
        ok = not lost and not doubled and not twice and not sent_not_in_slack and not phi_lines
        ok = ok and integrity in ("ok", "n/a (PostgreSQL)") and gap >= PACING
        print(
            f"result: {'PASS' if ok else 'FAIL'} (goal: 0 lost, 0 doubled, no message sent twice, "
            f"no two posts to one channel closer than the pacing)"
        )
        self.result = {"rounds": self.figures.rounds, "acked": len(acked), "lost": len(lost), "doubled": len(doubled),
                       "twice": len(twice), "prevented": prevented, "integrity": integrity, "phi_lines": len(phi_lines),
                       "in_slack_not_sent": len(in_slack_not_sent), "smallest_gap": gap, "instances": self.count,
                       "resent": self.figures.resent, "taken_over": taken_over, "ok": ok}  # fmt: skip
        return ok


async def soak(
    rounds: int,
    *,
    seed: int = 7,
    users: int = 24,
    workers: int = 6,
    settle: float = 20,
    keep: Path | None = None,
    instances: int = 1,
    database: str | None = None,
) -> dict[str, Any]:
    """Run the soak in a temporary folder (or in `keep`, left for reading); its figures (also printed)."""
    with tempfile.TemporaryDirectory(prefix="echobot-soak-") as folder:
        workdir = keep or Path(folder)
        workdir.mkdir(parents=True, exist_ok=True)
        runner = Soak(workdir, rounds=rounds, seed=seed, users=users, workers=workers, settle=settle,
                      instances=instances, database=database)  # fmt: skip
        await asyncio.wait_for(runner.run(), timeout=120 + 20 * rounds + settle)  # it stops by itself
        return runner.result


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rounds", type=int, default=50)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--users", type=int, default=24)
    parser.add_argument("--workers", type=int, default=6)
    parser.add_argument("--instances", type=int, default=1, help="echobot processes on the one database")
    parser.add_argument("--database", help="a SQLite path or an empty postgresql:// database (default: a SQLite "
                        "file in the work folder)")  # fmt: skip
    parser.add_argument("--settle", type=float, default=20, help="seconds the last run may take to send what is due")
    parser.add_argument("--keep", type=Path, help="work in this folder and keep it (database, echobot's logs)")
    options = parser.parse_args()
    figures = asyncio.run(soak(options.rounds, seed=options.seed, users=options.users, workers=options.workers,
                               settle=options.settle, keep=options.keep, instances=options.instances,
                               database=options.database))  # fmt: skip
    sys.exit(0 if figures["ok"] else 1)
