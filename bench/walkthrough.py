"""One full program life, driven through the real app and the fake Slack, as each person would live it:
what each person receives and what each must type.

    python -m bench.walkthrough [--baseline REV] [--transcript]

A coordinator (Connie, hub administrator) creates a program; a specialist (Sam) triages in the hub channel;
a presenter (Alice, NP) and an attendee (Bob, MD observer) register from their Home, join, get the session's
reminders, check in; Alice's case goes submitted → claimed → scheduled → presented → recommendations; both
evaluate and get a certificate; Connie asks for a digest.

Every person does what the app offers them: at each step they look for a button (in the answers echobot gave
them, their App Home, their direct messages, the channels they are in, newest first) and type a command only
when no button does it. So the same script measures any revision: `--baseline REV` runs it, unchanged, on the
code of REV (extracted into a temporary directory, run in a subprocess) in the same run, and prints both.

Counted per person: new messages (top-level posts in their direct messages, replies in those threads,
ephemeral answers and answers to a command or click, files), the program and hub channel posts they see,
messages updated in place, and the commands they typed. A thread reply sent with reply_broadcast counts as
shown in the conversation as well ("outside threads").
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import re
import subprocess
import sys
import tarfile
import tempfile
from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
CONNIE, SAM, ALICE, BOB = "UADMIN0001", "USPEC00001", "UALICE0001", "UBOB000001"
NAMES = {CONNIE: "Connie (coordinator)", SAM: "Sam (specialist)", ALICE: "Alice (presenter)",
         BOB: "Bob (attendee)"}  # fmt: skip
PROGRAM_CHANNEL, REVIEW_CHANNEL = "C0HEPC", "G0HEPCHUB"
FIRST_START = datetime(2026, 11, 10, 19, 0, tzinfo=UTC)


@dataclass
class Seen:
    """What one person was shown: answers to their commands and clicks, and the commands they typed."""

    answers: list[dict[str, Any]] = field(default_factory=list)
    typed: list[str] = field(default_factory=list)
    clicked: list[str] = field(default_factory=list)
    forms: list[tuple[str, int, int]] = field(default_factory=list)  # (title, questions, of them required)


class Walk:
    def __init__(self, bot: Any) -> None:
        self.bot = bot
        self.fake = bot.fake
        self.seen: dict[str, Seen] = {user: Seen() for user in NAMES}
        self.shown: dict[str, list[dict[str, Any]]] = {}  # modals that only show something (answers to buttons)
        self.channels = {CONNIE: [PROGRAM_CHANNEL], SAM: [REVIEW_CHANNEL], ALICE: [PROGRAM_CHANNEL],
                         BOB: [PROGRAM_CHANNEL]}  # fmt: skip

    # ---- what a person can see ----------------------------------------------------------------------
    def surfaces(self, user: str) -> list[tuple[str, dict[str, Any]]]:
        """(where, message or view) newest first: answers, Home, direct messages, channels."""
        found: list[tuple[str, dict[str, Any]]] = [("view", v) for v in self.shown.get(user, [])[-1:]]
        found += [("answer", a) for a in reversed(self.seen[user].answers)]
        if user in self.fake.homes:
            found.append(("home", self.fake.homes[user]))
        dm = "D" + user[1:]
        for channel in [dm, *self.channels[user]]:
            messages = sorted(((ts, m) for (c, ts), m in self.fake.messages.items() if c == channel), reverse=True)
            found += [(channel, {**m, "ts": ts}) for ts, m in messages]
        return found

    def button(self, user: str, label: str) -> tuple[str, dict[str, Any], dict[str, Any], str] | None:
        """The newest button whose text matches `label`: (where, container, element, block id)."""
        pattern = re.compile(label, re.IGNORECASE)
        for where, container in self.surfaces(user):
            for block in container.get("blocks") or []:
                elements = block.get("elements", []) if block.get("type") == "actions" else []
                accessory = block.get("accessory")
                for element in [*elements, *([accessory] if accessory else [])]:
                    text = (element.get("text") or {}).get("text", "")
                    if element.get("type") == "button" and pattern.fullmatch(text):
                        return where, container, element, block.get("block_id", "b")
        return None

    # ---- what a person does -------------------------------------------------------------------------
    async def click(self, user: str, label: str) -> bool:
        hit = self.button(user, label)
        if hit is None:
            return False
        where, container, element, block_id = hit
        before, views = len(self.fake.responses), len(self.fake.opened_views())
        updates = len(self.fake.calls_to("views.update"))
        if where in ("home", "view"):
            reply = await self.bot.driver.click(user, element["action_id"], element.get("value", ""),
                                                block_id=block_id, home=container)  # fmt: skip
        elif where == "answer":
            reply = await self.bot.driver.click(user, element["action_id"], element.get("value", ""),
                                                block_id=block_id)  # fmt: skip
        else:
            reply = await self.bot.driver.click(user, element["action_id"], element.get("value", ""),
                                                block_id=block_id, message=container, channel=where)  # fmt: skip
        await self.bot.settle()
        self._answered(user, reply, before)
        self._shown(user, views)
        if where == "view":  # the modal they clicked in changed in place: they see its new content
            for call in self.fake.calls_to("views.update")[updates:]:
                view = call.response.get("view") or {}
                if view.get("id") == container.get("id") and not any(
                        b.get("type") == "input" for b in view.get("blocks", [])):  # fmt: skip
                    self.shown.setdefault(user, []).append(view)
        self.seen[user].clicked.append(label)
        return True

    def _shown(self, user: str, views: int) -> None:
        """A modal opened with no inputs shows an answer: the person can click its buttons next."""
        opened = self.fake.opened_views()[views:]
        self.shown.setdefault(user, []).extend(
            v for v in opened if not any(b.get("type") == "input" for b in v.get("blocks", [])))

    async def type(self, user: str, text: str, channel: str = "C0GENERAL") -> None:
        before = len(self.fake.responses)
        reply = await self.bot.driver.command(user, text, channel=channel)
        await self.bot.settle()
        self.seen[user].typed.append(f"/echo {text}")
        self._answered(user, reply, before)

    def _answered(self, user: str, reply: Any, before: int) -> None:
        body = reply.json
        if body.get("text") or body.get("blocks"):
            self.seen[user].answers.append(body)
        self.seen[user].answers += [r for r in self.fake.responses[before:] if r.get("text") or r.get("blocks")]

    async def do(self, user: str, label: str, command: str, channel: str = "C0GENERAL") -> None:
        """Click the button `label` if one is on offer, else type `command`."""
        if not await self.click(user, label):
            await self.type(user, command, channel)

    async def modal(self, user: str, opened_before: int, values: dict[str, Any]) -> None:
        """Fill the modal that opened last (only the inputs it has; the first option where one is needed)."""
        views = self.fake.opened_views()
        assert len(views) > opened_before, f"{NAMES[user]}: no modal opened"
        view = views[-1]
        given: dict[str, Any] = {}
        for block in view.get("blocks", []):
            if block.get("type") != "input":
                continue
            element = block["element"]
            action_id = element["action_id"]
            if action_id in values:
                given[action_id] = values[action_id]
            elif (element["type"] == "static_select" and not element.get("initial_option")
                  and not block.get("optional") and element.get("options")):  # fmt: skip
                given[action_id] = element["options"][0]["value"]
        inputs = [block for block in view.get("blocks", []) if block.get("type") == "input"]
        self.seen[user].forms.append((str(view["title"]["text"]), len(inputs),
                                      len([b for b in inputs if not b.get("optional")])))  # fmt: skip
        reply = await self.bot.driver.submit(user, view, given)
        assert reply.text == "" or "errors" not in reply.text, f"{NAMES[user]}: {reply.text}"
        answer = reply.json.get("view") if reply.json.get("response_action") == "update" else None
        if answer and not any(b.get("type") == "input" for b in answer.get("blocks", [])):
            self.shown.setdefault(user, []).append({**answer, "id": f"V{view.get('id') or 'ANSWER'}"})
        await self.bot.settle()

    async def home(self, user: str) -> None:
        await self.bot.driver.event({"type": "app_home_opened", "user": user, "tab": "home",
                                     "channel": "D" + user[1:]})  # fmt: skip
        await self.bot.settle()

    async def at(self, moment: datetime) -> None:
        self.bot.clock.set(moment)
        await self.bot.runtime.tick()


async def live(walk: Walk) -> None:
    """The program's life, as its people live it."""
    from tests import scenarios

    bot, fake = walk.bot, walk.fake
    people = ((CONNIE, "Connie Ruiz", "UTC"), (SAM, "Sam Tanaka", "Asia/Tokyo"),
              (ALICE, "Alice Moreno", "Europe/Berlin"), (BOB, "Bob Ortiz", "America/New_York"))  # fmt: skip
    for user, name, tz in people:
        fake.add_user(user, name, tz=tz)
    scenarios.add_channels(bot)
    program: dict[str, Any] = {**scenarios.PROGRAM, "specialists": [SAM], "coordinators": [CONNIE]}
    # Connie sets the program up (once)
    await walk.home(CONNIE)
    opened = len(fake.opened_views())
    await walk.do(CONNIE, "New program", "program new", channel=PROGRAM_CHANNEL)
    await walk.modal(CONNIE, opened, program)
    await walk.home(SAM)
    # Alice and Bob register from their Home, and join
    for user, overrides in ((ALICE, {}), (BOB, {"name": "Bob Ortiz", "credential": "MD", "role": "observer",
                                              "email": "bob@valley.example.org"})):  # fmt: skip
        await walk.home(user)
        opened = len(fake.opened_views())
        await walk.do(user, "Register( for ECHO)?", "register")
        provider: dict[str, Any] = {**scenarios.PROVIDER, **overrides}
        await walk.modal(user, opened, provider)
        if not await walk.click(user, "Join"):
            await walk.do(user, "Browse programs", "program list")
            if not await walk.click(user, "Join"):
                await walk.type(user, "join Hepatitis C ECHO")
    # Alice presents a case
    await walk.at(datetime(2026, 11, 2, 16, 0, tzinfo=UTC))
    await walk.home(ALICE)
    opened = len(fake.opened_views())
    await walk.do(ALICE, "Present a case", "case")
    await walk.modal(ALICE, opened, {k: v for k, v in scenarios.CASE.items() if k != "preferred_session"})
    # Sam claims and schedules it
    await walk.at(datetime(2026, 11, 3, 1, 0, tzinfo=UTC))
    await walk.home(SAM)
    assert await walk.click(SAM, "Claim"), "Sam found no Claim button"
    opened = len(fake.opened_views())
    assert await walk.click(SAM, "Schedule"), "Sam found no Schedule button"
    await walk.modal(SAM, opened, {})
    # the reminders, the session, check-in
    for moment in (datetime(2026, 11, 3, 20, 0, tzinfo=UTC), datetime(2026, 11, 9, 20, 0, tzinfo=UTC),
                   FIRST_START - timedelta(minutes=50), FIRST_START - timedelta(minutes=10)):  # fmt: skip
        await walk.at(moment)
    await walk.at(FIRST_START + timedelta(minutes=3))
    for user in (ALICE, BOB):
        await walk.home(user)
        assert await walk.click(user, "Check in"), f"{NAMES[user]} found no Check in button"
    await walk.at(FIRST_START + timedelta(hours=1, minutes=1))
    # Sam sends the recommendations
    opened = len(fake.opened_views())
    assert await walk.click(SAM, "Record recommendations"), "Sam found no recommendations button"
    await walk.modal(SAM, opened, {"recommendations": "Twelve weeks of sofosbuvir/velpatasvir; no ribavirin."})
    # Alice and Bob evaluate and get their certificates
    await walk.at(FIRST_START + timedelta(hours=2))
    for user in (ALICE, BOB):
        opened = len(fake.opened_views())
        assert await walk.click(user, "Evaluate"), f"{NAMES[user]} found no Evaluate button"
        evaluation: dict[str, Any] = {**scenarios.EVALUATION}
        await walk.modal(user, opened, evaluation)
        uploads = len(fake.calls_to("files.completeUploadExternal"))
        if not await walk.click(user, "Get certificate"):
            await walk.do(user, "My credit", "cme")
            opened = len(fake.opened_views())
            assert await walk.click(user, "Certificate of a session"), f"{NAMES[user]}: no certificate button"
            await walk.modal(user, opened, {})
        assert len(fake.calls_to("files.completeUploadExternal")) > uploads, f"{NAMES[user]} got no certificate"
    # Connie looks at the program's figures
    await walk.home(CONNIE)
    await walk.do(CONNIE, "Digest", "digest")
    await walk.at(FIRST_START + timedelta(days=1))


def _first_line(message: dict[str, Any]) -> str:
    text = str(message.get("text") or "")
    if not text:
        from tests.slack_driver import blocks_text

        text = blocks_text(message.get("blocks") or [])
    return re.sub(r"\s+", " ", text)[:110]


def tally(walk: Walk) -> dict[str, Any]:
    """Per person: messages received, updates in place, commands typed; and the transcript."""
    fake = walk.fake
    people: dict[str, Any] = {}
    posts = [c for c in fake.calls_to("chat.postMessage")]
    updates = Counter(str(c.response.get("channel")) for c in fake.calls_to("chat.update"))
    files: Counter[str] = Counter()
    for call in fake.calls_to("files.completeUploadExternal"):
        files[str(call.args.get("channel_id") or "")] += 1
    channel_posts = {ch: [c for c in posts if c.response.get("channel") == ch]
                     for ch in (PROGRAM_CHANNEL, REVIEW_CHANNEL)}  # fmt: skip
    for user, name in NAMES.items():
        dm = "D" + user[1:]
        mine = [c for c in posts if c.response.get("channel") == dm]
        top = [c for c in mine if not c.args.get("thread_ts")]
        replies = [c for c in mine if c.args.get("thread_ts")]
        ephemerals = [c for c in fake.calls_to("chat.postEphemeral") if c.args.get("user") == user]
        seen = walk.seen[user]
        received = len(top) + len(replies) + len(seen.answers) + len(ephemerals) + files[dm]
        broadcast = [c for c in replies if c.args.get("reply_broadcast") in (True, "true", "1", 1)]
        people[name] = {
            "dm_posts": len(top), "dm_thread_replies": len(replies), "answers": len(seen.answers) + len(ephemerals),
            "dm_broadcast": len(broadcast),  # thread replies also shown in the conversation (reply_broadcast)
            "files": files[dm], "received": received, "updated_in_place": updates[dm],
            "typed": len(seen.typed), "commands": seen.typed, "clicked": seen.clicked, "forms": seen.forms,
            "transcript": [("dm", _first_line(c.args)) for c in top]
            + [("thread, also in the conversation" if c in broadcast else "thread", _first_line(c.args))
               for c in replies] + [("answer", _first_line(a)) for a in seen.answers],
        }  # fmt: skip
    channels = {ch: {"posts": len([c for c in cs if not c.args.get("thread_ts")]),
                     "thread_replies": len([c for c in cs if c.args.get("thread_ts")]), "updated_in_place": updates[ch],
                     "transcript": [_first_line(c.args) for c in cs]}
                for ch, cs in channel_posts.items()}  # fmt: skip
    return {"people": people, "channels": channels}


async def run() -> dict[str, Any]:
    from echobot.clock import FrozenClock
    from tests.fake_slack import FakeSlack
    from tests.harness import START, Bot

    fake = FakeSlack()
    await fake.start()
    with tempfile.TemporaryDirectory() as tmp:
        bot = await Bot(Path(tmp) / "echobot.db", fake, FrozenClock(START)).start()
        try:
            walk = Walk(bot)
            await live(walk)
            return tally(walk)
        finally:
            await bot.stop()
            await fake.stop()


def show(label: str, result: dict[str, Any], transcript: bool) -> None:
    print(f"\n## {label}\n")
    print("| person | received | DM posts | DM thread replies | answers | files | updated in place | typed |")
    print("|---|---|---|---|---|---|---|---|")
    for name, p in result["people"].items():
        print(f"| {name} | {p['received']} | {p['dm_posts']} | {p['dm_thread_replies']} | {p['answers']} | "
              f"{p['files']} | {p['updated_in_place']} | {p['typed']} |")  # fmt: skip
    for channel, c in result["channels"].items():
        print(f"| channel {channel} | {c['posts'] + c['thread_replies']} | {c['posts']} posts | "
              f"{c['thread_replies']} thread replies | | | {c['updated_in_place']} | |")  # fmt: skip
    total = sum(p["received"] for p in result["people"].values())
    typed = sum(p["typed"] for p in result["people"].values())
    top = total - sum(p["dm_thread_replies"] - p.get("dm_broadcast", 0) for p in result["people"].values())
    print(f"\nmessages received by the four people: {total} ({top} outside threads); commands typed: {typed}")
    for name, p in result["people"].items():
        print(f"\n### {name}: typed {', '.join(f'`{c}`' for c in p['commands']) or 'nothing'}; "
              f"clicked {', '.join(p['clicked']) or 'nothing'}")  # fmt: skip
        if p.get("forms"):
            print("forms filled: " + "; ".join(f"{title} ({n} questions, {r} required)" for title, n, r in p["forms"]))
        if transcript:
            for kind, line in p["transcript"]:
                print(f"- ({kind}) {line}")
    if transcript:
        for channel, c in result["channels"].items():
            print(f"\n### channel {channel}")
            for line in c["transcript"]:
                print(f"- {line}")


def baseline(rev: str) -> dict[str, Any]:
    """This script run on the code of `rev`, in a subprocess that imports that code."""
    with tempfile.TemporaryDirectory() as tmp:
        archive = subprocess.run(["git", "archive", rev], cwd=ROOT, capture_output=True, check=True).stdout
        (Path(tmp) / "old.tar").write_bytes(archive)
        with tarfile.open(Path(tmp) / "old.tar") as tar:
            tar.extractall(tmp, filter="data")
        # the installed layout: handlers/ and storage/ are echobot.handlers and echobot.storage
        os.rename(Path(tmp) / "handlers", Path(tmp) / "echobot" / "handlers")
        os.rename(Path(tmp) / "storage", Path(tmp) / "echobot" / "storage")
        (Path(tmp) / "bench" / "walkthrough.py").write_text(Path(__file__).read_text())
        env = {**os.environ, "PYTHONPATH": tmp}
        out = subprocess.run([sys.executable, "-m", "bench.walkthrough", "--json"], cwd=tmp, env=env, check=True,
                             capture_output=True, text=True).stdout  # fmt: skip
        return json.loads(out.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--baseline", help="also run the walk-through on the code of this git revision")
    parser.add_argument("--transcript", action="store_true", help="print every message each person received")
    parser.add_argument("--json", action="store_true", help="print the figures as one JSON line")
    args = parser.parse_args()
    import logging

    logging.disable(logging.WARNING)
    result = asyncio.run(run())
    if args.json:
        print(json.dumps(result))
        return
    if args.baseline:
        before = baseline(args.baseline)
        show(f"before ({args.baseline})", before, args.transcript)
    show("now", result, args.transcript)
    if args.baseline:
        def total(r: dict[str, Any], key: str) -> int:
            if key == "top":  # a broadcast thread reply shows in the conversation too
                return total(r, "received") - total(r, "dm_thread_replies") + total(r, "dm_broadcast")
            return sum(p.get(key, 0) for p in r["people"].values())

        for key, label in (("received", "messages received"), ("top", "messages outside threads"),
                           ("typed", "commands typed")):  # fmt: skip
            b, a = total(before, key), total(result, key)
            print(f"\n{label}: {b} → {a}" + (f" (×{a / b:.2f})" if b else ""))


if __name__ == "__main__":
    main()
