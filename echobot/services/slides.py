"""Which link opens a session's slides (issue 17): the copy echobot shared into the session's thread in the program
channel, once it is there (everyone in the channel can open it, a partner organization's members too), else the
file as the person attached it (which Slack shows to them only, until it is shared)."""

from __future__ import annotations

from echobot import keys
from echobot.models import OutboxState, SessionMaterials
from echobot.storage import Reader, outbox


async def with_shared_slides(db: Reader, materials: SessionMaterials | None) -> SessionMaterials | None:
    if materials is None or not materials.slides_file_id:
        return materials
    row = await outbox.get(db, keys.materials_slides(materials.session_id, materials.slides_file_id))
    link = row.slack_ts if row is not None and row.state is OutboxState.SENT else None
    if link and link.startswith("https://"):
        return materials.model_copy(update={"slides_permalink": link})
    return materials
