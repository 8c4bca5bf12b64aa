"""Calendar files (.ics) of sessions, made with the icalendar package."""

from __future__ import annotations

from datetime import datetime

from echobot.models import Program, Session


def calendar_file(items: list[tuple[Session, Program]], hub_name: str, now: datetime) -> bytes:
    """A calendar of the sessions (icalendar is imported on first use: most runs never need it)."""
    from icalendar import Calendar, Event

    calendar = Calendar()
    calendar.add("prodid", "-//echobot//Project ECHO sessions//EN")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", f"{hub_name} ECHO sessions")
    for session, program in items:
        event = Event()
        event.add("uid", f"echobot-session-{session.id}@{program.id}.echobot")
        event.add("dtstamp", now)
        event.add("dtstart", session.starts_at)
        event.add("dtend", session.ends_at)
        event.add("summary", f"{program.name}: {session.topic or 'teleECHO session'}")
        event.add("location", program.video_url)
        event.add("url", program.video_url)
        lines = [f"{program.name} teleECHO session.", f"Join: {program.video_url}"]
        if session.presenter:
            lines.append(f"Presenter: {session.presenter}")
        event.add("description", "\n".join(lines))
        calendar.add_component(event)
    return calendar.to_ical()
