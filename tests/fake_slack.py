"""A loopback fake of the Slack Web API for tests and benchmarks.

It answers the methods echobot uses, records every call, checks Slack's basic limits (and
fails the call the way Slack does), and answers 429, 500, ok:false or a dropped connection
on demand, either scripted (`fail`) or at random rates (`fault_rates`).
"""

from __future__ import annotations

import asyncio
import base64
import contextlib
import itertools
import json
import random
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import parse_qsl

from aiohttp import web

BOT_TOKEN = "xoxb-test-bot-token-0000"
APP_TOKEN = "xapp-test-app-token-0000"
BOT_USER = "UECHOBOT"
HUB_TEAM = "T0ECHO"  # the workspace echobot is installed in
PARTNER_TEAM = "T_PARTNER"  # a spoke organization's workspace, connected through a Slack Connect channel
# What Slack answers when an app may not open a DM with someone from another organization: conversations.open
# documents `invalid_user_combination` ("all external people must already be in at least one channel
# together"); posting to such a user id answers `channel_not_found` (no DM conversation exists).
DM_REFUSED_OPEN = "invalid_user_combination"
DM_REFUSED_POST = "channel_not_found"
# Many workspaces (distribution): two hubs installing echobot through OAuth, each with its own bot token.
CLIENT_ID = "1111.2222"
CLIENT_SECRET = "test-client-secret-0000"
APP_ID = "A0ECHO"
HUB_A = "T_HUB_A"
HUB_B = "T_HUB_B"
BOT_SCOPES = ("commands", "chat:write", "chat:write.public", "im:write", "users:read", "users:read.email",
              "channels:read", "groups:read", "files:write", "files:read", "channels:history", "groups:history",
              "im:history")


@dataclass
class Call:
    method: str
    args: dict[str, Any]
    at: float  # the event loop's clock
    status: int = 200
    response: dict[str, Any] = field(default_factory=dict)
    wall: float = field(default_factory=time.time)  # for comparing with other processes
    team: str = ""  # the workspace whose bot token made the call

    @property
    def ok(self) -> bool:
        return self.status == 200 and bool(self.response.get("ok"))

    @property
    def done(self) -> bool:
        """Slack did what was asked, whether or not the caller heard back (a lost answer)."""
        return self.status in (0, 200) and bool(self.response.get("ok"))


@dataclass
class Fault:
    method: str
    status: int = 200
    error: str = ""
    retry_after: int = 1
    times: int = 1
    disconnect: bool = False
    timeout: bool = False  # no answer in time: the call hangs `FakeSlack.hang` seconds, then the connection drops
    lost: bool = False  # Slack did the work, but the answer never arrives (the connection drops)
    team: str = ""  # only calls made with this workspace's bot token fail ("": any)


class FakeSlack:
    def __init__(self, *, seed: int = 7) -> None:
        self.calls: list[Call] = []
        self.users: dict[str, dict[str, Any]] = {}
        self.channels: dict[str, dict[str, Any]] = {}
        self.messages: dict[tuple[str, str], dict[str, Any]] = {}
        self.homes: dict[str, dict[str, Any]] = {}
        self.uploads: dict[str, bytes] = {}
        self.shared_files: dict[str, dict[str, Any]] = {}  # files people attached to a modal's file input
        self.responses: list[dict[str, Any]] = []  # what apps sent to response_url
        self.response_urls: list[str] = []  # where each of `responses` was sent, in the same order
        self.faults: list[Fault] = []
        self.rates = {"429": 0.0, "500": 0.0, "disconnect": 0.0, "timeout": 0.0, "lost": 0.0}
        self.hang = 2.0  # seconds a timing-out call hangs (longer than the client waits)
        self.fault_methods: set[str] | None = None
        self.delay = 0.0
        self.scopes = list(BOT_SCOPES)  # what the bot token was granted (auth.test's x-oauth-scopes header)
        self.token_error = ""  # e.g. "token_revoked": every call with the bot token is refused so (an uninstall)
        # bot token -> its workspace; HUB_TEAM's is BOT_TOKEN. OAuth installs add theirs (install_code).
        self.tokens: dict[str, str] = {BOT_TOKEN: HUB_TEAM}
        self.team_names: dict[str, str] = {HUB_TEAM: "ECHO Hub"}
        self.codes: dict[str, dict[str, Any]] = {}  # OAuth codes Slack would hand the redirect
        self.revoked: set[str] = set()  # workspaces that uninstalled echobot: their token is refused
        self._random = random.Random(seed)
        self._counter = itertools.count(1)
        self._last_ts = 0
        self._changed = asyncio.Condition()
        self._runner: web.AppRunner | None = None
        self.root = ""
        # where apps.connections.open points (tests/fake_socket.py sets it); None: a URL nobody answers
        self.socket_url: Callable[[], str] | None = None

    # ---- lifecycle -------------------------------------------------------------------------
    async def start(self, port: int = 0) -> str:
        app = web.Application(client_max_size=50 * 1024 * 1024)
        app.router.add_post("/api/{method}", self._api)
        app.router.add_get("/api/{method}", self._api)
        app.router.add_post("/upload/{file_id}", self._upload)
        app.router.add_get("/files-pri/{team_file}/{name}", self._download)
        app.router.add_post("/respond/{n}", self._respond)
        app.router.add_get("/_calls", self._calls)
        app.router.add_post("/_faults", self._set_faults)
        app.router.add_post("/_setup", self._setup)
        app.router.add_get("/_views", self._views)
        self._runner = web.AppRunner(app, access_log=None)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", port)
        await site.start()
        host, bound = site._server.sockets[0].getsockname()[:2]  # type: ignore[union-attr]
        self.root = f"http://{host}:{bound}"
        return self.api_url

    @property
    def api_url(self) -> str:
        return f"{self.root}/api/"

    def response_url(self) -> str:
        return f"{self.root}/respond/{next(self._counter)}"

    async def stop(self) -> None:
        if self._runner is not None:
            await self._runner.cleanup()

    # ---- scripting ---------------------------------------------------------------------------
    def add_user(self, user_id: str, real_name: str, email: str = "", title: str = "", **extra: Any) -> None:
        self.users[user_id] = {
            "id": user_id,
            "team_id": HUB_TEAM,
            "name": real_name.lower().replace(" ", "."),
            "real_name": real_name,
            "tz": "America/New_York",
            "is_bot": False,
            "profile": {"real_name": real_name, "email": email, "title": title, "team": HUB_TEAM},
            **extra,
        }

    def add_partner_user(self, user_id: str, real_name: str, *, dm: bool = True, found: bool = True) -> None:
        """Someone from the partner workspace (T_PARTNER), as users.info shows them to the hub's app: a
        stranger's limited profile (a name; no e-mail, title or time zone), or `user_not_found` when the
        partner organization hides its members (`found=False`). `dm=False`: their organization does not
        let apps from other organizations open a DM with them (conversations.open and posts to their id
        are refused)."""
        self.users[user_id] = {
            "id": user_id,
            "team_id": PARTNER_TEAM,
            "name": real_name.lower().replace(" ", "."),
            "real_name": real_name,
            "is_bot": False,
            "is_stranger": True,
            "profile": {"real_name": real_name, "display_name": real_name, "team": PARTNER_TEAM},
            "_dm": dm,
            "_found": found,
        }

    def add_channel(
        self, channel_id: str, name: str, *, private: bool = False, members: list[str] | None = None,
        shared_with: list[str] | None = None, pending: list[str] | None = None,
    ) -> None:  # fmt: skip
        """A channel of the hub workspace; `shared_with`: the partner teams it is connected to through Slack
        Connect, `pending`: teams invited but not yet connected (conversations.info's fields as Slack has them)."""
        shared = list(shared_with or [])
        self.channels[channel_id] = {
            "id": channel_id,
            "name": name,
            "is_channel": True,
            "is_group": False,
            "is_im": False,
            "is_private": private,
            "is_member": True,
            "is_shared": bool(shared),
            "is_ext_shared": bool(shared),
            "is_org_shared": False,
            "is_pending_ext_shared": bool(pending),
            "pending_shared": list(pending or []),
            "pending_connected_team_ids": list(pending or []),
            "context_team_id": HUB_TEAM,
            "conversation_host_id": HUB_TEAM,
            "shared_team_ids": [HUB_TEAM, *shared],
            "connected_team_ids": shared,
            "internal_team_ids": [HUB_TEAM],
            "members": list(members or []),
        }

    def can_open(self, user_id: str, permalink: str) -> bool:
        """Whether this person can open the file at this link, as Slack decides: its uploader; anyone in a channel
        it was shared in; in a public channel, anyone of the hub's own workspace. A file a person attached to a
        form is shared nowhere: theirs alone."""
        file = next((f for f in self.shared_files.values() if f.get("permalink") == permalink), None)
        if file is None:
            return False
        if file.get("user") == user_id:
            return True
        for channel_id in file.get("channels") or []:
            channel = self.channels.get(channel_id) or {}
            if user_id in channel.get("members", []):
                return True
            own = self.users.get(user_id, {}).get("team_id", HUB_TEAM) == HUB_TEAM
            if channel and not channel.get("is_private") and own:
                return True
        return False

    def share(self, channel_id: str, team: str = PARTNER_TEAM) -> None:
        """Connect an existing channel with another organization (Slack Connect)."""
        channel = self.channels[channel_id]
        channel.update(is_shared=True, is_ext_shared=True)
        channel["shared_team_ids"] = [*channel.get("shared_team_ids", [HUB_TEAM]), team]
        channel["connected_team_ids"] = [*channel.get("connected_team_ids", []), team]

    def dm_refused(self, user_id: str) -> bool:
        """Whether Slack refuses echobot a DM with this person (a partner organization's setting)."""
        return not self.users.get(user_id, {}).get("_dm", True)

    def attach_file(self, user_id: str, name: str, content: bytes, filetype: str = "csv") -> dict[str, Any]:
        """A file a person attaches to a modal's file input: the object Slack puts in the view's state. Its
        content is served at url_private(_download) to a request carrying the bot token (as Slack does)."""
        file_id = f"F{next(self._counter):08d}"
        url = f"{self.root}/files-pri/T0ECHO-{file_id}/{name}"
        file = {"id": file_id, "name": name, "title": name, "user": user_id, "filetype": filetype,
                "mimetype": "text/csv" if filetype == "csv" else "application/octet-stream", "size": len(content),
                "url_private": url, "url_private_download": url + "?download=1", "is_public": False,
                "permalink": f"https://echo-hub.slack.com/files/{user_id}/{file_id}/{name}"}  # fmt: skip
        self.shared_files[file_id] = {**file, "content": content}
        return file

    def fail(
        self,
        method: str,
        *,
        status: int = 200,
        error: str = "",
        retry_after: int = 1,
        times: int = 1,
        disconnect: bool = False,
        timeout: bool = False,
        lost: bool = False,
        team: str = "",
    ) -> None:
        """Make the next `times` calls of `method` fail: 429/500 by status, ok:false by error, or no answer
        (disconnect: dropped unanswered; timeout: hangs, then dropped; lost: done, then dropped); with `team`,
        only calls made with that workspace's bot token (Slack's limits and outages are per workspace)."""
        if status == 200 and not error and not (disconnect or timeout or lost):
            raise ValueError("say how the call fails: status, error, disconnect, timeout or lost")
        self.faults.append(Fault(method, status, error, retry_after, times, disconnect, timeout, lost, team))

    def fault_rates(
        self,
        *,
        r429: float = 0.0,
        r500: float = 0.0,
        disconnect: float = 0.0,
        timeout: float = 0.0,
        lost: float = 0.0,
        methods: set[str] | None = None,
    ) -> None:
        """Random faults, as fractions of calls: 429 (Retry-After: 1), 500, dropped connections, calls that
        time out, and calls whose answer is lost after Slack did the work."""
        self.rates = {"429": r429, "500": r500, "disconnect": disconnect, "timeout": timeout, "lost": lost}
        self.fault_methods = methods

    def install_code(self, team: str, name: str, installer: str, *, enterprise: str | None = None) -> str:
        """A workspace's admin approved the install on Slack's consent screen: the code Slack puts in the redirect.
        oauth.v2.access exchanges it for a new bot token of that workspace (and `installer` is its authed user)."""
        code = f"code-{team}-{next(self._counter)}"
        token = f"xoxb-{team.lower()}-{next(self._counter):04d}"
        self.codes[code] = {"team": team, "name": name, "installer": installer, "token": token,
                            "enterprise": enterprise}  # fmt: skip
        self.team_names[team] = name
        self.revoked.discard(team)
        return code

    def add_member(self, user_id: str, real_name: str, team: str) -> None:
        """Someone of workspace `team` (one of the installed hubs)."""
        self.add_user(user_id, real_name)
        self.users[user_id]["team_id"] = team
        self.users[user_id]["profile"]["team"] = team

    def uninstall_team(self, team: str) -> dict[str, Any]:
        """Workspace `team` removes echobot: its bot token is refused from now on. Returns the app_uninstalled
        event Slack sends (deliver it with the driver's `event`, as that team)."""
        self.revoked.add(team)
        return {"type": "app_uninstalled", "event_ts": self._ts()}

    def calls_by(self, team: str, method: str | None = None) -> list[Call]:
        """Successful calls made with `team`'s bot token."""
        return [call for call in self.calls if call.team == team and call.ok and method in (None, call.method)]

    def uninstall(self, error: str = "token_revoked") -> dict[str, Any]:
        """The workspace removes the app: the bot token is refused from now on. Returns the app_uninstalled
        event Slack sends (deliver it with the driver's `event`)."""
        self.token_error = error
        return {"type": "app_uninstalled", "event_ts": self._ts()}

    # ---- reading what happened ----------------------------------------------------------------
    def calls_to(self, method: str, *, ok_only: bool = True) -> list[Call]:
        return [call for call in self.calls if call.method == method and (call.ok or not ok_only)]

    def last(self, method: str) -> Call:
        calls = self.calls_to(method)
        assert calls, f"no successful {method} call; calls were: {[c.method for c in self.calls]}"
        return calls[-1]

    def opened_views(self) -> list[dict[str, Any]]:
        return [call.response["view"] for call in self.calls if call.method in ("views.open", "views.push") and call.ok]

    def posts_to(self, channel: str) -> list[dict[str, Any]]:
        """Messages posted to a channel, or to a user's DM (pass the user id), oldest first."""
        wanted = {channel, dm_channel(channel)}
        return [
            call.args
            for call in self.calls_to("chat.postMessage")
            if call.args.get("channel") in wanted or call.response.get("channel") in wanted
        ]

    def ephemerals_to(self, user: str) -> list[dict[str, Any]]:
        return [call.args for call in self.calls_to("chat.postEphemeral") if call.args.get("user") == user]

    async def wait_for(self, method: str, count: int = 1, timeout: float = 5.0) -> list[Call]:
        async def enough() -> None:
            async with self._changed:
                await self._changed.wait_for(lambda: len(self.calls_to(method)) >= count)

        await asyncio.wait_for(enough(), timeout)
        return self.calls_to(method)

    # ---- the API ------------------------------------------------------------------------------
    async def _arguments(self, request: web.Request) -> dict[str, Any]:
        args: dict[str, Any] = dict(request.query)
        if request.can_read_body:
            raw = await request.read()
            if request.content_type == "application/json":
                args.update(json.loads(raw or b"{}"))
            else:
                args.update(dict(parse_qsl(raw.decode())))
        for key in ("blocks", "view", "metadata", "attachments"):
            if isinstance(args.get(key), str):
                with contextlib.suppress(json.JSONDecodeError):
                    args[key] = json.loads(args[key])
        return args

    def _pick_fault(self, method: str, team: str = "") -> Fault | None:
        for fault in self.faults:
            if fault.method == method and fault.times > 0 and fault.team in ("", team):
                fault.times -= 1
                return fault
        if self.fault_methods is not None and method not in self.fault_methods:
            return None
        roll = self._random.random()
        if roll < self.rates["429"]:
            return Fault(method, status=429, retry_after=1)
        roll -= self.rates["429"]
        if roll < self.rates["500"]:
            return Fault(method, status=500)
        roll -= self.rates["500"]
        if roll < self.rates["disconnect"]:
            return Fault(method, disconnect=True)
        roll -= self.rates["disconnect"]
        if roll < self.rates["timeout"]:
            return Fault(method, timeout=True)
        roll -= self.rates["timeout"]
        if roll < self.rates["lost"]:
            return Fault(method, lost=True)
        return None

    async def _api(self, request: web.Request) -> web.StreamResponse:
        method = request.match_info["method"]
        args = await self._arguments(request)
        call = Call(method, args, asyncio.get_running_loop().time())
        call.team = self.tokens.get(self._token(args, request.headers.get("Authorization", "")), "")
        if self.delay:
            await asyncio.sleep(self.delay)
        fault = self._pick_fault(method, call.team)
        if fault is not None and fault.timeout:
            call.status = 0
            await self._record(call)
            await asyncio.sleep(self.hang)
        if fault is not None and fault.lost:
            call.response = self._answer(method, args, request.headers.get("Authorization", ""))
            call.status = 0  # Slack did it, but nobody hears back
            await self._record(call)
        if fault is not None and (fault.disconnect or fault.timeout or fault.lost):
            if not (fault.timeout or fault.lost):
                call.status = 0
                await self._record(call)
            if request.transport is not None:
                request.transport.close()
            raise asyncio.CancelledError
        if fault is not None and fault.status == 429:
            call.status = 429
            call.response = {"ok": False, "error": "ratelimited"}
            await self._record(call)
            return web.json_response(call.response, status=429, headers={"Retry-After": str(fault.retry_after)})
        if fault is not None and fault.status >= 500:
            call.status = fault.status
            await self._record(call)
            return web.Response(status=fault.status, text="upstream connect error")
        if fault is not None:
            call.response = {"ok": False, "error": fault.error}
        else:
            call.response = self._answer(method, args, request.headers.get("Authorization", ""))
        await self._record(call)
        headers = {"x-oauth-scopes": ",".join(self.scopes)} if method == "auth.test" else None
        return web.json_response(call.response, headers=headers)

    async def _record(self, call: Call) -> None:
        self.calls.append(call)
        async with self._changed:
            self._changed.notify_all()

    @staticmethod
    def _token(args: dict[str, Any], authorization: str) -> str:
        return authorization.removeprefix("Bearer ").strip() or str(args.get("token", ""))

    def _answer(self, method: str, args: dict[str, Any], authorization: str) -> dict[str, Any]:
        token = self._token(args, authorization)
        if method == "oauth.v2.access":
            return self._oauth_v2_access(args, authorization)
        if method == "apps.connections.open":
            if token != APP_TOKEN:
                return {"ok": False, "error": "invalid_auth"}
            return {"ok": True, "url": self.socket_url() if self.socket_url else "wss://127.0.0.1:9/never"}
        if token not in self.tokens:
            return {"ok": False, "error": "invalid_auth" if token else "not_authed"}
        if self.token_error:
            return {"ok": False, "error": self.token_error}
        if self.tokens[token] in self.revoked:
            return {"ok": False, "error": "token_revoked"}
        if method == "auth.test":
            return self._auth_test(self.tokens[token])
        handler = getattr(self, "_m_" + method.replace(".", "_"), None)
        if handler is None:
            return {"ok": False, "error": "unknown_method"}
        return handler(args)

    def _ts(self) -> str:
        """A unique, increasing ts from the wall clock, as Slack's are (so `oldest` filters work)."""
        next(self._counter)
        micros = max(int(time.time() * 1_000_000), self._last_ts + 1)
        self._last_ts = micros
        return f"{micros // 1_000_000}.{micros % 1_000_000:06d}"

    # auth, users, conversations
    def _oauth_v2_access(self, args: dict[str, Any], authorization: str) -> dict[str, Any]:
        """The code from the redirect, for a bot token: only with the app's client id and secret (Basic auth)."""
        if authorization.startswith("Basic "):
            user, _, secret = base64.b64decode(authorization.removeprefix("Basic ")).decode().partition(":")
        else:
            user, secret = str(args.get("client_id", "")), str(args.get("client_secret", ""))
        if (user, secret) != (CLIENT_ID, CLIENT_SECRET):
            return {"ok": False, "error": "invalid_client_id" if user != CLIENT_ID else "bad_client_secret"}
        grant = self.codes.pop(str(args.get("code", "")), None)
        if grant is None:
            return {"ok": False, "error": "invalid_code"}
        self.tokens[grant["token"]] = grant["team"]
        enterprise = grant["enterprise"]
        return {
            "ok": True, "app_id": APP_ID, "access_token": grant["token"], "token_type": "bot",
            "scope": ",".join(self.scopes), "bot_user_id": BOT_USER,
            "team": {"id": grant["team"], "name": grant["name"]},
            "enterprise": {"id": enterprise, "name": enterprise} if enterprise else None,
            "is_enterprise_install": False, "authed_user": {"id": grant["installer"]},
        }  # fmt: skip

    def _auth_test(self, team: str) -> dict[str, Any]:
        if team == HUB_TEAM:
            return self._m_auth_test({})
        return {"ok": True, "url": f"https://{team.lower()}.slack.com/", "team": self.team_names.get(team, team),
                "user": "echobot", "team_id": team, "user_id": BOT_USER, "bot_id": f"B{team}"}  # fmt: skip

    def _m_auth_test(self, args: dict[str, Any]) -> dict[str, Any]:
        return {
            "ok": True,
            "url": "https://echo-hub.slack.com/",
            "team": "ECHO Hub",
            "user": "echobot",
            "team_id": "T0ECHO",
            "user_id": BOT_USER,
            "bot_id": "B0ECHO",
        }

    def _m_users_info(self, args: dict[str, Any]) -> dict[str, Any]:
        user = self.users.get(str(args.get("user")))
        if not user or not user.get("_found", True):
            return {"ok": False, "error": "user_not_found"}
        return {"ok": True, "user": {k: v for k, v in user.items() if not k.startswith("_")}}

    def _m_conversations_open(self, args: dict[str, Any]) -> dict[str, Any]:
        users = str(args.get("users", ""))
        if not users:
            return {"ok": False, "error": "users_list_not_supplied"}
        if any(self.dm_refused(user) for user in users.split(",")):
            return {"ok": False, "error": DM_REFUSED_OPEN}
        return {"ok": True, "channel": {"id": dm_channel(users.split(",")[0])}}

    def _m_conversations_info(self, args: dict[str, Any]) -> dict[str, Any]:
        channel = self.channels.get(str(args.get("channel")))
        if not channel:
            return {"ok": False, "error": "channel_not_found"}
        return {"ok": True, "channel": {k: v for k, v in channel.items() if k != "members"}}

    def _m_conversations_members(self, args: dict[str, Any]) -> dict[str, Any]:
        channel = self.channels.get(str(args.get("channel")))
        if not channel:
            return {"ok": False, "error": "channel_not_found"}
        return {"ok": True, "members": channel["members"], "response_metadata": {"next_cursor": ""}}

    def _m_conversations_history(self, args: dict[str, Any]) -> dict[str, Any]:
        """Top-level messages, newest first, after `oldest`; metadata only with include_all_metadata."""
        channel = self._channel_of(str(args.get("channel", "")))
        if problem := self._unreadable(channel):
            return problem
        found = [m for (c, ts), m in self.messages.items() if c == channel and m.get("thread_ts") in (None, ts)]
        return self._page(found, args, newest_first=True)

    def _m_conversations_replies(self, args: dict[str, Any]) -> dict[str, Any]:
        """A thread: its parent, then its replies, oldest first."""
        channel = self._channel_of(str(args.get("channel", "")))
        if problem := self._unreadable(channel):
            return problem
        parent = str(args.get("ts", ""))
        if (channel, parent) not in self.messages:
            return {"ok": False, "error": "thread_not_found"}
        found = [m for (c, ts), m in self.messages.items() if c == channel and parent in (ts, m.get("thread_ts"))]
        return self._page(found, args, newest_first=False)

    def _unreadable(self, channel: str) -> dict[str, Any] | None:
        if not channel:
            return {"ok": False, "error": "channel_not_found"}
        known = self.channels.get(channel)
        if known is not None and not known.get("is_member", True):
            return {"ok": False, "error": "not_in_channel"}
        return None

    def _page(self, found: list[dict[str, Any]], args: dict[str, Any], *, newest_first: bool) -> dict[str, Any]:
        oldest = float(args.get("oldest") or 0)
        chosen = sorted((m for m in found if float(m["ts"]) > oldest), key=lambda m: float(m["ts"]),
                        reverse=newest_first)  # fmt: skip
        start = int(args.get("cursor") or 0)
        limit = max(1, min(int(args.get("limit") or 100), 999))
        with_metadata = str(args.get("include_all_metadata", "")).lower() in ("1", "true")
        page = [
            {key: value for key, value in message.items() if key != "metadata" or with_metadata}
            for message in chosen[start : start + limit]
        ]
        more = start + limit < len(chosen)
        return {"ok": True, "messages": page, "has_more": more,
                "response_metadata": {"next_cursor": str(start + limit) if more else ""}}  # fmt: skip

    # messages
    def _channel_of(self, channel: str) -> str:
        return dm_channel(channel) if channel[:1] in ("U", "W") else channel

    def _m_chat_postMessage(self, args: dict[str, Any]) -> dict[str, Any]:
        if problem := message_problem(args):
            return problem
        if self.dm_refused(str(args.get("channel", ""))) or self.dm_refused("U" + str(args.get("channel", ""))[1:]):
            return {"ok": False, "error": DM_REFUSED_POST}
        channel = self._channel_of(str(args.get("channel", "")))
        if not channel:
            return {"ok": False, "error": "channel_not_found"}
        ts = self._ts()
        message = {
            "type": "message",
            "user": BOT_USER,
            "bot_id": "B0ECHO",
            "ts": ts,
            "text": args.get("text", ""),
            "blocks": args.get("blocks") or [],
            "thread_ts": args.get("thread_ts"),
            "metadata": args.get("metadata"),
        }
        if args.get("thread_ts") and (channel, args["thread_ts"]) not in self.messages:
            return {"ok": False, "error": "thread_not_found"}
        self.messages[(channel, ts)] = message
        return {"ok": True, "channel": channel, "ts": ts, "message": message}

    def _m_chat_update(self, args: dict[str, Any]) -> dict[str, Any]:
        if problem := message_problem(args):
            return problem
        key = (str(args.get("channel")), str(args.get("ts")))
        if key not in self.messages:
            return {"ok": False, "error": "message_not_found"}
        self.messages[key]["text"] = args.get("text", "")
        if "blocks" in args:  # like Slack: without blocks, an update keeps the message's blocks
            self.messages[key]["blocks"] = args.get("blocks") or []
        return {"ok": True, "channel": key[0], "ts": key[1], "text": args.get("text", "")}

    def _m_chat_delete(self, args: dict[str, Any]) -> dict[str, Any]:
        key = (str(args.get("channel")), str(args.get("ts")))
        if self.messages.pop(key, None) is None:
            return {"ok": False, "error": "message_not_found"}
        return {"ok": True, "channel": key[0], "ts": key[1]}

    def _m_chat_postEphemeral(self, args: dict[str, Any]) -> dict[str, Any]:
        if problem := message_problem(args):
            return problem
        if not args.get("user"):
            return {"ok": False, "error": "user_not_found"}
        return {"ok": True, "message_ts": self._ts()}

    # views
    def _store_view(self, args: dict[str, Any], *, view_id: str | None = None) -> dict[str, Any]:
        view = args.get("view")
        if not isinstance(view, dict):
            return {"ok": False, "error": "invalid_arguments"}
        if problem := view_problem(view):
            return problem
        stored = {
            **view,
            "id": view_id or f"V{next(self._counter):08d}",
            "hash": f"h{next(self._counter)}",
            "state": {"values": {}},
        }
        return {"ok": True, "view": stored}

    def _m_views_open(self, args: dict[str, Any]) -> dict[str, Any]:
        trigger = str(args.get("trigger_id", ""))
        if not trigger:
            return {"ok": False, "error": "invalid_trigger_id"}
        if trigger.startswith("expired"):
            return {"ok": False, "error": "expired_trigger_id"}
        return self._store_view(args)

    def _m_views_push(self, args: dict[str, Any]) -> dict[str, Any]:
        return self._m_views_open(args)

    def _m_views_update(self, args: dict[str, Any]) -> dict[str, Any]:
        return self._store_view(args, view_id=str(args.get("view_id") or "") or None)

    def _m_views_publish(self, args: dict[str, Any]) -> dict[str, Any]:
        answer = self._store_view(args)
        if answer["ok"]:
            self.homes[str(args.get("user_id"))] = answer["view"]
        return answer

    # files (the files_upload_v2 flow)
    def _m_files_getUploadURLExternal(self, args: dict[str, Any]) -> dict[str, Any]:
        file_id = f"F{next(self._counter):08d}"
        return {"ok": True, "upload_url": f"{self.root}/upload/{file_id}", "file_id": file_id}

    def _m_files_completeUploadExternal(self, args: dict[str, Any]) -> dict[str, Any]:
        files = args.get("files")
        if isinstance(files, str):
            files = json.loads(files)
        missing = [f["id"] for f in files or [] if f["id"] not in self.uploads]
        if missing:
            return {"ok": False, "error": "file_not_found"}
        channel, thread = self._channel_of(str(args.get("channel_id") or "")), args.get("thread_ts")
        if thread and (channel, thread) not in self.messages:
            return {"ok": False, "error": "thread_not_found"}
        shared = []
        for f in files or []:
            # the uploaded file, now Slack's: files.info knows it, with a link for everyone in the channel
            name = str(f.get("title") or f["id"])
            url = f"{self.root}/files-pri/T0ECHO-{f['id']}/{name}"
            shared.append({"id": f["id"], "name": name, "title": name, "user": BOT_USER, "filetype": "binary",
                           "mimetype": "application/octet-stream", "size": len(self.uploads[f["id"]]),
                           "url_private": url, "url_private_download": url, "is_public": True,
                           "channels": [channel] if channel else [],
                           "permalink": f"https://echo-hub.slack.com/files/{BOT_USER}/{f['id']}/{name}",
                           "content": self.uploads[f["id"]]})  # fmt: skip
            self.shared_files[f["id"]] = shared[-1]
        if channel:  # the message the files were shared with, in the channel (or a thread of it)
            ts = self._ts()
            self.messages[(channel, ts)] = {"type": "message", "user": BOT_USER, "ts": ts, "thread_ts": thread,
                                            "text": args.get("initial_comment") or "", "blocks": [],
                                            "files": [{k: v for k, v in f.items() if k != "content"}
                                                      for f in shared]}  # fmt: skip
        return {"ok": True, "files": [{"id": f["id"], "title": f.get("title", "")} for f in files or []]}

    async def _upload(self, request: web.Request) -> web.Response:
        data = await request.post()
        upload = data.get("file") or next(iter(data.values()), b"")
        content = upload.file.read() if hasattr(upload, "file") else (await request.read())
        self.uploads[request.match_info["file_id"]] = content if isinstance(content, bytes) else bytes(content)
        return web.Response(text="OK - " + str(len(self.uploads[request.match_info["file_id"]])))

    def _m_files_info(self, args: dict[str, Any]) -> dict[str, Any]:
        if "files:read" not in self.scopes:
            return {"ok": False, "error": "missing_scope", "needed": "files:read"}
        file = self.shared_files.get(str(args.get("file", "")))
        if file is None:
            return {"ok": False, "error": "file_not_found"}
        return {"ok": True, "file": {k: v for k, v in file.items() if k != "content"}}

    async def _download(self, request: web.Request) -> web.Response:
        """url_private: the file's bytes to a bearer token with files:read; to anyone else, as Slack does, a
        sign-in page (200, text/html) rather than an error."""
        file_id = request.match_info["team_file"].rpartition("-")[2]
        file = self.shared_files.get(file_id)
        token = request.headers.get("Authorization", "").removeprefix("Bearer ").strip()
        self.calls.append(Call("files-pri", {"file": file_id, "authorized": token == BOT_TOKEN},
                               asyncio.get_running_loop().time()))  # fmt: skip
        if token not in self.tokens or "files:read" not in self.scopes or self.token_error:
            return web.Response(text="<!DOCTYPE html><html><body>Sign in to Slack</body></html>",
                                content_type="text/html")  # fmt: skip
        if file is None or file["name"] != request.match_info["name"]:
            return web.Response(status=404, text="Not found")
        return web.Response(body=file["content"], content_type=file["mimetype"])

    async def _calls(self, request: web.Request) -> web.Response:
        """What was called, for a benchmark running this fake in another process."""
        return web.json_response([
            {"method": c.method, "status": c.status, "ok": c.ok, "wall": c.wall,
             "channel": c.args.get("channel") or c.args.get("channel_id"), "ts": c.response.get("ts"),
             "key": ((c.args.get("metadata") or {}).get("event_payload") or {}).get("key")}
            for c in self.calls
        ])  # fmt: skip

    async def _setup(self, request: web.Request) -> web.Response:
        """Add users {id, name} and channels {id, name, private}, and set the answer `delay` in seconds
        (a benchmark in another process)."""
        wanted = await request.json()
        self.delay = float(wanted.get("delay", self.delay))
        for user in wanted.get("users", []):
            self.add_user(user["id"], user["name"])
        for channel in wanted.get("channels", []):
            self.add_channel(channel["id"], channel["name"], private=bool(channel.get("private")))
        return web.json_response({"ok": True})

    async def _views(self, request: web.Request) -> web.Response:
        """The modals opened, each with the trigger it was opened with (a benchmark in another process)."""
        return web.json_response([
            {"trigger_id": c.args.get("trigger_id"), "view": c.response["view"]}
            for c in self.calls if c.method in ("views.open", "views.push") and c.ok
        ])  # fmt: skip

    async def _set_faults(self, request: web.Request) -> web.Response:
        rates = await request.json()
        self.fault_rates(r429=rates.get("r429", 0), r500=rates.get("r500", 0), disconnect=rates.get("disconnect", 0),
                         timeout=rates.get("timeout", 0), lost=rates.get("lost", 0),
                         methods=set(rates["methods"]) if rates.get("methods") else None)  # fmt: skip
        self.calls.clear()
        self.messages.clear()  # a fresh start: an earlier run's posts must not answer this run's history look-ups
        return web.json_response({"ok": True})

    async def _respond(self, request: web.Request) -> web.Response:
        self.responses.append(await request.json())
        self.response_urls.append(str(request.url.path))
        async with self._changed:
            self._changed.notify_all()
        return web.Response(text="ok")


def dm_channel(user_id: str) -> str:
    return "D" + user_id[1:] if user_id[:1] in ("U", "W") else user_id


# ---- Slack's limits ------------------------------------------------------------------------------


def _invalid(message: str) -> dict[str, Any]:
    return {"ok": False, "error": "invalid_blocks", "response_metadata": {"messages": [f"[ERROR] {message}"]}}


def blocks_problem(blocks: list[dict[str, Any]], limit: int) -> dict[str, Any] | None:
    if len(blocks) > limit:
        return _invalid(f"no more than {limit} items allowed [json-pointer:/blocks]")
    block_ids = [block["block_id"] for block in blocks if "block_id" in block]
    if len(block_ids) != len(set(block_ids)):
        return _invalid("block_id must be unique [json-pointer:/blocks]")
    for index, block in enumerate(blocks):
        text = block.get("text", {}).get("text", "") if isinstance(block.get("text"), dict) else ""
        if block.get("type") == "section" and len(text) > 3000:
            return _invalid(f"must be less than 3001 characters [json-pointer:/blocks/{index}/text]")
        if block.get("type") == "header" and len(text) > 150:
            return _invalid(f"must be less than 151 characters [json-pointer:/blocks/{index}/text]")
        if block.get("type") == "section" and len(block.get("fields", [])) > 10:
            return _invalid(f"no more than 10 items allowed [json-pointer:/blocks/{index}/fields]")
        elements = block.get("elements", []) if block.get("type") == "actions" else []
        elements += [block[key] for key in ("element", "accessory") if isinstance(block.get(key), dict)]
        action_ids = [element["action_id"] for element in elements if "action_id" in element]
        if len(action_ids) != len(set(action_ids)):
            return _invalid(f"action_id must be unique in a block [json-pointer:/blocks/{index}]")
        for element in elements:
            options = element.get("options", [])
            if len(options) > 100:
                return _invalid(f"no more than 100 options allowed [json-pointer:/blocks/{index}]")
            if any(len(option.get("text", {}).get("text", "")) > 75 for option in options):
                return _invalid(f"option text must be less than 76 characters [json-pointer:/blocks/{index}]")
            if element.get("type") == "file_input":
                problem = _file_input_problem(block, element, index)
                if problem:
                    return problem
            initial = element.get("initial_value")
            if initial and element.get("max_length") and len(initial) > element["max_length"]:
                return _invalid(f"initial_value longer than max_length [json-pointer:/blocks/{index}]")
    return None


def _file_input_problem(block: dict[str, Any], element: dict[str, Any], index: int) -> dict[str, Any] | None:
    """A file input lives only in an input block (of a modal); max_files 1 to 10; filetypes a list of names."""
    if block.get("type") != "input":
        return _invalid(f"file_input is only allowed in input blocks [json-pointer:/blocks/{index}]")
    if not 1 <= int(element.get("max_files", 10)) <= 10:
        return _invalid(f"max_files must be between 1 and 10 [json-pointer:/blocks/{index}/element]")
    types = element.get("filetypes", [])
    if not isinstance(types, list) or not all(isinstance(t, str) and t for t in types):
        return _invalid(f"filetypes must be a list of strings [json-pointer:/blocks/{index}/element]")
    return None


def message_problem(args: dict[str, Any]) -> dict[str, Any] | None:
    blocks = args.get("blocks") or []
    if not args.get("text") and not blocks:
        return {"ok": False, "error": "no_text"}
    if len(str(args.get("text", ""))) > 40_000:
        return {"ok": False, "error": "msg_too_long"}
    if not isinstance(blocks, list):
        return _invalid("blocks must be a list")
    if block_chars(blocks) > MESSAGE_BLOCKS_LIMIT:  # undocumented, but what Slack answers
        return {"ok": False, "error": "msg_blocks_too_long"}
    return blocks_problem(blocks, 50)


# Slack refuses a message whose blocks hold more than about 12,000 characters in all (every `text`).
MESSAGE_BLOCKS_LIMIT = 12_000


def block_chars(node: Any) -> int:
    """The characters of every `text` string in a message's blocks."""
    if isinstance(node, dict):
        return sum(len(v) if k == "text" and isinstance(v, str) else block_chars(v) for k, v in node.items())
    if isinstance(node, list):
        return sum(block_chars(item) for item in node)
    return 0


def view_problem(view: dict[str, Any]) -> dict[str, Any] | None:
    title = view.get("title", {}).get("text", "") if isinstance(view.get("title"), dict) else ""
    if view.get("type") == "modal" and not 0 < len(title) <= 24:
        return {
            "ok": False,
            "error": "invalid_arguments",
            "response_metadata": {
                "messages": ["[ERROR] must be less than 25 characters [json-pointer:/view/title/text]"]
            },
        }
    if len(str(view.get("private_metadata", ""))) > 3000:
        return {
            "ok": False,
            "error": "invalid_arguments",
            "response_metadata": {"messages": ["[ERROR] private_metadata must be under 3001 characters"]},
        }
    return blocks_problem(view.get("blocks", []), 100)


async def _serve(port: int) -> None:
    fake = FakeSlack()
    await fake.start(port)
    print(fake.api_url, flush=True)
    await asyncio.Event().wait()


if __name__ == "__main__":
    import sys

    asyncio.run(_serve(int(sys.argv[1]) if len(sys.argv) > 1 else 0))
