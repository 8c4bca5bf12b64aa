"""What the bot has stored, read back whole, so a test can say "nothing changed"."""

from __future__ import annotations

from typing import Any

from echobot.storage.tables import metadata
from tests.harness import Bot

Snapshot = dict[str, list[tuple[Any, ...]]]

# How processes coordinate, not what anyone stored: which requests were answered (the shared replay memory),
# who holds a channel's lane, when periodic work last ran.
BOOKKEEPING = frozenset({"request_answers", "lanes", "periodic_runs"})


async def snapshot(bot: Bot) -> Snapshot:
    """Every row of every table but the bookkeeping ones, in a stable order."""
    reader = bot.db.reader
    tables = sorted(table.name for table in metadata.sorted_tables if table.name not in BOOKKEEPING)
    found: Snapshot = {}
    for table in tables:
        rows = await reader.fetchall(f'SELECT * FROM "{table}"')
        found[table] = sorted((tuple(row) for row in rows), key=repr)
    return found


def changed_tables(before: Snapshot, after: Snapshot) -> list[str]:
    """The tables whose rows differ between two snapshots."""
    return sorted(name for name in set(before) | set(after) if before.get(name) != after.get(name))
