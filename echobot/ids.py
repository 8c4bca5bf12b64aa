"""Every callback id, block id and action id, in one place, so handlers and views cannot drift."""

from enum import StrEnum


class Callback(StrEnum):
    REGISTER_VIEW = "register"
    REGISTER_SHORTCUT = "register_shortcut"
    PROGRAM_VIEW = "program"
    INVITE_VIEW = "invite_people"  # issue 17: invite several people (users_select)
    DECLINE_VIEW = "invitation_decline"  # issue 17: decline a join request, with an optional reason
    PROGRAM_SETTINGS_VIEW = "program_settings"  # a program's settings (Settings on Home and in the set-up DM)
    SESSION_EDIT_VIEW = "session_edit"
    SESSION_CANCEL_VIEW = "session_cancel"
    ATTENDANCE_PICK_VIEW = "attendance_pick"
    ATTENDANCE_EDIT_VIEW = "attendance_edit"
    ATTENDANCE_CODE_VIEW = "attendance_code"
    ATTENDANCE_IMPORT_VIEW = "attendance_import"
    CASE_VIEW = "case"
    CASE_SHORTCUT = "case_shortcut"
    CASE_ACTION_VIEW = "case_action"  # ask for info, decline, schedule, recommendations, reply
    FOLLOWUP_VIEW = "case_followup"
    NOTICE_VIEW = "notice"
    EVALUATION_VIEW = "evaluation"
    CERTIFICATE_VIEW = "certificate"
    HUB_SETTINGS_VIEW = "hub_settings"
    LIBRARY_SEARCH_VIEW = "library_search"  # the case library's search box, its results below it
    SURVEY_VIEW = "survey"  # a pre or post series survey: one rating per statement (issue 17)
    SURVEY_EDIT_VIEW = "survey_edit"  # a program's survey statements, one line each
    MATERIALS_VIEW = "session_materials"  # a session's slides and recording link (issue 17)


class Action(StrEnum):
    OPEN_REGISTRATION = "open_registration"
    SWITCH_ROLE = "switch_role"
    JOIN_PROGRAM = "join_program"
    APPROVE_REQUEST = "invitation_approve"  # issue 17: a coordinator approves or declines a join request
    DECLINE_REQUEST = "invitation_decline"
    INVITE_PEOPLE = "invite_people_open"  # issue 17: the invite modal, from the program settings modal
    LEAVE_PROGRAM = "leave_program"
    PROGRAM_SETTINGS = "program_settings_open"  # Settings of one program (coordinator's Home, set-up DM)
    BROWSE_PROGRAMS = "browse_programs"  # the programs with Join buttons, as an answer to the click
    CHECK_IN = "check_in"
    JOIN_VIDEO = "join_video"
    SESSION_TOOLS = "session_tools"  # overflow menu on the live post: code, end now
    SESSION_MENU = "session_menu"  # overflow menu in /echo sessions: calendar, edit, cancel
    SESSION_COORDINATOR = "session_coordinator"  # "Coordinator tools" on the session post: an ephemeral
    SESSION_END_NOW = "session_end_now"  # in the coordinator tools, behind a confirm dialog
    SESSION_SET_CODE = "session_set_code"  # in the coordinator tools
    SESSIONS_MORE = "sessions_more"  # /echo sessions: Show more
    SESSIONS_CALENDAR = "sessions_calendar"  # /echo sessions: Add all to my calendar
    OPEN_CASE = "open_case"
    RUN_COMMAND = "run_command"  # a button doing what `/echo <value>` does (Home, help): no typing
    CASE_CLAIM = "case_claim"
    CASE_ASK = "case_ask"
    CASE_SCHEDULE = "case_schedule"
    CASE_DECLINE = "case_decline"
    CASE_RECOMMEND = "case_recommend"
    CASE_CLOSE = "case_close"
    CASE_REPLY = "case_reply"
    CASE_READ = "case_read"  # "Read the whole case": the full presentation in a modal
    CASE_REPORT = "case_report"  # "Report identifiers": take the case's text back (after a confirm dialog)
    CASE_CALENDAR = "case_calendar"  # "Add to calendar" on the presenter's case message: the session's .ics
    CASE_VIDEO = "case_video"  # "Join session" link on the presenter's case message
    FOLLOWUP = "case_followup"
    EVALUATE = "evaluate"
    CERTIFICATE_SESSION = "certificate_session"
    CERTIFICATE_PERIOD = "certificate_period"
    CERTIFICATE_NOW = "certificate_now"  # "Get certificate" on the evaluated DM: the session's PDF at once
    TRANSCRIPT_CSV = "transcript_csv"
    ATTENDANCE_OPEN = "attendance_open"  # the ended session post: a coordinator's attendance form
    ATTENDANCE_IMPORT = "attendance_import"  # the ended session post and the attendance form: import a report
    SERIES_CLOSE = "series_close"  # /echo series close: close the series (behind a confirm dialog)
    COMPLETION_CERTIFICATE = "completion_certificate"  # /echo cme: a certificate of completion again
    MATERIALS_OPEN = "materials_open"  # "Materials" on the session post: the materials modal of that session
    LIBRARY_OPEN = "library_open"  # App Home and search answers: the case library's search modal
    LIBRARY_READ = "library_read"  # "Read": a library entry in a modal
    LIBRARY_HIDE = "library_hide"  # a coordinator hides a library entry (behind a confirm dialog)
    LIBRARY_REVIEW = "library_review"  # the take-back notice: a coordinator reviews the case's hidden entry
    LIBRARY_SHOW = "library_show"  # the review modal: Show again (behind a confirm dialog)
    LIBRARY_KEEP_HIDDEN = "library_keep_hidden"  # the review modal: Keep hidden
    CASE_SIMILAR = "case_similar"  # the case modal's "Find similar cases" (also Enter in its summary)
    SURVEY_TAKE = "survey_take"  # "Take the survey" on the pre or post survey DM


class CaseField(StrEnum):
    """Block and action ids of the case modal and the triage modals (the same for each input)."""

    PROGRAM = "case_program"
    SUMMARY = "summary"
    QUESTION = "question"
    AGE_BAND = "age_band"
    SEX = "sex"
    PRESENTING = "presenting_problem"
    HISTORY = "history"
    MEDICATIONS = "medications"
    LABS = "labs"
    TRIED = "tried"
    URGENCY = "urgency"
    SESSION = "case_session"
    CONFIRM = "deidentified"
    MESSAGE = "case_message"
    REASON = "case_reason"
    RECOMMENDATIONS = "recommendations"
    OUTCOME = "outcome"
    NOTE = "followup_note"
    TEACHING = "teaching_consent"  # the submitter's consents: teaching use, credit by name
    SIMILAR = "library_similar"  # the block(s) of the similar-cases hint in the case modal


class LibraryField(StrEnum):
    """The teaching points in the recommendations modal, and the library's search modal."""

    CONSENT = "library_consent"
    TITLE = "library_title"
    TAGS = "library_tags"
    QUESTION = "library_question"
    RECOMMENDATION = "library_recommendation"
    WORDS = "library_words"
    PROGRAM = "library_program"
    TAG = "library_tag"
    AGE_BAND = "library_age_band"


class Teaching(StrEnum):
    """Values of the submitter's consent checkboxes in the case modal."""

    TEACHING = "teaching"
    CREDIT = "credit"


class EvaluationField(StrEnum):
    OVERALL = "overall"
    RELEVANCE = "relevance"
    OBJECTIVES = "objectives_met"
    INTENT = "intent_to_change"
    CHANGE_PLAN = "change_plan"
    BIAS_FREE = "bias_free"
    BIAS_COMMENT = "bias_comment"
    SUGGESTIONS = "suggestions"
    CODE = "evaluation_code"
    ATTEST = "attest"
    CREDIT = "credit_claimed"
    CERT_SESSION = "certificate_session_pick"
    CERT_FROM = "certificate_from"
    CERT_TO = "certificate_to"


class SessionTool(StrEnum):
    """Values of the options in the session overflow menus (followed by ':' and the session id)."""

    CALENDAR = "calendar"
    EDIT = "edit"
    CANCEL = "cancel"
    CODE = "code"
    END = "end"


class ProgramField(StrEnum):
    NAME = "program_name"
    CHANNEL = "program_channel"
    REVIEW_CHANNEL = "review_channel"
    TIMEZONE = "timezone"
    SCHEDULE = "schedule"
    INTERVAL = "interval_weeks"
    FIRST_DATE = "first_date"
    START_TIME = "start_time"
    DURATION = "duration"
    VIDEO_URL = "video_url"
    OFFSETS = "reminder_offsets"
    CASE_SLOTS = "case_slots"
    EVAL_WINDOW = "eval_window"
    CREDIT = "credit"
    SPECIALISTS = "specialists"
    COORDINATORS = "coordinators"
    ANONYMOUS = "anonymous_ratings"
    CREDIT_MINUTES = "credit_min_minutes"
    SERIES_START = "series_start"
    SERIES_END = "series_end"
    COMPLETION = "completion_percent"
    WHO_CAN_JOIN = "who_can_join"


class MaterialsField(StrEnum):
    SESSION = "materials_session"
    SLIDES = "materials_slides"  # the file input
    RECORDING = "materials_recording"
    TITLE = "materials_title"
    PRESENTER = "materials_presenter"


class SessionField(StrEnum):
    TOPIC = "topic"
    PRESENTER = "presenter"
    DATE = "session_date"
    TIME = "session_time"
    REASON = "reason"
    SESSION = "session"
    ADD = "attendees_add"
    REMOVE = "attendees_remove"
    CODE = "attendance_code"
    REPORT = "video_report"  # the file input of the import modal


class RegistrationField(StrEnum):
    """Block id and action id of each input in the registration modal (they are the same)."""

    NAME = "name"
    CREDENTIAL = "credential"
    DISCIPLINE = "discipline"
    ORGANIZATION = "organization"
    STATE = "state"
    COUNTY = "county"
    EMAIL = "email"
    ROLE = "role"
    NPI = "npi"
    LICENCE = "licence_number"
    BIRTH_MONTH = "birth_month"
    BIRTH_DAY = "birth_day"
    CONSENT = "consent"
    PROGRAMS = "programs"


class Consent(StrEnum):
    """Values of the options in the credit-reporting consent checkboxes."""

    LICENCE = "licence"
    BIRTH = "birth"


class HubField(StrEnum):
    """The inputs of /echo hub settings (block id = action id)."""

    NAME = "hub_name"
    TIMEZONE = "hub_timezone"
    STATEMENT = "hub_statement"
    DIGEST_DAY = "hub_digest_day"
    DIGEST_TIME = "hub_digest_time"
    DIGEST_CHANNEL = "hub_digest_channel"


class SurveyField(StrEnum):
    """The survey modals' inputs: a statement's rating is `rating_<n>`, its text in the editor `statement_<n>`."""

    RATING = "rating_"
    STATEMENT = "statement_"
