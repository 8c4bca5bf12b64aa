"""Session materials (issue 17): a program's coordinators or the session's presenter attach the didactic's
slides (Slack's file, kept by id and permalink) and the recording link. One current set per session, audited; one
reply in the session's thread, updated in place; the links in the evaluation DM, updated in place while open."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from typing import Any
from urllib.parse import unquote, urlparse

from echobot import keys, phi
from echobot.clock import Clock
from echobot.ids import MaterialsField
from echobot.models import (
    Attachment,
    Message,
    OutboxKind,
    OutboxState,
    Person,
    Program,
    Render,
    Session,
    SessionMaterials,
    SessionStatus,
)
from echobot.renderers import Renderers
from echobot.services.evaluations import window
from echobot.services.programs import Programs
from echobot.services.sessions import Sessions
from echobot.services.slides import with_shared_slides
from echobot.storage import Database, Reader, Tx, audit, outbox
from echobot.storage import materials as materials_repo
from echobot.storage import programs as programs_repo
from echobot.storage import sessions as sessions_repo
from echobot.submissions import Submission
from echobot.views.materials import REFUSED, materials_reply, slides_comment

RECENT_DAYS = 30
UPCOMING_DAYS = 30
THREAD_RENDER = "materials.thread"
SHARED_JOB = "materials.shared"
SENT = (OutboxState.SENT, OutboxState.SENDING)


@dataclass(frozen=True)
class Slides:
    """The file Slack keeps: what files.info said of it."""

    file_id: str
    name: str
    permalink: str


@dataclass(frozen=True)
class MaterialsForm:
    session_id: int | None
    slides: Slides | None  # None: keep the slides the session has
    recording_url: str
    title: str = ""
    presenter: str = ""


def recording_error(url: str) -> str | None:
    """Why this recording link is not accepted, or None (https only, with a host, no spaces)."""
    if not url:
        return None
    parsed = urlparse(url)
    if parsed.scheme != "https" or not parsed.hostname or any(c.isspace() for c in url) or "|" in url or ">" in url:
        return "The recording link must be a whole https:// address (for example https://zoom.us/rec/share/…)."
    return None


LINK_TOKENS = frozenset({phi.Category.URL, phi.Category.IP, phi.Category.OTHER_CODE})  # a link's own ids


def _identifier(text: str) -> str | None:
    """What the PHI guard finds in a link's or a file name's words, apart from the link's own ids."""
    words = re.sub(r"[/_\-.=&?+#%~]+", " ", text)
    for finding in phi.scan(words, kind=phi.FieldKind.HUB):
        if finding.category not in LINK_TOKENS:
            return finding.message
    return None


def recording_phi(url: str) -> str | None:
    """The PHI guard on a link: its path, query and fragment read as words (a share token is not an identifier,
    a patient's name or record number in the path is)."""
    parsed = urlparse(url)
    found = _identifier(unquote(" ".join((parsed.path, parsed.query, parsed.fragment))))
    return f"This link {found}. Nothing was saved: edit it and submit again." if found else None


def file_name_phi(name: str) -> str | None:
    """The slides' file name is text echobot keeps: the same guard (the file's content cannot be read)."""
    found = _identifier(name.rsplit(".", 1)[0])
    return f"The file's name {found}: rename the file and attach it again. Nothing was saved." if found else None


class Materials:
    def __init__(self, db: Database, clock: Clock, sessions: Sessions, programs: Programs) -> None:
        self._db = db
        self._clock = clock
        self._sessions = sessions
        self._programs = programs

    # ---- who may attach --------------------------------------------------------------------
    async def allowed(self, person: Person, session_id: int | None) -> tuple[Session, Program] | None:
        """The session and its program when this person may attach its materials: a coordinator of the program
        or the session's presenter (their case is on its agenda). None otherwise, or when it is gone/cancelled."""
        loaded = await self._sessions.get(session_id) if session_id is not None else None
        if loaded is None or loaded[0].status is SessionStatus.CANCELLED:
            return None
        session, program = loaded
        if person.manages(program) or await materials_repo.presents(self._db.reader, session.id, person.user_id):
            return loaded
        return None

    async def choices(self, person: Person) -> list[tuple[Session, Program]]:
        """Recent and upcoming sessions this person may attach materials to: newest past first, then upcoming."""
        programs = {p.id: p for p in [*await self._programs.managed_by(person),
                                      *await self._programs.of_person(person)]}  # fmt: skip
        found = [*(await self._sessions.recent(list(programs.values()), days=RECENT_DAYS)),
                 *await self._sessions.upcoming(list(programs.values()), days=UPCOMING_DAYS)]  # fmt: skip
        found = [(s, p) for s, p in found if s.status is not SessionStatus.CANCELLED]
        presenting = await materials_repo.presenting_sessions(self._db.reader, person.user_id, [s.id for s, _ in found])
        return [(s, p) for s, p in found if person.manages(p) or s.id in presenting]

    async def current(self, session_id: int) -> SessionMaterials | None:
        return await materials_repo.get(self._db.reader, session_id)

    # ---- attaching ---------------------------------------------------------------------------
    async def attach(self, person: Person, form: MaterialsForm,
                     submission_id: str) -> tuple[dict[str, str], tuple[Session, Program, SessionMaterials] | None]:
        """Save the session's materials (replacing any), audited; plan the thread reply (or its update) and the
        evaluation DMs' updates. Errors by field, nothing saved, when something is wrong."""  # fmt: skip
        loaded = await self.allowed(person, form.session_id)
        if loaded is None:
            return {MaterialsField.SESSION: REFUSED}, None
        session, program = loaded
        url = form.recording_url.strip()
        errors: dict[str, str] = {}
        if (problem := recording_error(url)) or (url and (problem := recording_phi(url))):
            errors[MaterialsField.RECORDING] = problem
        if form.slides is not None and (problem := file_name_phi(form.slides.name)):
            errors[MaterialsField.SLIDES] = problem
        if form.title.strip():  # the presenter is a clinician's name by design: the title is scanned
            errors.update(phi.field_errors({MaterialsField.TITLE: form.title.strip()}, kind=phi.FieldKind.HUB))
        now = self._clock.now()
        submission = Submission(self._db, submission_id, f"materials:{session.id}")
        async with submission.once(now) as tx:
            before = await materials_repo.get(tx, session.id)
            slides = form.slides
            if not errors and slides is None and not url and (before is None or not before.slides_file_id):
                errors[MaterialsField.SLIDES] = "Attach the slides or give the recording link (or both)."
            if errors:
                submission.refuse()
                return errors, None
            if submission.replayed and before is not None:
                return {}, (session, program, before)
            materials = SessionMaterials(
                session_id=session.id, actor=person.user_id, at=now, recording_url=url or None,
                slides_file_id=slides.file_id if slides else before.slides_file_id if before else None,
                slides_name=slides.name[:200] if slides else before.slides_name if before else None,
                slides_permalink=slides.permalink if slides else before.slides_permalink if before else None,
            )  # fmt: skip
            version = await materials_repo.save(tx, materials)
            materials = materials.model_copy(update={"version": version})
            title, presenter = form.title.strip()[:150], form.presenter.strip()[:100]
            if (title and not session.topic) or (presenter and not session.presenter):
                await sessions_repo.set_details(tx, session.id, session.topic or title or None,
                                                session.presenter or presenter or None)  # fmt: skip
            await audit.record(tx, now, person.user_id, "session.materials", f"session:{session.id}", {
                "version": version, "slides": materials.slides_file_id, "slides_name": materials.slides_name,
                "slides_replaced": slides is not None and before is not None and before.slides_file_id is not None,
                "recording": materials.recording_url, "presenter": not person.manages(program),
            })  # fmt: skip
            await self._plan(tx, session, program, version, now, slides)
        fresh = await sessions_repo.get(self._db.reader, session.id) or session
        return {}, (fresh, program, materials)

    async def _plan(self, tx: Tx, session: Session, program: Program, version: int, now: datetime,
                    slides: Slides | None = None) -> None:  # fmt: skip
        """The thread reply (once; later changes update it in place) and the open evaluation DMs' updates. New
        slides are first shared into the session's thread (a file attached in a form is the uploader's alone until
        then): the reply and the DMs' updates come after it, in the channel's lane, and link to that copy."""
        render = Render(name=THREAD_RENDER, args={"session_id": session.id})
        thread = await outbox.get(tx, keys.materials(session.id))
        live = await outbox.get(tx, keys.live(session.id))
        # in the session post's thread; a post still ahead (a week before the session) is waited for from its own
        # due time, not polled every second until then. With no session post that will be sent: the channel itself
        in_thread = live is not None and live.state in (*SENT, OutboxState.PENDING)
        beside: dict[str, Any] = {"parent_key": live.key, "due_at": max(now, live.due_at)} if live and in_thread else {}
        rows: list[dict[str, Any]] = []
        if slides is not None:
            # slides replaced before the earlier ones were shared (the wrong file, say): those are never shared
            earlier = await outbox.pending_by_prefix(tx, keys.materials(session.id) + ":slides:")
            new_key = keys.materials_slides(session.id, slides.file_id)
            replaced = [row.key for row in earlier if row.key not in (new_key, new_key + ":shared")]
            await outbox.cancel(tx, replaced, "slides replaced")
            rows.append({"key": new_key, "kind": OutboxKind.UPLOAD,
                         "target": program.channel_id, **beside,
                         "message": Message(text=slides_comment(session, program), file=Attachment(
                             filename=slides.name[:200], title=slides.name[:200], share_file_id=slides.file_id,
                             in_thread=True))})  # fmt: skip
        if thread is None:
            rows.append({"key": keys.materials(session.id), "target": program.channel_id, "render": render, **beside})
        elif thread.state in SENT:
            rows.append({"key": f"{thread.key}:update:{version}", "target": program.channel_id,
                         "kind": OutboxKind.UPDATE, "parent_key": thread.key, "render": render})  # fmt: skip
        # a pending reply is rendered when sent: it will show this set
        if slides is None:
            await outbox.enqueue_many(tx, rows, now)
            await self._update_prompts(tx, session, program, version, now)
            return
        rows.append({"key": f"{keys.materials_slides(session.id, slides.file_id)}:shared", "kind": OutboxKind.JOB,
                     "target": program.channel_id, "due_at": rows[0].get("due_at", now),
                     "render": Render(name=SHARED_JOB, args={"session_id": session.id, "version": version})})
        await outbox.enqueue_many(tx, rows, now)

    async def _update_prompts(self, tx: Tx, session: Session, program: Program, version: int, now: datetime) -> None:
        """The evaluation DMs already sent, updated with the links while the evaluation is open."""
        _, closes = window(session, program)
        if now >= closes:
            return
        prefix = keys.evaluate(session.id, "")
        rows: list[dict[str, Any]] = []
        for prompt in await outbox.by_prefix(tx, prefix):
            user = prompt.key[len(prefix):]
            if ":" in user or prompt.state not in SENT:
                continue  # an update of a prompt, or one not sent yet (rendered with the links when sent)
            rows.append({"key": f"{prompt.key}:materials:{version}", "target": prompt.target,
                         "kind": OutboxKind.UPDATE, "parent_key": prompt.key, "stale_at": closes,
                         "render": Render(name="evaluation.prompt",
                                          args={"session_id": session.id, "user_id": user})})  # fmt: skip
        await outbox.enqueue_many(tx, rows, now)

    async def _shared(self, tx: Tx, args: dict[str, Any], now: datetime) -> None:
        """The slides are in the session's thread (or their share failed): the evaluation DMs now link to them."""
        loaded = await self._sessions.get(int(args["session_id"]))
        if loaded is not None:
            await self._update_prompts(tx, loaded[0], loaded[1], int(args["version"]), now)

    # ---- what people see -------------------------------------------------------------------
    async def past(self, programs: list[Program], days: int = 90) -> list[tuple[Session, Program, SessionMaterials]]:
        """Past sessions of these programs that have materials, newest first."""
        found = await self._sessions.recent(programs, days=days)  # newest first
        db = self._db.reader
        held = await materials_repo.of_sessions(db, [s.id for s, _ in found])
        return [(s, p, await with_shared_slides(db, held[s.id]) or held[s.id]) for s, p in found if s.id in held]

    async def _render_thread(self, db: Reader, args: dict[str, Any], now: datetime) -> Message | None:
        session = await sessions_repo.get(db, int(args["session_id"]))
        program = await programs_repo.get(db, session.program_id, staff=False) if session else None
        materials = await materials_repo.get(db, session.id) if session else None
        if session is None or program is None or materials is None or session.status is SessionStatus.CANCELLED:
            return None
        return materials_reply(session, program, await with_shared_slides(db, materials) or materials)

    def register_renderers(self, renderers: Renderers) -> None:
        renderers.messages[THREAD_RENDER] = self._render_thread
        renderers.jobs[SHARED_JOB] = self._shared



