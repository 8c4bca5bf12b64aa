"""Outbox keys: how they are built and recognised, in one place.

A key names what a row is for; `outbox.key` is UNIQUE, so planning the same thing twice plans it once.
Existing databases hold these keys: a change to any spelling here re-plans (or doubles) what is already
planned, so they stay byte for byte as they are. Rows of one thing share a prefix ending in `:`, which
`outbox.cancel_prefix`, `pending_by_prefix` and `by_prefix` use.

    session:<id>:remind:<offset>            a reminder job            …:post, …:dm:<user> the posts it plans
    session:<id>:live                       the live post             …:ended its update at the end
    session:<id>:end                        the end job
    session:<id>:moved:<view id>            the moved notice
    session:<id>:cancelled                  the cancellation notice
    session:<id>:evaluate:<user>            the Evaluate DM
    session:<id>:evaluation-reminders       the reminder job          …-reminder:<user> the DMs it plans
    session:<id>:evaluated:<user>           the credit confirmation
    session:<id>:materials                  the materials' reply in the session thread  …:update:<n> its updates
    session:<id>:evaluate:<user>:materials:<n>  the Evaluate DM updated with materials (version n)
    session:<id>:import:<n>:leftovers       names a video report import left over (a DM)   …:csv the file
    series:<id>:certificate:<user>          a certificate of completion (a DM)    …:pdf the file beside it
    series:<id>:report:<user>               the completion report to a coordinator    …:csv the file
    digest:<program>:<local date>T<HH:MM>   a weekly digest job       …:to:<target>, …:to:<target>:chart
    digest:<program>:now:<request>          `/echo digest`            (same two rows per target)
    program:<id>:intro / :created:<view id> / :edited:<view id>
    survey:<program>:<first day>:members        the job sending the pre-survey to the program's members
    survey:<program>:<first day>:<phase>:dm:<user>   a pre or post survey DM   …:closed its update at the close
    survey:<program>:<first day>:<phase>:reminder:<user>  its one reminder     …:closed likewise
    survey:<program>:<first day>:<phase>:close:<moment>   the job closing the window (updates the DMs)
    registration:<user>:<view id>           the registration confirmation
    case:<id>:hub                           the hub post              …:update:<n>, …:thread:<n>
    case:<id>:presenter                     the presenter's one case message  …:update:<n>, …:thread:<n>
    case:<id>:dm:<n> / :followup            the presenter's DMs (before issue 19: one a change); any row +
                                            `:purged` its text removed
    case:<id>:takeback:<n>:hub / :dm        what a report of identifiers tells the hub thread and the presenter
    reply-note:<channel>:<ts>[:edit:<ts>]   the note to someone whose reply in a case thread looked like PHI
    case:<id>:withheld:to:<user>            a coordinator told that the hub channel is not private and internal
    hub-channel:<channel>:<share ts>:held:to:<user>   a coordinator told the hub channel was shared (held)
                                            …:resumed:to:<user> told it is not any more; …:moved:<program>:to:<user>
                                            told the cases that waited go to the program's new hub channel
    invitation:<id>:to:<user>               a join request to a coordinator (issue 17)  …:decided its update
    invitation:<id>:decision / :invite       the requester told of the decision / an invitation with a Join button
    invitation:<id>:joined                  a person invited before registering, told they joined
    <any DM row>:instead                    where a DM Slack refused went instead (a program channel)

Jobs run in lanes of their own: `job:session:<id>:`, `job:digest:<program>`.
"""

from __future__ import annotations

from datetime import datetime

# ---- sessions --------------------------------------------------------------------------------


def session(session_id: int) -> str:
    """The prefix of every row of one session."""
    return f"session:{session_id}:"


def session_jobs(session_id: int) -> str:
    """The lane a session's jobs run in."""
    return f"job:{session(session_id)}"


def reminders(session_id: int) -> str:
    """The prefix of a session's reminder jobs."""
    return f"{session(session_id)}remind:"


def reminder(session_id: int, label: str) -> str:
    return f"{reminders(session_id)}{label}"


def reminder_post(session_id: int, label: str) -> str:
    """The reminder's post in the program channel."""
    return f"{reminder(session_id, label)}:post"


def reminder_dm(session_id: int, label: str, user: str) -> str:
    return f"{reminder(session_id, label)}:dm:{user}"


def is_reminder(key: str) -> bool:
    """True for a session's reminder job (`session:<id>:remind:<offset>`)."""
    match key.split(":"):
        case ["session", _, "remind", _]:
            return True
    return False


def live(session_id: int) -> str:
    return f"{session(session_id)}live"


def live_ended(session_id: int) -> str:
    return f"{live(session_id)}:ended"


def live_opened(session_id: int) -> str:
    """The session message turns from reminder into the check-in post (an update of `live`)."""
    return f"{live(session_id)}:open"


def live_closed(session_id: int) -> str:
    """Check-in closed: the Check in button goes (an update of `live`)."""
    return f"{live(session_id)}:closed"


def live_changed(session_id: int, submission_id: str) -> str:
    """A coordinator changed the session (topic, presenter, time) after its message was posted."""
    return f"{live(session_id)}:changed:{submission_id}"


def live_cancelled(session_id: int) -> str:
    """The session message says the session is cancelled."""
    return f"{live(session_id)}:cancelled"


def session_end(session_id: int) -> str:
    return f"{session(session_id)}end"


def session_moved(session_id: int, submission_id: str) -> str:
    return f"{session(session_id)}moved:{submission_id}"


def session_cancelled(session_id: int) -> str:
    return f"{session(session_id)}cancelled"


def evaluate(session_id: int, user: str) -> str:
    return f"{session(session_id)}evaluate:{user}"


def materials(session_id: int) -> str:
    """The one reply in the session's thread with its slides and recording link (issue 17)."""
    return f"{session(session_id)}materials"


def materials_slides(session_id: int, file_id: str) -> str:
    """The slides a person attached, shared again by echobot into the session's thread in the program channel, so
    every member (a partner organization's too) can open them; the row records the shared copy's link."""
    return f"{materials(session_id)}:slides:{file_id}"


def evaluation_reminders(session_id: int) -> str:
    return f"{session(session_id)}evaluation-reminders"


def evaluation_reminder(session_id: int, user: str) -> str:
    return f"{session(session_id)}evaluation-reminder:{user}"


def evaluated(session_id: int, user: str) -> str:
    return f"{session(session_id)}evaluated:{user}"


def import_leftovers(session_id: int, import_id: int) -> str:
    """The DM listing the names a video report import could not match (the CSV goes beside it)."""
    return f"{session(session_id)}import:{import_id}:leftovers"


def beside(key: str, suffix: str) -> str:
    """A file uploaded beside the message `key` names (`csv`, `pdf`)."""
    return f"{key}:{suffix}"


# ---- series ----------------------------------------------------------------------------------


def series(series_id: int) -> str:
    return f"series:{series_id}:"


def completion_certificate(series_id: int, user: str) -> str:
    return f"{series(series_id)}certificate:{user}"


def completion_report(series_id: int, user: str) -> str:
    return f"{series(series_id)}report:{user}"


# ---- digests ---------------------------------------------------------------------------------


def digests(program_id: int) -> str:
    """The prefix of every digest row of one program."""
    return f"digest:{program_id}:"


def digest_jobs(program_id: int) -> str:
    """The lane a program's weekly digest jobs run in."""
    return f"job:digest:{program_id}"


def weekly_digest(program_id: int, local: datetime) -> str:
    """One per program and week; `local` is the digest moment in the hub's zone (a new time, a new row)."""
    return f"{digests(program_id)}{local:%Y-%m-%dT%H:%M}"


def digest_now(program_id: int, request_id: str) -> str:
    return f"{digests(program_id)}now:{request_id}"


def digest_to(digest: str, target: str) -> str:
    """A digest's message to one recipient."""
    return f"{digest}:to:{target}"


def chart(message: str) -> str:
    """The chart uploaded beside a digest message."""
    return f"{message}:chart"


# ---- programs and registration ---------------------------------------------------------------


def program_intro(program_id: int) -> str:
    return f"program:{program_id}:intro"


def program_created(program_id: int, submission_id: str) -> str:
    return f"program:{program_id}:created:{submission_id}"


def program_edited(program_id: int, submission_id: str) -> str:
    return f"program:{program_id}:edited:{submission_id}"


def registration(user_id: str, submission_id: str) -> str:
    return f"registration:{user_id}:{submission_id}"


# ---- cases -----------------------------------------------------------------------------------


def case(case_id: int) -> str:
    """The prefix of every row of one case."""
    return f"case:{case_id}:"


def case_hub(case_id: int) -> str:
    """The case's post in the hub's review channel."""
    return f"{case(case_id)}hub"


def is_case_hub(key: str) -> bool:
    return key.startswith("case:") and key.endswith(":hub")


def case_hub_update(case_id: int, number: int) -> str:
    return f"{case_hub(case_id)}:update:{number}"


def case_hub_thread(case_id: int, number: int) -> str:
    return f"{case_hub(case_id)}:thread:{number}"


def case_dm(case_id: int, number: int) -> str:
    return f"{case(case_id)}dm:{number}"


def case_withheld(case_id: int, user: str) -> str:
    """The notice to a coordinator that the case was not posted: its hub review channel is not inside the hub."""
    return f"{case(case_id)}withheld:to:{user}"


def hub_channel(channel: str, episode: str) -> str:
    """The prefix of the notices about one share of a hub review channel (`episode`: the share's event_ts)."""
    return f"hub-channel:{channel}:{episode}:"


def hub_channel_held(channel: str, episode: str, user: str) -> str:
    """A coordinator told that the hub review channel was shared outside the hub, so nothing goes there."""
    return f"{hub_channel(channel, episode)}held:to:{user}"


def hub_channel_resumed(channel: str, episode: str, user: str) -> str:
    """A coordinator told that the channel is not shared any more: what waited is sent."""
    return f"{hub_channel(channel, episode)}resumed:to:{user}"


def hub_channel_moved(channel: str, episode: str, program_id: int, user: str) -> str:
    """A coordinator told that the cases that waited go to the program's new hub review channel."""
    return f"{hub_channel(channel, episode)}moved:{program_id}:to:{user}"


def case_presenter(case_id: int) -> str:
    """The presenter's one message about the case (a DM), updated in place; each change a reply in its thread."""
    return f"{case(case_id)}presenter"


def case_presenter_update(case_id: int, number: int) -> str:
    return f"{case_presenter(case_id)}:update:{number}"


def case_presenter_thread(case_id: int, number: int) -> str:
    return f"{case_presenter(case_id)}:thread:{number}"


def case_followup(case_id: int) -> str:
    return f"{case(case_id)}followup"


def purged(key: str) -> str:
    """The update that removes a sent message's text after the retention period."""
    return f"{key}:purged"


def case_of_hub(key: str) -> int | None:
    """The case id of a case's hub post key (`case:<id>:hub`), else None."""
    match key.split(":"):
        case ["case", number, "hub"] if number.isdigit():
            return int(number)
    return None


def takebacks(case_id: int) -> str:
    """The prefix of the rows a report of identifiers plans (they hold no case text: never rewritten)."""
    return f"{case(case_id)}takeback:"


def takeback_hub(case_id: int, number: int) -> str:
    return f"{takebacks(case_id)}{number}:hub"


def takeback_dm(case_id: int, number: int) -> str:
    return f"{takebacks(case_id)}{number}:dm"


def reply_note(channel: str, ts: str, edited: str | None = None) -> str:
    """The note to the author of a reply in a case thread (one per message, and one per edit of it)."""
    return f"reply-note:{channel}:{ts}" + (f":edit:{edited}" if edited else "")


# ---- series surveys (issue 17) ---------------------------------------------------------------


def survey(program_id: int, first_day: str) -> str:
    """The prefix of every row of one series' surveys."""
    return f"survey:{program_id}:{first_day}:"


def survey_members(program_id: int, first_day: str, trigger: str = "") -> str:
    """The job that sends the pre-survey to a series' members: when its dates are set (no `trigger`), when it
    starts (`start`) and when its survey is saved (`survey`); each once per series (the DMs have keys of their own)."""
    return f"{survey(program_id, first_day)}members" + (f":{trigger}" if trigger else "")


def survey_dm(program_id: int, first_day: str, phase: str, user: str, *, reminder: bool = False) -> str:
    return f"{survey(program_id, first_day)}{phase}:{'reminder' if reminder else 'dm'}:{user}"


def survey_close(program_id: int, first_day: str, phase: str, moment: datetime) -> str:
    return f"{survey(program_id, first_day)}{phase}:close:{moment.isoformat()}"


def survey_jobs(program_id: int) -> str:
    """The lane a program's survey jobs run in."""
    return f"job:survey:{program_id}"


# ---- invitations (issue 17) -------------------------------------------------------------------


def invitation_to(invitation_id: int, user_id: str) -> str:
    """A join request as one coordinator sees it."""
    return f"invitation:{invitation_id}:to:{user_id}"


def invitation(invitation_id: int, what: str) -> str:
    """`decision` (the requester told), `invite` (the DM to the person invited), `joined`."""
    return f"invitation:{invitation_id}:{what}"
