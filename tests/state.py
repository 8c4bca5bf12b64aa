"""What the bot has stored, read back whole, so a test can say "nothing changed"."""

from __future__ import annotations

from typing import Any

from echobot.storage.tables import metadata
from tests.harness import Bot

Snapshot = dict[str, list[tuple[Any, ...]]]


async def snapshot(bot: Bot) -> Snapshot:
    """Every row of every table, in a stable order."""
    reader = bot.db.reader
    tables = sorted(table.name for table in metadata.sorted_tables)
    found: Snapshot = {}
    for table in tables:
        rows = await reader.fetchall(f'SELECT * FROM "{table}"')
        found[table] = sorted((tuple(row) for row in rows), key=repr)
    return found


def changed_tables(before: Snapshot, after: Snapshot) -> list[str]:
    """The tables whose rows differ between two snapshots."""
    return sorted(name for name in set(before) | set(after) if before.get(name) != after.get(name))
