"""The services a running echobot holds, built once and handed to every handler."""

from __future__ import annotations

from dataclasses import dataclass

from echobot.clock import Clock
from echobot.inflight import InFlight
from echobot.renderers import Renderers
from echobot.sending import Sending
from echobot.services.attendance_import import AttendanceImports
from echobot.services.cases import Cases
from echobot.services.connect import Reach
from echobot.services.coordinators import Coordinators
from echobot.services.digests import Digests
from echobot.services.evaluations import Evaluations
from echobot.services.hub_channels import HubChannels
from echobot.services.hubs import HubDefaults, Hubs
from echobot.services.invitations import Invitations
from echobot.services.library import Library
from echobot.services.materials import Materials
from echobot.services.people import People
from echobot.services.programs import Programs
from echobot.services.records import Records
from echobot.services.registration import Registration
from echobot.services.series import Series
from echobot.services.sessions import Sessions
from echobot.services.survey_results import SurveyResults
from echobot.services.surveys import Surveys
from echobot.services.takeback import CaseThreads, TakeBack
from echobot.settings import Settings
from echobot.storage import Database
from echobot.zones import ReaderZones


@dataclass(frozen=True)
class Services:
    settings: Settings
    clock: Clock
    db: Database
    inflight: InFlight
    renderers: Renderers
    people: People
    registration: Registration
    coordinators: Coordinators
    sessions: Sessions
    programs: Programs
    cases: Cases
    evaluations: Evaluations
    records: Records
    digests: Digests
    sending: Sending
    takeback: TakeBack
    case_threads: CaseThreads
    zones: ReaderZones
    imports: AttendanceImports
    hubs: Hubs
    library: Library
    series: Series
    surveys: Surveys
    survey_results: SurveyResults
    materials: Materials
    invitations: Invitations
    hub_channels: HubChannels

    @classmethod
    def build(cls, settings: Settings, clock: Clock, db: Database) -> Services:
        sessions = Sessions(db, clock)
        programs = Programs(db, clock, sessions)
        invitations = Invitations(db, clock, settings.admins)
        programs.invitations = invitations  # issue 17: a Join to an invitation-only program asks its coordinators
        cases = Cases(db, clock, programs, sessions, settings.case_retention_days, admins=settings.admins)
        evaluations = Evaluations(db, clock, sessions, programs)
        library = Library(db, clock, programs)
        cases.library = library  # teaching points with the recommendations; the follow-up's outcome
        # What later features do when a session ends or is cancelled, wired here rather than by the features.
        hubs = Hubs(db, clock, HubDefaults(settings.hub_name, settings.timezone, settings.accreditation_statement,
                                           settings.digest_day, settings.digest_time, settings.digest_channel or ""),
                    many=settings.distribution)  # fmt: skip
        series = Series(db, clock, programs, sessions, hubs=hubs, admins=settings.admins)
        # a series ends with its last session: after the session's own hooks (its evaluation DMs go first)
        sessions.on_ended += [cases.session_ended, evaluations.session_ended, series.session_ended]
        sessions.on_cancelled += [cases.session_cancelled, series.session_cancelled]
        sessions.keeps_session.append(cases.has_cases)
        sessions.agenda = cases.agenda
        digests = Digests(db, clock, programs, sessions, hubs, agenda=cases.agenda, admins=settings.admins)
        takeback = TakeBack(db, clock, cases)
        # issue 17: the series surveys, sent as a provider joins, as a series' dates are set and as it ends
        surveys = Surveys(db, clock, series)
        survey_results = SurveyResults(db, clock, programs, surveys)
        programs.on_saved.append(surveys.program_saved)
        programs.on_joined.append(surveys.joined)
        invitations.on_joined = programs.on_joined  # every way of joining sets off the same (approval, invitation)
        series.on_ended.append(surveys.series_ended)
        digests.surveys = survey_results.for_digest
        materials = Materials(db, clock, sessions, programs)
        hub_channels = HubChannels(db, clock, settings.admins)  # issue 14: a hub channel shared after set-up
        programs.on_review_moved.append(hub_channels.review_moved)
        cases.hub_channels = hub_channels
        renderers = Renderers()
        for service in (sessions, cases, evaluations, digests, takeback, series, surveys, survey_results, materials):
            service.register_renderers(renderers)
        Reach(renderers).register()
        registration = Registration(db, clock, hubs)
        registration.invitations = invitations  # issue 17: someone invited before registering joins on registering
        registration.on_joined = programs.on_joined  # the programs picked in the registration form
        return cls(
            settings=settings,
            clock=clock,
            db=db,
            inflight=InFlight(),
            renderers=renderers,
            people=People(db, settings.admins, hubs=hubs),
            registration=registration,
            coordinators=Coordinators(db, clock, settings.admins),
            sessions=sessions,
            programs=programs,
            cases=cases,
            evaluations=evaluations,
            sending=Sending(),
            records=Records(db, clock, programs, evaluations, hubs),
            digests=digests,
            takeback=takeback,
            case_threads=CaseThreads(db, clock),
            zones=ReaderZones(clock),
            imports=AttendanceImports(db, clock, sessions, programs),
            hubs=hubs,
            library=library,
            series=series,
            surveys=surveys,
            survey_results=survey_results,
            materials=materials,
            invitations=invitations,
            hub_channels=hub_channels,
        )
