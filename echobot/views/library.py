"""The case library's views: the teaching points in the recommendations modal, the search modal and its
results, an entry read in a modal, and the similar-cases hint in the case modal."""

from __future__ import annotations

from typing import Any

from echobot.forms import LibraryQuery
from echobot.ids import Action, Callback, CaseField, LibraryField
from echobot.models import AGE_BANDS, LIBRARY_OUTCOMES, Case, LibraryEntry, Program
from echobot.views.blocks import (
    Block,
    actions,
    button,
    checkboxes,
    context,
    divider,
    escape,
    input_block,
    modal,
    section,
    static_select,
    text_input,
    typed_text,
)

CONSENT_TEXT = "Add this case's teaching points to the program's *case library*"
NO_CONSENT = ("The presenter did not agree that this case be used for teaching: it cannot go into the case "
              "library.")  # fmt: skip


def teaching_blocks(case: Case, tags: list[str]) -> list[Block]:
    """The recommendations modal's library part: the specialist's consent and the teaching points (all optional
    unless the consent is ticked), or why this case cannot go in."""
    if not case.teaching_consent:
        return [divider(), context(NO_CONSENT)]
    known = f" This program's tags: {', '.join(tags[:15])}." if tags else ""
    return [
        divider(),
        section("*Case library* · the presenter agreed that this case be used for teaching. Its clinical text "
                "never goes in: write the teaching points in general terms."),
        input_block(LibraryField.CONSENT, "Library", checkboxes(LibraryField.CONSENT, [(CONSENT_TEXT, "yes")]),
                    optional=True),
        input_block(LibraryField.TITLE, "Title", text_input(LibraryField.TITLE, max_length=80,
                    placeholder="Genotype 3 with compensated cirrhosis: 12 weeks or add ribavirin?"),
                    optional=True),
        input_block(LibraryField.TAGS, "Tags", text_input(LibraryField.TAGS, max_length=200,
                    placeholder="HCV, genotype 3, cirrhosis"), optional=True,
                    hint=f"Separate them with commas; new tags join the program's list.{known}"[:150]),
        input_block(LibraryField.QUESTION, "Key question", text_input(LibraryField.QUESTION, multiline=True,
                    max_length=500), optional=True),
        input_block(LibraryField.RECOMMENDATION, "The hub's recommendation, in general terms",
                    text_input(LibraryField.RECOMMENDATION, multiline=True, max_length=1500), optional=True),
        context("Checked for patient identifiers like every field. The entry names the presenter only if they "
                "asked to be credited."),
    ]


def _outcome(entry: LibraryEntry) -> str:
    return f"outcome: {LIBRARY_OUTCOMES[entry.outcome].lower()}" if entry.outcome else "outcome not yet known"


def entry_line(entry: LibraryEntry, program: Program | None) -> Block:
    """One result: title, tags, year, outcome (and program), with its Read button."""
    tags = " · ".join(f"`{escape(tag)}`" for tag in entry.tag_list[:8])
    where = f" · {escape(program.name)}" if program else ""
    text = f"*{escape(entry.title)}*\n{tags}\n{entry.year} · {_outcome(entry)}{where}"
    return section(text[:3000], block_id=f"library-{entry.id}",
                   accessory=button("Read", Action.LIBRARY_READ, str(entry.id)))  # fmt: skip


def results_blocks(entries: list[LibraryEntry], programs: dict[int, Program], words: str = "",
                   query: LibraryQuery | None = None, tags: list[str] | None = None) -> list[Block]:  # fmt: skip
    if not entries:
        return nothing_found(words, query, tags)
    heading = f"*{len(entries)} entr{'y' if len(entries) == 1 else 'ies'}*, best match first"
    return [section(heading), *(entry_line(e, programs.get(e.program_id)) for e in entries)]


def nothing_found(words: str, query: LibraryQuery | None, tags: list[str] | None) -> list[Block]:
    """No entry matched: what was searched for, and what to try (or why the library has nothing yet)."""
    if tags is not None and not tags:
        return [section("Your programs' case library has no entries yet. An entry is added when a specialist "
                        "records recommendations with teaching points for a case whose presenter agreed that it "
                        "be used for teaching.")]  # fmt: skip
    tag, band = (query.tag, query.age_band) if query else (None, None)
    searched = [f"“{escape(words[:100])}”" if words.strip() else "", f"tagged `{escape(tag)}`" if tag else "",
                f"aged {band}" if band else ""]  # fmt: skip
    said = " ".join(part for part in searched if part)
    tries = [*(["without the tag"] if tag else []), *(["any age band"] if band else [])]
    if words.strip():
        tries.append("other or fewer words: a drug, a condition or a question's key term")
    known = f" This library's most used tags: {', '.join(f'`{escape(t)}`' for t in tags[:6])}." if tags else ""
    what = f" for {said}" if said else ""
    return [section(f"No library entry found{what}. Try {' or '.join(tries) or 'other words'}.{known}")]


def search_modal(programs: list[Program], tags: list[str], query: LibraryQuery | None = None,
                 results: list[Block] | None = None) -> Block:  # fmt: skip
    """The search box with its filters; after a search, the same modal with the results below."""
    query = query or LibraryQuery()
    blocks: list[Block] = [
        input_block(LibraryField.WORDS, "Search words", text_input(LibraryField.WORDS, initial=query.words,
                    max_length=200, placeholder="genotype 3 cirrhosis ribavirin"), optional=True),
    ]
    if len(programs) > 1:
        blocks.append(input_block(LibraryField.PROGRAM, "Program", static_select(
            LibraryField.PROGRAM, [(p.name[:75], str(p.id)) for p in programs[:100]], initial=query.program_id,
            placeholder="All your programs"), optional=True))  # fmt: skip
    if tags:
        blocks.append(input_block(LibraryField.TAG, "Tag", static_select(
            LibraryField.TAG, [(t[:75], t) for t in tags[:100]], initial=query.tag, placeholder="Any tag"),
            optional=True))  # fmt: skip
    blocks.append(input_block(LibraryField.AGE_BAND, "Age band", static_select(
        LibraryField.AGE_BAND, [(band, band) for band in AGE_BANDS], initial=query.age_band,
        placeholder="Any age"), optional=True))  # fmt: skip
    if results is not None:
        blocks += [divider(), *results[:80]]
    else:
        blocks.append(context("What the hub taught in earlier cases of your programs: teaching points only, "
                              "never a case's clinical text."))  # fmt: skip
    return modal("Case library", Callback.LIBRARY_SEARCH_VIEW, blocks, submit="Search", close="Close")


def entry_modal(entry: LibraryEntry, program: Program, may_hide: bool) -> Block:
    """A whole entry, read from a search result or the case modal's hint."""
    credited = f"Presented by <@{entry.credited}>." if entry.credited else "The presenter is not named."
    blocks: list[Block] = [
        section(f"*{escape(entry.title)}*\n{escape(program.name)} · {entry.year}"),
        section(f"*Patient:* {entry.age_band}, {entry.sex} · *{_outcome(entry).capitalize()}*\n"
                f"*Tags:* {escape(entry.tags)}"),
        *typed_text("Key question", entry.question),
        *typed_text("The hub's recommendation", entry.recommendation),
        context(f"{credited} Teaching points written by the hub in general terms, not advice for another patient."),
    ]
    if may_hide:
        hide = button("Hide from the library", Action.LIBRARY_HIDE, str(entry.id), style="danger")
        hide["confirm"] = {"title": {"type": "plain_text", "text": "Hide this entry?"},
                           "text": {"type": "mrkdwn", "text": "It will no longer show in searches. The change is "
                                    "recorded in the audit log."},
                           "confirm": {"type": "plain_text", "text": "Hide"},
                           "deny": {"type": "plain_text", "text": "Keep it"}}  # fmt: skip
        blocks.append(actions(hide, block_id="library-coordinator"))
    return modal("Case library", Callback.NOTICE_VIEW, blocks, submit=None, close="Back")


def review_modal(entry: LibraryEntry, program: Program) -> Block:
    """A coordinator reviews an entry hidden because its case was reported as holding identifiers: the entry as
    it would show, then Keep hidden or Show again."""
    show = button("Show again", Action.LIBRARY_SHOW, str(entry.id), style="primary")
    show["confirm"] = {"title": {"type": "plain_text", "text": "Show this entry again?"},
                       "text": {"type": "mrkdwn", "text": "Only if nothing in it points to the patient: it shows "
                                "in searches again. The decision is recorded in the audit log."},
                       "confirm": {"type": "plain_text", "text": "Show again"},
                       "deny": {"type": "plain_text", "text": "Not yet"}}  # fmt: skip
    blocks: list[Block] = [
        section(f"Someone reported patient identifiers in the case behind this entry, so it is hidden from "
                f"{escape(program.name)}'s case library. Read it: if it names or points to the patient, keep it "
                "hidden; if its teaching points are general, show it again."),
        section(f"*{escape(entry.title)}*\n{escape(program.name)} · {entry.year}"),
        section(f"*Patient:* {entry.age_band}, {entry.sex}\n*Tags:* {escape(entry.tags)}"),
        *typed_text("Key question", entry.question),
        *typed_text("The hub's recommendation", entry.recommendation),
        actions(button("Keep hidden", Action.LIBRARY_KEEP_HIDDEN, str(entry.id), style="danger"), show,
                block_id="library-review"),
    ]  # fmt: skip
    return modal("Review library entry", Callback.NOTICE_VIEW, blocks, submit=None, close="Close")


def similar_blocks(entries: list[LibraryEntry], programs: dict[int, Program]) -> list[Block]:
    """The case modal's hint: up to three entries like the case being written."""
    if not entries:
        return [context("No similar case in the library yet: the hub will discuss yours.")]
    return [section("*Similar cases the hub has discussed*: read them while you wait; your case still goes in "
                    "when you submit it."),
            *(entry_line(e, programs.get(e.program_id)) for e in entries)]


def with_similar(view: dict[str, Any], hint: list[Block]) -> Block:
    """The case modal as it is open (`view`, what Slack sent) with the similar-cases hint after the question
    (replacing an earlier hint). Inputs keep their block ids, so Slack keeps what the provider typed."""
    kept = [b for b in view.get("blocks", []) if not str(b.get("block_id", "")).startswith(CaseField.SIMILAR)]
    marked = [{**block, "block_id": f"{CaseField.SIMILAR}-{i}"} for i, block in enumerate(hint)]
    ids = [str(b.get("block_id", "")) for b in kept]
    anchor = f"{CaseField.QUESTION}-similar" if f"{CaseField.QUESTION}-similar" in ids else CaseField.QUESTION
    at = ids.index(anchor) + 1 if anchor in ids else len(kept)
    rebuilt = {key: view[key] for key in ("type", "callback_id", "title", "submit", "close", "private_metadata")
               if view.get(key)}  # fmt: skip
    rebuilt["blocks"] = [*kept[:at], *marked, *kept[at:]]
    return rebuilt
