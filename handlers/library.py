"""The case library at the Slack edge: /echo library, the search modal (App Home's button), reading an entry,
a coordinator hiding one, and the similar-cases hint in the case modal."""

from __future__ import annotations

import logging
import shlex
from typing import Any

from slack_bolt.async_app import AsyncApp
from slack_bolt.context.ack.async_ack import AsyncAck
from slack_bolt.context.respond.async_respond import AsyncRespond
from slack_sdk.errors import SlackApiError
from slack_sdk.web.async_client import AsyncWebClient

from echobot.container import Services
from echobot.forms import LibraryQuery
from echobot.handlers.command import CommandRequest, Router
from echobot.handlers.context import Actor
from echobot.handlers.forms import choice, text
from echobot.handlers.modals import open_modal
from echobot.handlers.replies import reply_later
from echobot.ids import Action, Callback, CaseField, LibraryField
from echobot.models import AGE_BANDS
from echobot.slack_client import NETWORK_ERRORS, slack_error_code
from echobot.validation import parse_id
from echobot.views.blocks import Block, actions, button, context, modal, section
from echobot.views.library import (
    entry_modal,
    results_blocks,
    review_modal,
    search_modal,
    similar_blocks,
    with_similar,
)

log = logging.getLogger(__name__)
BANDS = {band.replace("–", "-").replace(" ", ""): band for band in AGE_BANDS}


def query_from_words(words: str) -> LibraryQuery:
    """`/echo library WORDS [tag:X] [age:50-59] [program:NAME]` (quotes for spaces: tag:"genotype 3")."""
    try:
        tokens = shlex.split(words)
    except ValueError:
        tokens = words.split()
    query = LibraryQuery()
    plain: list[str] = []
    for token in tokens:
        key, colon, value = token.partition(":")
        if colon and value and key.lower() == "tag":
            query.tag = value
        elif colon and value and key.lower() == "age":
            query.age_band = BANDS.get(value.replace("–", "-").replace(" ", "").lower(), value)
        elif colon and value and key.lower() == "program":
            query.program_name = value
        else:
            plain.append(token)
    query.words = " ".join(plain)
    return query


async def library_command(request: CommandRequest) -> None:
    """With words: the best matches, ephemeral, each with Read; without: the search modal."""
    if not request.args:
        await request.ack()
        request.services.inflight.spawn(open_search(request.services, request.client, request.trigger_id,
                                                    request.person.user_id), "library-open")  # fmt: skip
        return
    query = query_from_words(" ".join(request.args))
    found = await request.services.library.search(request.person, query)
    if found.refused:
        await request.ack(text=found.refused)
        return
    tags = None if found.entries else await request.services.library.tags(list(found.programs.values()))
    blocks: list[Block] = [*results_blocks(found.entries, found.programs, query.words, query, tags)[:45],
                           actions(button("Search with filters", Action.LIBRARY_OPEN))]  # fmt: skip
    await request.ack(text=f"{len(found.entries)} library entries", blocks=blocks)


async def open_search(services: Services, client: AsyncWebClient, trigger_id: str, user_id: str) -> None:
    person = await services.people.whois(user_id)
    programs = await services.library.programs_of(person)
    if not programs:
        view = modal("Case library", Callback.NOTICE_VIEW, [section(
            "Join a program to search its case library: `/echo program list` shows them.")], submit=None,
            close="Close")  # fmt: skip
    else:
        view = search_modal(programs, await services.library.tags(programs))
    await open_modal(client, trigger_id, view, user_id=user_id)


async def open_library(ack: AsyncAck, client: AsyncWebClient, services: Services, actor: Actor,
                       trigger_id: str) -> None:  # fmt: skip
    """App Home's "Search the case library" (and the button under /echo library's answer)."""
    await ack()
    services.inflight.spawn(open_search(services, client, trigger_id, actor.user_id), "library-open")


async def submit_search(ack: AsyncAck, services: Services, actor: Actor, values: dict) -> None:
    """A search from the modal: the same modal again, with the results below the search box."""
    query = LibraryQuery(words=text(values, LibraryField.WORDS), program_id=choice(values, LibraryField.PROGRAM),
                         tag=choice(values, LibraryField.TAG),
                         age_band=choice(values, LibraryField.AGE_BAND))  # fmt: skip
    person = await actor.person()
    found = await services.library.search(person, query)
    if found.refused:
        await ack(response_action="errors", errors={found.field: found.refused})
        return
    programs = list(found.programs.values())
    tags = await services.library.tags(programs)
    view = search_modal(programs, tags, query, results_blocks(found.entries, found.programs, query.words, query,
                                                              tags))  # fmt: skip
    await ack(response_action="update", view=view)


async def show(client: AsyncWebClient, body: dict, trigger_id: str, user_id: str, view: dict[str, Any]) -> None:
    """A modal over the one clicked in (views.push), or a new one for a click in a message or Home."""
    container = body.get("view") or {}
    if container.get("type") != "modal":
        await open_modal(client, trigger_id, view, user_id=user_id)
        return
    try:
        await client.views_push(trigger_id=trigger_id, view=view)
    except SlackApiError as error:
        log.info("views.push failed for %s: %s", user_id, slack_error_code(error))
    except NETWORK_ERRORS as error:
        log.info("views.push failed for %s: %s", user_id, type(error).__name__)


async def read_entry(ack: AsyncAck, action: dict, body: dict, client: AsyncWebClient, respond: AsyncRespond,
                     services: Services, actor: Actor, trigger_id: str) -> None:  # fmt: skip
    """"Read": the whole entry in a modal, for members of its program."""
    await ack()
    found = await services.library.read(await actor.person(), parse_id(action.get("value")))
    if isinstance(found, str):
        if getattr(respond, "response_url", None):
            reply_later(services.inflight, respond, text=found, response_type="ephemeral")
        else:
            notice = modal("Case library", Callback.NOTICE_VIEW, [section(found)], submit=None, close="Back")
            services.inflight.spawn(show(client, body, trigger_id, actor.user_id, notice), "library-read")
        return
    services.inflight.spawn(show(client, body, trigger_id, actor.user_id, entry_modal(*found)), "library-read")


async def review_entry(ack: AsyncAck, action: dict, body: dict, client: AsyncWebClient, respond: AsyncRespond,
                       services: Services, actor: Actor, trigger_id: str) -> None:  # fmt: skip
    """"Review the library entry" on the take-back notice: for the program's coordinators, the hidden entry with
    Keep hidden and Show again; anyone else is told why not."""
    await ack()
    found = await services.library.pending(await actor.person(), parse_id(action.get("value")))
    if isinstance(found, str):
        reply_later(services.inflight, respond, text=found, response_type="ephemeral")
        return
    services.inflight.spawn(show(client, body, trigger_id, actor.user_id, review_modal(*found)), "library-review")


async def decide_review(ack: AsyncAck, action: dict, body: dict, client: AsyncWebClient, services: Services,
                        actor: Actor) -> None:  # fmt: skip
    """Keep hidden, or Show again (after the confirm dialog): audited; the modal says what happened."""
    await ack()
    show_again = action.get("action_id") == Action.LIBRARY_SHOW
    said = await services.library.review(await actor.person(), parse_id(action.get("value")), show_again)
    await tell_in_modal(client, body, actor.user_id, said)


async def tell_in_modal(client: AsyncWebClient, body: dict, user_id: str, said: str) -> None:
    """The modal clicked in becomes a notice saying what happened."""
    view_id = (body.get("view") or {}).get("id")
    if not view_id:
        return
    notice = modal("Case library", Callback.NOTICE_VIEW, [section(said)], submit=None, close="Back")
    try:
        await client.views_update(view_id=view_id, view=notice)
    except SlackApiError as error:
        log.info("could not update the library modal for %s: %s", user_id, slack_error_code(error))
    except NETWORK_ERRORS as error:
        log.info("could not update the library modal for %s: %s", user_id, type(error).__name__)


async def hide_entry(ack: AsyncAck, action: dict, body: dict, client: AsyncWebClient, services: Services,
                     actor: Actor) -> None:  # fmt: skip
    """A coordinator hides an entry (after the confirm dialog); the modal says what happened."""
    await ack()
    said = await services.library.hide(await actor.person(), parse_id(action.get("value")))
    await tell_in_modal(client, body, actor.user_id, said)


async def similar_cases(ack: AsyncAck, body: dict, client: AsyncWebClient, services: Services, actor: Actor,
                        values: dict) -> None:  # fmt: skip
    """Enter in the case modal's summary, or "Find similar cases": up to three library entries like the case
    being written, shown in the open modal (views.update; what the provider typed stays)."""
    await ack()
    view = body.get("view") or {}
    words = f"{text(values, CaseField.SUMMARY)} {text(values, CaseField.QUESTION)}"
    found = await services.library.similar(await actor.person(), choice(values, CaseField.PROGRAM), words)
    if not words.strip():
        hint = [context("Type the summary (and the question) first: the hint looks for their words.")]
    else:
        hint = similar_blocks(found.entries, found.programs)
    try:
        await client.views_update(view_id=view.get("id"), hash=view.get("hash"), view=with_similar(view, hint))
    except SlackApiError as error:  # hash_conflict: the modal changed meanwhile; the next Enter tries again
        log.info("could not show similar cases to %s: %s", actor.user_id, slack_error_code(error))
    except NETWORK_ERRORS as error:
        log.info("could not show similar cases to %s: %s", actor.user_id, type(error).__name__)


def register(app: AsyncApp, router: Router) -> None:
    router.add("library", library_command)
    app.action(Action.LIBRARY_OPEN)(open_library)
    app.view(Callback.LIBRARY_SEARCH_VIEW)(submit_search)
    app.action(Action.LIBRARY_READ)(read_entry)
    app.action(Action.LIBRARY_HIDE)(hide_entry)
    app.action(Action.LIBRARY_REVIEW)(review_entry)
    app.action(Action.LIBRARY_SHOW)(decide_review)
    app.action(Action.LIBRARY_KEEP_HIDDEN)(decide_review)
    app.action(Action.CASE_SIMILAR)(similar_cases)
    app.action(CaseField.SUMMARY)(similar_cases)



