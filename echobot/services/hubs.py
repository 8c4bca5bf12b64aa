"""Hubs: who a hub is (its settings), its install and uninstall, its settings changed by its coordinators, and
its records removed for good when it asks. The hub acted for is storage.hub.current()."""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from echobot.clock import Clock
from echobot.models import HubProfile, Person
from echobot.settings import WEEKDAYS
from echobot.storage import Database, audit, hub
from echobot.storage import coordinators as coordinators_repo
from echobot.storage import hubs as hubs_repo
from echobot.storage import outbox as outbox_repo

log = logging.getLogger(__name__)

NAME_LIMIT = 80
STATEMENT_LIMIT = 1000


@dataclass(frozen=True)
class HubDefaults:
    """The environment's settings: the single-token hub's, and what an unset hub setting falls back to."""

    name: str
    timezone: str
    statement: str
    digest_day: str = "monday"
    digest_time: str = "08:00"
    digest_channel: str = ""


@dataclass(frozen=True)
class HubSettingsForm:
    name: str
    timezone: str
    statement: str
    digest_day: str = ""  # empty: the environment's (ECHOBOT_DIGEST_DAY), and so on
    digest_time: str = ""
    digest_channel: str = ""


class Hubs:
    """`many` is distribution mode (OAuth installs, one hub per installation); else the one DEFAULT_HUB."""

    def __init__(self, db: Database, clock: Clock, defaults: HubDefaults, *, many: bool) -> None:
        self._db = db
        self._clock = clock
        self._defaults = defaults
        self.many = many
        self._profiles: dict[str, HubProfile] = {}
        db.on_commit(hubs_repo.TOPIC, self._profiles.clear)

    async def profile(self) -> HubProfile:
        """The current hub with its settings, unset ones filled from the environment (cached until a change)."""
        key = hub.current()
        cached = self._profiles.get(key)
        if cached is not None:
            return cached
        stored = await hubs_repo.get(self._db.reader, key) or HubProfile(hub_id=key)
        profile = stored.model_copy(update={
            "name": stored.name or self._defaults.name,
            "timezone": stored.timezone or self._defaults.timezone,
            "accreditation_statement": stored.accreditation_statement or self._defaults.statement,
            "digest_day": stored.digest_day or self._defaults.digest_day,
            "digest_time": stored.digest_time or self._defaults.digest_time,
            "digest_channel": stored.digest_channel or self._defaults.digest_channel,
        })  # fmt: skip
        self._profiles[key] = profile
        return profile

    async def serving(self) -> list[str]:
        """The hubs whose periodic work runs: the one hub, or every installed hub not uninstalled."""
        if not self.many:
            return [hub.DEFAULT_HUB]
        return await hubs_repo.serving(self._db.reader)

    async def each(self, work: Callable[[], Awaitable[object]]) -> None:
        """Run `work` once for every hub served, acting for that hub; one hub's failure does not stop the rest."""
        for key in await self.serving():
            with hub.scope(key):
                try:
                    await work()
                except Exception:
                    log.exception("periodic work failed for hub %s", key)

    async def installed(self, hub_id: str, *, enterprise_id: str | None, team_id: str | None, name: str,
                        installer: str) -> bool:  # fmt: skip
        """An install (OAuth) completed: the hub's row, its first coordinator (the installing person), audited.
        A reinstall lets sending resume. True for a hub new to echobot."""
        now = self._clock.now()
        with hub.scope(hub_id):
            async with self._db.transaction() as tx:
                new = await hubs_repo.installed(tx, hub_id, enterprise_id=enterprise_id, team_id=team_id, name=name,
                                                by=installer, at=now)  # fmt: skip
                await coordinators_repo.add(tx, installer, installer, now)
                await outbox_repo.clear_stopped(tx, hub_id)
                await audit.record(tx, now, installer, "hub.install" if new else "hub.reinstall", f"hub:{hub_id}")
        log.info("hub %s %s", hub_id, "installed" if new else "reinstalled")
        return new

    async def stop(self, reason: str) -> bool:
        """Slack will not take this hub's token any more (uninstalled, revoked): stop sending for it at once. Its
        pending rows are kept and marked; its records are kept. False when it was already stopped."""
        key = hub.current()
        now = self._clock.now()
        async with self._db.transaction() as tx:
            stopped = await hubs_repo.stop(tx, key, reason, now)
            if stopped:
                await outbox_repo.mark_pending(tx, f"sending stopped: {reason}", hub_id=key)
                await audit.record(tx, now, "slack", "hub.stop", f"hub:{key}", {"reason": reason})
        if stopped:
            log.warning("hub %s: Slack no longer accepts its token (%s); sending to it stopped, its pending "
                        "messages are kept and marked", key, reason)  # fmt: skip
        return stopped

    async def change_settings(self, actor: Person, form: HubSettingsForm) -> dict[str, str]:
        """A hub coordinator changes the hub's name, time zone and accreditation statement (audited). Returns
        field errors (empty when saved); a person who may not is refused before anything is read."""
        if not actor.is_coordinator:
            return {"name": "Only the hub's coordinators can change its settings."}
        errors = validate(form)
        if errors:
            return errors
        key = hub.current()
        now = self._clock.now()
        async with self._db.transaction() as tx:
            digest = {"digest_day": form.digest_day.strip().lower(), "digest_time": clock_text(form.digest_time),
                      "digest_channel": form.digest_channel.strip()}  # fmt: skip
            await hubs_repo.set_settings(tx, key, name=form.name.strip(), timezone=form.timezone.strip(),
                                         statement=form.statement.strip(), **digest)  # fmt: skip
            await audit.record(tx, now, actor.user_id, "hub.settings", f"hub:{key}",
                               {"name": form.name.strip(), "timezone": form.timezone.strip(), **digest})  # fmt: skip
        return {}

    async def purge(self, hub_id: str, actor: str) -> dict[str, int] | None:
        """Remove every record of a hub for good (the hub asked); counts per table, or None for no such hub. The
        purge itself is audited in the deployment's own hub, since the hub's audit log goes with it."""
        found = await hubs_repo.get(self._db.reader, hub_id)
        if found is None:
            return None
        now = self._clock.now()
        async with self._db.transaction() as tx:
            counts = await hubs_repo.purge(tx, hub_id, found.enterprise_id, found.team_id)
            with hub.scope(hub.DEFAULT_HUB):
                await audit.record(tx, now, actor, "hub.purge", f"hub:{hub_id}", counts)
        log.warning("hub %s purged: %s", hub_id, ", ".join(f"{n} {t}" for t, n in counts.items()) or "nothing")
        return counts


@dataclass(frozen=True)
class Adoption:
    """What `echobot hub adopt` did: rows moved per table; or why it did nothing (`refused`, or `nothing`)."""

    moved: dict[str, int]
    refused: dict[str, int] | None = None  # the records the target hub holds already
    nothing: bool = False


async def adopt(db: Database, clock: Clock, target: str, actor: str, defaults: HubDefaults | None,
                admins: tuple[str, ...] = ()) -> Adoption:  # fmt: skip
    """Move the single-token hub's records (hub `default`) to the workspace (T…) or Grid organization (E…)
    `target`, in one transaction, audited in the target's log. Refused when the target holds records of its own
    (beyond what installing it wrote); nothing when `default` holds nothing (run twice, the second does
    nothing). `defaults`: the environment's hub settings, kept as the hub's own where it has none stored;
    `admins`: ECHOBOT_ADMINS, which many workspaces do without, become the hub's coordinators."""
    source = hub.DEFAULT_HUB
    async with db.transaction() as tx:
        if not await hubs_repo.records_of(tx, source):
            return Adoption(moved={}, nothing=True)
        theirs = await hubs_repo.records_of(tx, target, besides=hubs_repo.INSTALL_TRACES)
        if theirs:
            return Adoption(moved={}, refused=theirs)
        settings = {} if defaults is None else {
            "name": defaults.name, "timezone": defaults.timezone, "accreditation_statement": defaults.statement,
            "digest_day": defaults.digest_day, "digest_time": defaults.digest_time,
            "digest_channel": defaults.digest_channel,
        }  # fmt: skip
        grid = target.startswith("E")
        moved = await hubs_repo.adopt(tx, source, target, enterprise_id=target if grid else None,
                                      team_id=None if grid else target, settings=settings)  # fmt: skip
        with hub.scope(target):
            made = [user for user in admins if await coordinators_repo.add(tx, user, "ECHOBOT_ADMINS", clock.now())]
            if made:
                moved["ECHOBOT_ADMINS"] = len(made)  # now coordinators of the hub, as rows
            await audit.record(tx, clock.now(), actor, "hub.adopt", f"hub:{target}", {"from": source, **moved})
    log.warning("the single-token hub's records now belong to hub %s: %s", target,
                ", ".join(f"{n} {t}" for t, n in moved.items()))  # fmt: skip
    return Adoption(moved=moved)


def validate(form: HubSettingsForm) -> dict[str, str]:
    errors = {}
    if not form.name.strip():
        errors["name"] = "Give the hub a name."
    elif len(form.name.strip()) > NAME_LIMIT:
        errors["name"] = f"Keep the name under {NAME_LIMIT} characters."
    try:
        ZoneInfo(form.timezone.strip())
    except (ZoneInfoNotFoundError, ValueError):
        errors["timezone"] = "Choose a time zone such as America/Chicago."
    if len(form.statement.strip()) > STATEMENT_LIMIT:
        errors["statement"] = f"Keep the statement under {STATEMENT_LIMIT} characters."
    if form.digest_day.strip() and form.digest_day.strip().lower() not in WEEKDAYS:
        errors["digest_day"] = "Choose a day of the week."
    if form.digest_time.strip() and not clock_text(form.digest_time):
        errors["digest_time"] = "Give a time of day as HH:MM, like 08:00."
    channel = form.digest_channel.strip()
    if channel and (channel[:1] not in ("C", "G") or not channel.isalnum() or not channel.isupper()):
        errors["digest_channel"] = "Choose a channel."
    return errors


def clock_text(value: str) -> str:
    """A time of day as HH:MM ("8:05" -> "08:05"); empty when `value` is not one."""
    hours, _, minutes = value.strip().partition(":")
    if not (hours.isdigit() and minutes.isdigit() and len(minutes) == 2 and int(hours) < 24 and int(minutes) < 60):
        return ""
    return f"{int(hours):02d}:{minutes}"
