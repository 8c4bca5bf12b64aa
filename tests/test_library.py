"""The case library (issue 15), end to end through signed requests: consents, teaching points, search, reading,
hiding, the follow-up outcome, retention, the similar-cases hint in the case modal, and the digest's counts."""

from __future__ import annotations

import json
import warnings
from datetime import timedelta
from pathlib import Path
from typing import Any

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import Connection, make_url, text
from sqlalchemy.dialects.postgresql import TSVECTOR
from sqlalchemy.ext.asyncio import create_async_engine

from echobot.ids import Action, Callback, CaseField, LibraryField, ProgramField, Teaching
from echobot.storage import Database, audit, cases, library, library_search
from echobot.storage.library_search import is_search_index
from echobot.storage.tables import library_entries, metadata
from tests import backends
from tests.harness import START, Bot
from tests.scenarios import (
    ALICE,
    REVIEW_CHANNEL,
    SPECIALIST,
    create_program,
    program_with_participant,
    register,
)
from tests.slack_driver import blocks_text, state_values
from tests.test_cases import click, modal_action, open_case_form, submit_case

BOB = "UBOB000001"
COORDINATOR = "UPCOORD001"
CONSENTS = {CaseField.TEACHING: [Teaching.TEACHING, Teaching.CREDIT]}
GENOTYPE = {
    LibraryField.CONSENT: ["yes"],
    LibraryField.TITLE: "Genotype 3 with compensated cirrhosis",
    LibraryField.TAGS: "HCV, genotype 3, cirrhosis",
    LibraryField.QUESTION: "Is 12 weeks of sofosbuvir/velpatasvir enough in compensated cirrhosis?",
    LibraryField.RECOMMENDATION: "12 weeks of sofosbuvir/velpatasvir; add ribavirin only with baseline NS5A RAS.",
}
STATINS = {
    LibraryField.CONSENT: ["yes"],
    LibraryField.TITLE: "Statins after HCV cure",
    LibraryField.TAGS: "lipids, statins",
    LibraryField.QUESTION: "May a statin be started after SVR?",
    LibraryField.RECOMMENDATION: "Yes: statins are safe after cure, also with compensated cirrhosis.",
}
RECOMMENDATIONS = {CaseField.RECOMMENDATIONS: "Sofosbuvir/velpatasvir for 12 weeks; repeat HCV RNA at SVR12."}


async def recommend(bot: Bot, case_id: int, teaching: dict[str, Any] | None = None) -> Any:
    """The specialist claims the case and records recommendations, with teaching points when given."""
    await click(bot, SPECIALIST, Action.CASE_CLAIM, str(case_id))
    return await modal_action(bot, SPECIALIST, Action.CASE_RECOMMEND, case_id, {**RECOMMENDATIONS, **(teaching or {})})


async def entry_from_a_case(bot: Bot, teaching: dict[str, Any], **case: Any) -> int:
    case_id = await submit_case(bot, **{**CONSENTS, **case})
    reply = await recommend(bot, case_id, teaching)
    assert reply.text == "", reply.text
    entry = await library.of_case(bot.db.reader, case_id)
    assert entry is not None
    return entry.id


async def search(bot: Bot, user: str, words: str) -> tuple[str, list[str]]:
    """`/echo library WORDS`: what the answer shows, and the titles of its entries in order."""
    reply = await bot.driver.command(user, f"library {words}")
    assert reply.status == 200
    blocks = reply.json.get("blocks", [])
    titles = [b["text"]["text"].split("\n")[0].strip("*") for b in blocks
              if str(b.get("block_id", "")).startswith("library-")]  # fmt: skip
    return reply.message_text, titles


def updated_view(bot: Bot) -> dict[str, Any]:
    view = bot.fake.last("views.update").args["view"]
    return view if isinstance(view, dict) else dict(json.loads(view))


async def test_teaching_points_become_an_entry_only_with_both_consents(bot: Bot) -> None:
    await program_with_participant(bot)
    # the submitter said no (left the checkbox empty): the recommendations modal says so and offers no library
    refused = await submit_case(bot)
    await click(bot, SPECIALIST, Action.CASE_CLAIM, str(refused))
    await bot.driver.click(SPECIALIST, Action.CASE_RECOMMEND, str(refused), channel=REVIEW_CHANNEL)
    await bot.settle()
    view = bot.fake.opened_views()[-1]
    assert "did not agree that this case be used for teaching" in blocks_text(view["blocks"])
    assert LibraryField.TITLE not in {b.get("block_id") for b in view["blocks"]}
    forged = {**view, "blocks": view["blocks"] + [{"type": "input", "block_id": k, "element": {
        "type": "plain_text_input" if k != LibraryField.CONSENT else "checkboxes", "action_id": k,
        **({"options": [{"text": {"type": "mrkdwn", "text": "x"}, "value": "yes"}]} if k == LibraryField.CONSENT
           else {})}} for k in GENOTYPE]}  # fmt: skip
    reply = await bot.driver.submit(SPECIALIST, forged, {**RECOMMENDATIONS, **GENOTYPE})
    assert reply.text == "" and await library.of_case(bot.db.reader, refused) is None
    # the submitter agreed but the specialist did not tick "may go into the library": no entry either
    declined = await submit_case(bot, **CONSENTS)
    assert (await recommend(bot, declined, {**GENOTYPE, LibraryField.CONSENT: []})).text == ""
    assert await library.of_case(bot.db.reader, declined) is None
    # both agree: the PHI guard refuses an identifier on its own field, and nothing is saved
    agreed = await submit_case(bot, **CONSENTS)
    await click(bot, SPECIALIST, Action.CASE_CLAIM, str(agreed))
    reply = await modal_action(bot, SPECIALIST, Action.CASE_RECOMMEND, agreed, {
        **RECOMMENDATIONS, **GENOTYPE, LibraryField.QUESTION: "Mrs. Rosa Delgado asks whether 12 weeks is enough."})
    assert set(reply.errors) == {LibraryField.QUESTION} and "name" in reply.errors[LibraryField.QUESTION]
    reply = await modal_action(bot, SPECIALIST, Action.CASE_RECOMMEND, agreed, {**RECOMMENDATIONS, **GENOTYPE,
                               LibraryField.TITLE: "", LibraryField.TAGS: "x" * 41})  # fmt: skip
    assert set(reply.errors) == {LibraryField.TITLE, LibraryField.TAGS}
    assert await library.of_case(bot.db.reader, agreed) is None
    reply = await modal_action(bot, SPECIALIST, Action.CASE_RECOMMEND, agreed, {**RECOMMENDATIONS, **GENOTYPE})
    assert reply.text == ""
    entry = await library.of_case(bot.db.reader, agreed)
    assert entry is not None and entry.credited == ALICE and entry.age_band == "50–59" and entry.year == 2026
    # it holds the teaching points, never the case's clinical text
    stored = entry.model_dump_json()
    assert "HCV RNA 2,340,000" not in stored and "buprenorphine" not in stored and "SVR12" not in stored
    # Alice finds it by words and reads it: the whole entry, crediting her
    shown, titles = await search(bot, ALICE, "sofosbuvir cirrhosis")
    assert titles == ["Genotype 3 with compensated cirrhosis"] and "2026" in shown and "outcome not yet known" in shown
    await bot.driver.click(ALICE, Action.LIBRARY_READ, str(entry.id))
    await bot.settle()
    read = bot.fake.opened_views()[-1]
    text = blocks_text(read["blocks"])
    assert "add ribavirin only with baseline NS5A RAS" in text and f"Presented by <@{ALICE}>" in text
    assert "Hide from the library" not in str(read["blocks"])  # Alice is not a coordinator


async def test_search_ranks_by_tags_and_words_and_shows_only_ones_own_programs(bot: Bot) -> None:
    await program_with_participant(bot)
    genotype = await entry_from_a_case(bot, GENOTYPE)
    await entry_from_a_case(bot, STATINS, **{CaseField.AGE_BAND: "60–69"})
    # "cirrhosis" is in both: the entry with it in its title and tags first
    _, titles = await search(bot, ALICE, "cirrhosis")
    assert titles == ["Genotype 3 with compensated cirrhosis", "Statins after HCV cure"]
    _, titles = await search(bot, ALICE, "statin cirrhosis")
    assert titles[0] == "Statins after HCV cure"
    # by tag, and by age band, with or without words
    assert (await search(bot, ALICE, 'tag:"genotype 3"'))[1] == ["Genotype 3 with compensated cirrhosis"]
    assert (await search(bot, ALICE, "cirrhosis age:60-69"))[1] == ["Statins after HCV cure"]
    shown, titles = await search(bot, ALICE, "warfarin")
    assert titles == [] and "No library entry found" in shown
    # nothing found says what was searched and what to try, with the library's tags
    shown, titles = await search(bot, ALICE, 'warfarin tag:cirrhosis age:18-29')
    assert titles == [] and "for “warfarin” tagged `cirrhosis` aged 18–29" in shown
    assert "Try without the tag or any age band or other or fewer words" in shown
    assert "most used tags: `cirrhosis`, `genotype 3`, `hcv`" in shown
    # another program's members do not see these entries, nor read them
    await create_program(bot, **{ProgramField.NAME: "Opioid Use Disorder ECHO"})
    await register(bot, BOB)
    await bot.driver.command(BOB, "join Opioid Use Disorder ECHO")
    await bot.settle()
    shown, titles = await search(bot, BOB, "cirrhosis")
    assert titles == [] and "Your programs' case library has no entries yet" in shown
    before = len(bot.fake.opened_views())
    await bot.driver.click(BOB, Action.LIBRARY_READ, str(genotype))
    await bot.settle()
    assert len(bot.fake.opened_views()) == before
    assert "belongs to a program you are not part of" in bot.fake.responses[-1]["text"]


async def test_the_search_modal_from_app_home(bot: Bot) -> None:
    await program_with_participant(bot)
    await entry_from_a_case(bot, GENOTYPE)
    await bot.driver.event({"type": "app_home_opened", "user": ALICE, "tab": "home"})
    await bot.settle()
    home = bot.fake.homes[ALICE]
    assert "Search the case library" in str(home["blocks"])
    await bot.driver.click(ALICE, Action.LIBRARY_OPEN, home=home)
    await bot.settle()
    view = bot.fake.opened_views()[-1]
    assert view["callback_id"] == Callback.LIBRARY_SEARCH_VIEW
    tags = next(b for b in view["blocks"] if b.get("block_id") == LibraryField.TAG)
    assert [o["value"] for o in tags["element"]["options"]] == ["cirrhosis", "genotype 3", "hcv"]
    reply = await bot.driver.submit(ALICE, view, {})
    assert "Type a few words" in reply.errors[LibraryField.WORDS]
    reply = await bot.driver.submit(ALICE, view, {LibraryField.WORDS: "velpatasvir"})
    assert reply.json["response_action"] == "update"
    assert "Genotype 3 with compensated cirrhosis" in blocks_text(reply.json["view"]["blocks"])
    reply = await bot.driver.submit(ALICE, view, {LibraryField.WORDS: "velpatasvir", LibraryField.AGE_BAND: "18–29"})
    assert "No library entry found" in blocks_text(reply.json["view"]["blocks"])


async def test_a_coordinator_hides_an_entry_and_it_vanishes(bot: Bot) -> None:
    await program_with_participant(bot)
    entry = await entry_from_a_case(bot, GENOTYPE)
    await bot.driver.click(ALICE, Action.LIBRARY_HIDE, str(entry), home={"id": "V0", "type": "modal"})
    await bot.settle()
    assert "Only Hepatitis C ECHO's coordinators can hide" in blocks_text(updated_view(bot)["blocks"])
    assert (await search(bot, ALICE, "genotype"))[1] == ["Genotype 3 with compensated cirrhosis"]
    await bot.driver.click(COORDINATOR, Action.LIBRARY_READ, str(entry))
    await bot.settle()
    read = bot.fake.opened_views()[-1]
    [hide] = [e for b in read["blocks"] if b["type"] == "actions" for e in b["elements"]]
    assert hide["action_id"] == Action.LIBRARY_HIDE and "confirm" in hide
    await bot.driver.click(COORDINATOR, Action.LIBRARY_HIDE, hide["value"], home=read)
    await bot.settle()
    assert "no longer shows in Hepatitis C ECHO's case library" in blocks_text(updated_view(bot)["blocks"])
    assert (await search(bot, ALICE, "genotype"))[1] == []
    hidden = await library.get(bot.db.reader, entry)
    assert hidden is not None and hidden.hidden_by == COORDINATOR
    [record] = await audit.recent(bot.db.reader, action_prefix="library.hide")
    assert record.actor == COORDINATOR and record.subject == f"library:{entry}"
    await bot.driver.click(ALICE, Action.LIBRARY_READ, str(entry))  # gone for readers too
    await bot.settle()
    assert "not there any more" in bot.fake.responses[-1]["text"]


async def test_the_follow_up_outcome_reaches_the_entry_and_the_entry_outlives_retention(bot: Bot) -> None:
    await program_with_participant(bot)
    entry_id = await entry_from_a_case(bot, GENOTYPE)
    case_id = (await library.get(bot.db.reader, entry_id)).case_id  # type: ignore[union-attr]
    bot.clock.advance(timedelta(weeks=4))
    await bot.runtime.tick()  # type: ignore[union-attr]
    await bot.driver.click(ALICE, f"{Action.FOLLOWUP}:improved", f"{case_id}:improved", channel="DALICE0001")
    await bot.settle()
    await bot.driver.submit(ALICE, bot.fake.opened_views()[-1], {CaseField.NOTE: "HCV RNA undetectable."})
    await bot.settle()
    shown, _ = await search(bot, ALICE, "genotype")
    assert "outcome: improved" in shown
    # closed, then purged after the retention period: the case's text goes, the entry stays and is found
    await click(bot, SPECIALIST, Action.CASE_CLOSE, str(case_id))
    bot.clock.advance(timedelta(days=366))
    await bot.runtime.tick()  # type: ignore[union-attr]
    case = await cases.get(bot.db.reader, case_id or 0)
    assert case is not None and case.purged_at is not None and case.summary is None
    shown, titles = await search(bot, ALICE, "genotype")
    assert titles == ["Genotype 3 with compensated cirrhosis"] and "outcome: improved" in shown
    entry = await library.get(bot.db.reader, entry_id)
    assert entry is not None and entry.recommendation.startswith("12 weeks of sofosbuvir/velpatasvir")


async def test_the_case_modal_offers_similar_cases(bot: Bot) -> None:
    await program_with_participant(bot)
    await entry_from_a_case(bot, GENOTYPE)
    await entry_from_a_case(bot, STATINS)
    view = await open_case_form(bot)
    assert "Find similar cases" in str(view["blocks"])
    typed = {CaseField.SUMMARY: "60s man, HCV genotype 3, cirrhosis, treatment-naive"}
    await bot.driver.click(ALICE, CaseField.SUMMARY, home={**view, "state": {"values": state_values(view, typed)}})
    await bot.settle()
    update = bot.fake.last("views.update").args
    shown = updated_view(bot)
    text = blocks_text(shown["blocks"])
    assert "Similar cases the hub has discussed" in text and "Genotype 3 with compensated cirrhosis" in text
    ids = [b.get("block_id") for b in shown["blocks"]]
    assert ids.index(CaseField.QUESTION) < ids.index(f"{CaseField.SIMILAR}-0") < ids.index(CaseField.CONFIRM)
    assert update["view_id"] == view["id"]
    # the case still goes in: submitting the modal as it now is
    reply = await bot.driver.submit(ALICE, {**shown, "id": view["id"]}, {**typed, CaseField.QUESTION: "12 weeks?",
                                    CaseField.AGE_BAND: "60–69", CaseField.SEX: "male",
                                    CaseField.PRESENTING: "Fatigue.", CaseField.URGENCY: "routine",
                                    CaseField.CONFIRM: ["yes"]})  # fmt: skip
    assert reply.text == "", reply.text


async def test_the_digest_counts_entries_added_and_searches(bot: Bot) -> None:
    await program_with_participant(bot)
    await entry_from_a_case(bot, GENOTYPE)
    await search(bot, ALICE, "genotype")
    await search(bot, ALICE, "cirrhosis")
    bot.clock.advance(timedelta(minutes=1))  # the digest covers the week up to the moment it is asked for
    await bot.driver.command(COORDINATOR, "digest")
    await bot.settle()
    digest = [p for p in bot.fake.posts_to(COORDINATOR) if "digest" in p["text"]][-1]
    assert "Case library this week: 1 entry added, 2 searches." in blocks_text(digest["blocks"])


async def test_a_report_of_identifiers_hides_the_entry_until_a_coordinator_reviews_it(bot: Bot) -> None:
    await program_with_participant(bot)
    entry = await entry_from_a_case(bot, GENOTYPE)
    case_id = (await library.get(bot.db.reader, entry)).case_id  # type: ignore[union-attr]
    assert (await search(bot, ALICE, "genotype"))[1] == ["Genotype 3 with compensated cirrhosis"]
    await bot.driver.click(SPECIALIST, Action.CASE_REPORT, str(case_id), channel=REVIEW_CHANNEL)
    await bot.settle()
    # hidden at once: search and reading no longer show it
    assert (await search(bot, ALICE, "genotype"))[1] == []
    await bot.driver.click(ALICE, Action.LIBRARY_READ, str(entry))
    await bot.settle()
    assert "not there any more" in bot.fake.responses[-1]["text"]
    held = await library.get(bot.db.reader, entry)
    assert held is not None and held.pending_review and held.hidden_by == SPECIALIST
    [record] = await audit.recent(bot.db.reader, action_prefix="library.hold")
    assert record.actor == SPECIALIST and record.subject == f"library:{entry}"
    # the hub thread's take-back notice says so, with the coordinators' button
    [notice] = [m for (channel, _), m in bot.fake.messages.items() if channel == REVIEW_CHANNEL
                and "removed its clinical text from the hub post, this thread" in m["text"]]  # fmt: skip
    assert notice.get("thread_ts")
    assert "library entry (the teaching points) is hidden" in blocks_text(notice["blocks"])
    [review] = [e for b in notice["blocks"] if b["type"] == "actions" for e in b["elements"]]
    assert review["action_id"] == Action.LIBRARY_REVIEW and review["value"] == str(entry)
    # the specialist who reported it is not a coordinator: told so, nothing opens
    opened = len(bot.fake.opened_views())
    await bot.driver.click(SPECIALIST, Action.LIBRARY_REVIEW, str(entry), channel=REVIEW_CHANNEL)
    await bot.settle()
    assert "Only Hepatitis C ECHO's coordinators can review" in bot.fake.responses[-1]["text"]
    assert len(bot.fake.opened_views()) == opened
    # a coordinator reads it and keeps it hidden
    await bot.driver.click(COORDINATOR, Action.LIBRARY_REVIEW, str(entry), channel=REVIEW_CHANNEL)
    await bot.settle()
    modal = bot.fake.opened_views()[-1]
    shown = blocks_text(modal["blocks"])
    assert "Genotype 3 with compensated cirrhosis" in shown and "sofosbuvir/velpatasvir" in shown
    buttons = {e["action_id"]: e for b in modal["blocks"] if b["type"] == "actions" for e in b["elements"]}
    assert set(buttons) == {Action.LIBRARY_KEEP_HIDDEN, Action.LIBRARY_SHOW}
    assert "confirm" in buttons[Action.LIBRARY_SHOW]
    await bot.driver.click(COORDINATOR, Action.LIBRARY_KEEP_HIDDEN, str(entry), home=modal)
    await bot.settle()
    assert "Kept hidden" in blocks_text(updated_view(bot)["blocks"])
    kept = await library.get(bot.db.reader, entry)
    assert kept is not None and not kept.pending_review and kept.hidden_by == COORDINATOR
    assert (await search(bot, ALICE, "genotype"))[1] == []
    # decided once: the button now says so, and Show again changes nothing
    await bot.driver.click(COORDINATOR, Action.LIBRARY_SHOW, str(entry), home=modal)
    await bot.settle()
    assert "already reviewed: it is hidden" in blocks_text(updated_view(bot)["blocks"])
    assert (await search(bot, ALICE, "genotype"))[1] == []
    [kept_record] = await audit.recent(bot.db.reader, action_prefix="library.keep_hidden")
    assert kept_record.actor == COORDINATOR and kept_record.subject == f"library:{entry}"


async def test_a_coordinator_shows_a_reviewed_entry_again(bot: Bot) -> None:
    await program_with_participant(bot)
    entry = await entry_from_a_case(bot, STATINS)
    case_id = (await library.get(bot.db.reader, entry)).case_id  # type: ignore[union-attr]
    await bot.driver.click(SPECIALIST, Action.CASE_REPORT, str(case_id), channel=REVIEW_CHANNEL)
    await bot.settle()
    assert (await search(bot, ALICE, "statins"))[1] == []
    await bot.driver.click(COORDINATOR, Action.LIBRARY_REVIEW, str(entry), channel=REVIEW_CHANNEL)
    await bot.settle()
    modal = bot.fake.opened_views()[-1]
    await bot.driver.click(COORDINATOR, Action.LIBRARY_SHOW, str(entry), home=modal)
    await bot.settle()
    assert "Shown again" in blocks_text(updated_view(bot)["blocks"])
    assert (await search(bot, ALICE, "statins"))[1] == ["Statins after HCV cure"]
    [record] = await audit.recent(bot.db.reader, action_prefix="library.show")
    assert record.actor == COORDINATOR and record.subject == f"library:{entry}"


def _declared_vs_migrated(conn: Connection) -> list[Any]:
    """What Alembic's autogenerate would change to make the migrated schema the declared one (SQLite's FTS5
    tables aside: a virtual table is no table SQLAlchemy can declare)."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # expression indexes and computed columns are not compared
        context = MigrationContext.configure(
            conn, opts={"include_name": lambda name, kind, _: kind != "table" or not is_search_index(name)}
        )
        found = compare_metadata(context, metadata)
    # primary keys without NOT NULL from the scripts before Alembic (SQLite) are not a difference that matters
    return [d for d in found if not (isinstance(d, list) and d[0][0] == "modify_nullable"
                                     and metadata.tables[d[0][2]].c[d[0][3]].primary_key)]  # fmt: skip


async def test_the_declared_schema_is_the_migrated_one_search_column_included(tmp_path: Path) -> None:
    database = backends.database(tmp_path / "schema.db")
    db = await Database.open(database)
    await db.close()
    url = make_url(database if "://" in database else f"sqlite:///{database}")
    url = url.set(drivername="postgresql+asyncpg" if url.get_backend_name() == "postgresql" else "sqlite+aiosqlite")
    engine = create_async_engine(url)
    try:
        async with engine.connect() as conn:
            assert await conn.run_sync(_declared_vs_migrated) == []
            if url.get_backend_name() == "postgresql":
                kind = await conn.scalar(text("SELECT data_type FROM information_schema.columns "
                                              "WHERE table_name = 'library_entries' AND column_name = 'search'"))
                assert kind == "tsvector" and isinstance(library_entries.c.search.type, TSVECTOR)
    finally:
        await engine.dispose()


async def test_search_among_many_entries_ranks_past_other_programs_and_hidden_ones(bot: Bot, monkeypatch: Any) -> None:
    """More matches than a search shows: the best of another program's entries and hidden ones are passed over
    (on SQLite FTS5 hands over its best CANDIDATES first, then every match when those do not fill the page), and
    the order is the one every match ranked gives."""
    mine = await program_with_participant(bot)
    other = (await create_program(bot, **{ProgramField.NAME: "Opioid Use Disorder ECHO"})).id
    async with bot.db.transaction() as tx:
        for n in range(60):  # the strongest matches: "cirrhosis" in the title and tags, another program's
            await library.create(tx, entry_fields(other, f"Cirrhosis {n}", "cirrhosis", "Ask the hub."), ["x"], START)
        for n in range(12):  # this program's: the word only in the recommendation, once or twice
            advice = "Watch for cirrhosis." + (" Cirrhosis again." if n % 2 else "")
            await library.create(tx, entry_fields(mine, f"Mine {n}", "lipids", advice), ["lipids"], START)
    words = library_search.terms("cirrhosis")
    found = await library_search.search(bot.db.reader, words, library_search.Filters([mine]), 10)
    assert len(found) == 10 and {e.program_id for e in found} == {mine}
    assert all("again" in e.recommendation for e in found[:6])  # the word twice ranks first
    both = library_search.Filters([mine, other])
    best = await library_search.search(bot.db.reader, words, both, 10)
    assert [e.title for e in best[:10]] == [e.title for e in best if e.program_id == other][:10]
    async with bot.db.transaction() as tx:  # hide the ten best: the next ten come, in the same order as ranked all
        for entry in best:
            await library.hide(tx, entry.id, "UPCOORD001", START)
    monkeypatch.setattr(library_search, "CANDIDATES", 100_000)
    everything = await library_search.search(bot.db.reader, words, both, 10)
    monkeypatch.undo()
    after = await library_search.search(bot.db.reader, words, both, 10)
    assert [e.id for e in after] == [e.id for e in everything] and not {e.id for e in after} & {e.id for e in best}


def entry_fields(program_id: int, title: str, tags: str, recommendation: str) -> dict[str, Any]:
    return {"program_id": program_id, "case_id": None, "title": title, "tags": tags, "question": "What to do?",
            "recommendation": recommendation, "age_band": "50–59", "sex": "female", "year": 2026,
            "credited": None, "created_by": SPECIALIST}  # fmt: skip
