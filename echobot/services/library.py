"""The case library: what the hub taught stays findable. A specialist's teaching points (title, tags, the key
question, the hub's recommendation in general terms) become an entry when both the submitter (at submission) and
the specialist (with the recommendations) agree; an entry holds no clinical text, so it outlives retention, and
names the presenter only when they asked to be credited. Members of a program (and its staff) search its entries;
its coordinators can hide one (audited)."""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field
from datetime import datetime

from echobot import phi
from echobot.clock import Clock
from echobot.forms import LibraryQuery, TeachingForm
from echobot.ids import LibraryField
from echobot.models import AGE_BANDS, LIBRARY_OUTCOMES, Case, LibraryEntry, Person, Program
from echobot.services.programs import Programs
from echobot.storage import Database, Tx, audit, library_search
from echobot.storage import library as library_repo
from echobot.views.blocks import escape

log = logging.getLogger(__name__)

LIMITS = {LibraryField.TITLE: 80, LibraryField.TAGS: 200, LibraryField.QUESTION: 500,
          LibraryField.RECOMMENDATION: 1500}  # fmt: skip
REQUIRED = {
    LibraryField.TITLE: "Give the entry a short title (what the case teaches).",
    LibraryField.TAGS: "Give a few tags, separated by commas (e.g. HCV, genotype 3, cirrhosis).",
    LibraryField.QUESTION: "Write the key question, in general terms.",
    LibraryField.RECOMMENDATION: "Write the hub's recommendation, in general terms.",
}
MAX_TAGS, TAG_LENGTH = 8, 40
RESULTS = 10  # entries a search shows
SIMILAR = 3  # entries the case modal's hint offers


def split_tags(text: str) -> list[str]:
    """Tags as typed, separated by commas (or semicolons), spaces tidied, once each (case-insensitively)."""
    found: dict[str, str] = {}
    for piece in re.split(r"[,;\n]", text):
        tag = " ".join(piece.split())
        if tag and tag.lower() not in found:
            found[tag.lower()] = tag
    return list(found.values())


async def hold_for_review(tx: Tx, case_id: int, actor: str, now: datetime) -> LibraryEntry | None:
    """In a report of identifiers' transaction: the case's library entry (teaching points the specialist typed,
    which may hold them too) is hidden at once, pending a coordinator's review; audited. The entry if it waits
    for review (None when the case has none, or a coordinator had already hidden it)."""
    entry = await library_repo.hold_for_review(tx, case_id, actor, now)
    if entry is None or not entry.pending_review:
        return None
    await audit.record(tx, now, actor, "library.hold", f"library:{entry.id}", {"case": case_id})
    return entry


@dataclass
class SearchResult:
    entries: list[LibraryEntry] = field(default_factory=list)
    programs: dict[int, Program] = field(default_factory=dict)
    refused: str = ""  # why nothing was searched (no programs, nothing to search for)
    field: str = ""  # the modal field that refusal belongs on


class Library:
    def __init__(self, db: Database, clock: Clock, programs: Programs) -> None:
        self._db = db
        self._clock = clock
        self._programs = programs

    # ---- teaching points, with the recommendations (Cases calls these) ---------------------------------------
    @staticmethod
    def check(form: TeachingForm, case: Case) -> dict[str, str]:
        """Field errors of the teaching points: none unless the specialist chose to add the case to the library
        (and the submitter agreed); then every field is needed, within its limit, and passes the PHI guard."""
        if not form.consent or not case.teaching_consent:
            return {}
        texts = {LibraryField.TITLE: form.title, LibraryField.TAGS: form.tags, LibraryField.QUESTION: form.question,
                 LibraryField.RECOMMENDATION: form.recommendation}  # fmt: skip
        errors: dict[str, str] = {}
        for name, text in texts.items():
            if not text.strip():
                errors[name] = REQUIRED[name]
            elif len(text) > LIMITS[name]:
                errors[name] = f"Keep this under {LIMITS[name]} characters."
        tags = split_tags(form.tags)
        if LibraryField.TAGS not in errors and (len(tags) > MAX_TAGS or any(len(t) > TAG_LENGTH for t in tags)):
            errors[LibraryField.TAGS] = f"At most {MAX_TAGS} tags of up to {TAG_LENGTH} characters each."
        # teaching points describe a patient as a case field does: no name of anyone passes
        errors.update(phi.field_errors({k: v for k, v in texts.items() if k not in errors}, kind=phi.FieldKind.CASE))
        return errors

    async def record(self, tx: Tx, case: Case, form: TeachingForm, actor: str, now: datetime) -> LibraryEntry | None:
        """The case's entry, in the recommendations' transaction: only with both consents (checked by `check`)."""
        if not form.consent or not case.teaching_consent:
            return None
        tags = split_tags(form.tags)
        fields = {"program_id": case.program_id, "case_id": case.id, "title": form.title.strip(),
                  "tags": ", ".join(tags), "question": form.question.strip(),
                  "recommendation": form.recommendation.strip(), "age_band": case.age_band, "sex": case.sex,
                  "year": case.submitted_at.year, "credited": case.submitter if case.credit_consent else None,
                  "created_by": actor}  # fmt: skip
        entry = await library_repo.create(tx, fields, [tag.lower() for tag in tags], now)
        if entry is not None:
            await audit.record(tx, now, actor, "library.add", f"library:{entry.id}", {"case": case.id})
            log.info("library entry %s added from case %s", entry.id, case.id)
        return entry

    @staticmethod
    async def outcome(tx: Tx, case_id: int, outcome: str) -> None:
        """The submitter's follow-up answer (improved, unchanged, worse) updates the case's entry."""
        if outcome in LIBRARY_OUTCOMES:
            await library_repo.set_outcome(tx, case_id, outcome)

    async def tags(self, programs: list[Program]) -> list[str]:
        return await library_repo.tags(self._db.reader, [p.id for p in programs])

    # ---- searching --------------------------------------------------------------------------------------------
    async def programs_of(self, person: Person) -> list[Program]:
        """Whose entries this person may read: the programs they joined or are on the staff of."""
        return await self._programs.of_person(person)

    async def search(self, person: Person, query: LibraryQuery) -> SearchResult:
        """The person's programs' visible entries matching the words, best first, within the filters."""
        programs = await self.programs_of(person)
        if not programs:
            return SearchResult(refused="Join a program to search its case library: `/echo program list`.",
                                field=LibraryField.WORDS)  # fmt: skip
        chosen = [p for p in programs if query.program_id is None or str(p.id) == query.program_id]
        if query.program_name:
            chosen = [p for p in chosen if query.program_name.lower() in p.name.lower()]
        if not chosen:
            return SearchResult(refused="Choose one of your programs.", field=LibraryField.PROGRAM)
        words = library_search.terms(query.words)
        tag = (query.tag or "").strip().lower() or None
        age_band = query.age_band if query.age_band in AGE_BANDS else None
        if not words and not (tag or age_band or query.program_id or query.program_name):
            message = ("Type a few words that say what the case is about (a drug, a condition, a question)"
                       if query.words.strip() else "Type a few words, or choose a tag or an age band.")  # fmt: skip
            return SearchResult(refused=message, field=LibraryField.WORDS)
        filters = library_search.Filters([p.id for p in chosen], tag=tag, age_band=age_band)
        entries = await library_search.search(self._db.reader, words, filters, RESULTS)
        async with self._db.single() as tx:
            await library_repo.count_search(tx, [p.id for p in chosen], self._clock.now())
        return SearchResult(entries=entries, programs={p.id: p for p in programs})

    async def similar(self, person: Person, program_id: str | None, text: str) -> SearchResult:
        """Up to three entries like a case being written (its summary and question), for the case modal's hint:
        the chosen program's entries, or those of every program the person joined. Not counted as a search."""
        programs = [p for p in await self.programs_of(person) if program_id in (None, "", str(p.id))]
        words = library_search.terms(text)
        if not programs or not words:
            return SearchResult(programs={p.id: p for p in programs})
        filters = library_search.Filters([p.id for p in programs])
        entries = await library_search.search(self._db.reader, words, filters, SIMILAR)
        return SearchResult(entries=entries, programs={p.id: p for p in programs})

    # ---- reading and hiding -----------------------------------------------------------------------------------
    async def read(self, person: Person, entry_id: int | None) -> tuple[LibraryEntry, Program, bool] | str:
        """(entry, program, whether this person may hide it), or why they may not read it."""
        entry = await library_repo.get(self._db.reader, entry_id) if entry_id else None
        programs = {p.id: p for p in await self.programs_of(person)}
        if entry is None or entry.hidden_at is not None or entry.program_id not in programs:
            return "That library entry is not there any more, or belongs to a program you are not part of."
        program = programs[entry.program_id]
        return entry, program, person.manages(program)

    async def hide(self, person: Person, entry_id: int | None) -> str:
        """A program's coordinators (and hub coordinators) hide an entry: it vanishes from search; audited."""
        entry = await library_repo.get(self._db.reader, entry_id) if entry_id else None
        program = await self._programs.get(entry.program_id) if entry else None
        if entry is None or program is None:
            return "That library entry no longer exists."
        if not person.manages(program):
            return f"Only {escape(program.name)}'s coordinators can hide its library entries."
        now = self._clock.now()
        async with self._db.transaction() as tx:
            if not await library_repo.hide(tx, entry.id, person.user_id, now):
                return "That entry was already hidden."
            await audit.record(tx, now, person.user_id, "library.hide", f"library:{entry.id}",
                               {"program": program.id})  # fmt: skip
        return f"Hidden: *{escape(entry.title)}* no longer shows in {escape(program.name)}'s case library."

    # ---- review after a report of identifiers ----------------------------------------------------------------
    async def pending(self, person: Person, entry_id: int | None) -> tuple[LibraryEntry, Program] | str:
        """An entry hidden by a report of identifiers, for its program's coordinators to review; or why not."""
        entry = await library_repo.get(self._db.reader, entry_id) if entry_id else None
        program = await self._programs.get(entry.program_id) if entry else None
        if entry is None or program is None:
            return "That library entry no longer exists."
        if not person.manages(program):
            return f"Only {escape(program.name)}'s coordinators can review its library entries."
        if not entry.pending_review:
            state = "hidden" if entry.hidden_at else "shown in the library"
            return f"*{escape(entry.title)}* was already reviewed: it is {state}."
        return entry, program

    async def review(self, person: Person, entry_id: int | None, show: bool) -> str:
        """A coordinator's decision on an entry hidden by a report of identifiers: Show again, or Keep hidden.
        Audited; the second decision finds it already made."""
        found = await self.pending(person, entry_id)
        if isinstance(found, str):
            return found
        entry, program = found
        now = self._clock.now()
        async with self._db.transaction() as tx:
            if not await library_repo.review(tx, entry.id, show, person.user_id, now):
                return f"*{escape(entry.title)}* was already reviewed."
            await audit.record(tx, now, person.user_id, "library.show" if show else "library.keep_hidden",
                               f"library:{entry.id}", {"program": program.id, "case": entry.case_id})  # fmt: skip
        if show:
            return f"Shown again: *{escape(entry.title)}* is back in {escape(program.name)}'s case library."
        return (f"Kept hidden: *{escape(entry.title)}* stays out of {escape(program.name)}'s case library. "
                "Nothing else changes.")  # fmt: skip
