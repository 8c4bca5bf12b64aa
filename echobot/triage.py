"""The case triage state machine, once: each action, the states it is allowed from, the state it leads to,
the text it asks for, its verb in the hub thread and its button. The service's transition
(`Cases.act`), the hub's buttons and the action modals (`views/cases.py`) and the handler's refusal
(`Cases.refusal`) all read this table. Below services and views: it imports only models and ids."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from echobot.ids import Action, CaseField
from echobot.models import CaseState as State

TEXT_LIMIT = 3000  # what a triage modal's text may hold


class TriageAction(StrEnum):
    CLAIM = "claim"
    ASK_INFO = "ask_info"
    SCHEDULE = "schedule"
    RECOMMEND = "recommend"
    DECLINE = "decline"
    CLOSE = "close"
    REPLY = "reply"  # the submitter's answer to ask_info


@dataclass(frozen=True)
class Modal:
    """The modal an action opens: its title, the input it asks for, that input's label, the submit label."""

    title: str
    field: CaseField
    label: str
    submit: str


@dataclass(frozen=True)
class Step:
    action: TriageAction
    allowed_from: tuple[State, ...]
    leads_to: State
    verb: str  # "<@someone> claimed the case" in the hub thread; the person's reply
    action_id: Action  # its button (on the hub message; for reply, in the submitter's DM)
    button: str
    style: str | None = None
    modal: Modal | None = None  # None: no words needed (claim, close)
    by_submitter: bool = False  # only the person who presented the case; else the program's staff
    offered_in: tuple[State, ...] | None = None  # hub button shown in (when not every allowed state)

    @property
    def asks_text(self) -> bool:
        return self.modal is not None and self.modal.field is not CaseField.SESSION

    @property
    def button_states(self) -> tuple[State, ...]:
        return self.allowed_from if self.offered_in is None else self.offered_in


OPEN = (State.SUBMITTED, State.IN_REVIEW, State.NEEDS_INFO, State.SCHEDULED)
# In the order the hub message shows the buttons.
TRIAGE: dict[TriageAction, Step] = {step.action: step for step in (
    Step(TriageAction.CLAIM, (State.SUBMITTED,), State.IN_REVIEW, "claimed the case",
         Action.CASE_CLAIM, "Claim", style="primary"),
    Step(TriageAction.ASK_INFO, OPEN, State.NEEDS_INFO, "asked for more information",
         Action.CASE_ASK, "Ask for info",
         modal=Modal("Ask for info", CaseField.MESSAGE, "What do you need to know?", "Send"),
         offered_in=(State.SUBMITTED, State.IN_REVIEW, State.NEEDS_INFO, State.SCHEDULED)),
    # while a case needs info, triage goes on: it can still be scheduled (issue 19)
    Step(TriageAction.SCHEDULE, (State.SUBMITTED, State.IN_REVIEW, State.NEEDS_INFO, State.SCHEDULED),
         State.SCHEDULED, "scheduled the case", Action.CASE_SCHEDULE, "Schedule",
         modal=Modal("Schedule case", CaseField.SESSION, "Session", "Schedule"),
         offered_in=(State.SUBMITTED, State.IN_REVIEW, State.NEEDS_INFO)),
    Step(TriageAction.RECOMMEND, (State.IN_REVIEW, State.SCHEDULED, State.PRESENTED), State.RECOMMENDATIONS_SENT,
         "sent recommendations", Action.CASE_RECOMMEND, "Record recommendations", style="primary",
         modal=Modal("Recommendations", CaseField.RECOMMENDATIONS, "Written recommendations", "Send")),
    Step(TriageAction.DECLINE, OPEN, State.DECLINED, "declined the case",
         Action.CASE_DECLINE, "Decline", style="danger",
         modal=Modal("Decline case", CaseField.REASON, "Why (the presenter is told)", "Decline")),
    Step(TriageAction.CLOSE, (State.PRESENTED, State.RECOMMENDATIONS_SENT, State.IN_REVIEW), State.CLOSED,
         "closed the case", Action.CASE_CLOSE, "Close"),
    Step(TriageAction.REPLY, (State.NEEDS_INFO,), State.IN_REVIEW, "answered",
         Action.CASE_REPLY, "Reply", style="primary",
         modal=Modal("Reply to the hub", CaseField.MESSAGE, "Your answer", "Send"), by_submitter=True,
         offered_in=()),
)}  # fmt: skip
BY_ACTION_ID: dict[str, Step] = {step.action_id: step for step in TRIAGE.values()}
# Changes that are not triage actions, as the hub thread tells them.
OTHER_VERBS = {
    "submit": "submitted the case", "present": "the case was presented", "followup": "answered the follow-up",
    "unschedule": "took the case off a cancelled session", "purge": "removed the clinical text (retention)",
    "takeback": "reported patient identifiers: the clinical text was removed",
}  # fmt: skip
VERBS: dict[str, str] = {**{action.value: step.verb for action, step in TRIAGE.items()}, **OTHER_VERBS}
FOLLOWUP_OUTCOMES = {"improved": "Improved", "unchanged": "Unchanged", "worse": "Worse", "other": "Other"}


def step_of(action: str | None) -> Step | None:
    """The table's row for an action name (from a form's private_metadata: anything), or None."""
    try:
        return TRIAGE[TriageAction(action)] if action else None
    except ValueError:
        return None


def buttons_in(state: State) -> list[Step]:
    """The hub message's triage buttons for a case in `state`, in order."""
    return [step for step in TRIAGE.values() if state in step.button_states]
