"""Slack: a workspace export (folder or zip) or one ``conversations.history`` response.

A workspace export holds ``users.json``, ``channels.json`` (and ``groups.json``, ``mpims.json``,
``dms.json``) and one folder per conversation with a file per *local* day (``2025-02-14.json``).
The day is the workspace's, so files are not split on UTC days: the time of a message is its own
``ts`` ("epoch.micro" as a string), never the file name. For speed, a day file is skipped unopened
only when no message in it could fall in the window whatever the workspace's zone (UTC-12..+14).
"""

from __future__ import annotations

import datetime as dt
import re
import zipfile
import zlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from postmortems.errors import InputError
from postmortems.importers._io import (
    UTC,
    epoch_bounds,
    from_epoch,
    head,
    load_json,
    read_bytes,
)
from postmortems.importers.base import ImportOptions, ImportResult
from postmortems.timeline.event import Event, EventKind, Skipped

_DAY_FILE = re.compile(r"^\d{4}-\d{2}-\d{2}\.json$")
# <@U1>, <#C1|name>, <!here>, <https://...|label>, <mailto:...>; a bare "<" in text is not markup
# (Slack escapes those as &lt;, but other tools writing the format do not).
_MARKUP = re.compile(r"<((?:[@#!]|[a-zA-Z][a-zA-Z0-9+.-]*:)[^<>\s|]*(?:\|[^<>\n]*)?)>")
_CONVERSATION_LISTS = ("channels.json", "groups.json", "mpims.json", "dms.json")
#: Subtypes that are the system talking about the channel, not people talking about the incident.
_SYSTEM_SUBTYPES = frozenset(
    {
        "channel_join",
        "channel_leave",
        "channel_topic",
        "channel_purpose",
        "channel_name",
        "channel_archive",
        "channel_unarchive",
        "group_join",
        "group_leave",
        "group_topic",
        "group_purpose",
        "group_name",
        "group_archive",
        "group_unarchive",
        "pinned_item",
        "unpinned_item",
        "bot_add",
        "bot_remove",
        "reminder_add",
        "channel_convert_to_private",
        "channel_convert_to_public",
    }
)
# A day file dated D (local) holds messages from D 00:00 at UTC+14 to D+1 00:00 at UTC-12.
_EARLIEST_OFFSET = dt.timedelta(hours=14)
_LATEST_OFFSET = dt.timedelta(hours=12)


@dataclass(slots=True)
class _Workspace:
    """Names the export knows: user id -> (display name, zone), conversation id -> name."""

    users: dict[str, tuple[str, str | None]] = field(default_factory=dict)
    channels: dict[str, str] = field(default_factory=dict)
    #: Handles seen in ``<@U123|handle>`` markup for users missing from users.json (deleted or
    #: trimmed accounts): better than a bare id as an actor.
    handles: dict[str, str] = field(default_factory=dict)

    def replace_markup(self, match: re.Match[str]) -> str:
        """The plain text for one ``<...>`` of Slack markup."""
        target, _, label = match.group(1).partition("|")
        first = target[:1]
        if first == "@":
            if label:
                if target[1:] not in self.users:
                    self.handles[target[1:]] = label
                return f"@{label}"
            user = self.users.get(target[1:])
            return f"@{user[0] if user else target[1:]}"
        if first == "#":
            return f"#{label or self.channels.get(target[1:], target[1:])}"
        if first == "!":
            command = target[1:]
            if label:
                return label if label.startswith("@") or command.startswith("date") else f"@{label}"
            return f"@{command.partition('^')[0]}"
        if label:
            return label
        return target.removeprefix("mailto:")


def _user_entry(user: dict[str, Any]) -> tuple[str, str | None]:
    profile = user.get("profile") or {}
    name = (
        profile.get("real_name")
        or user.get("real_name")
        or profile.get("display_name")
        or user.get("name")
        or user.get("id")
    )
    return str(name), user.get("tz") or None


def _read_names(read: Callable[[str], bytes | None], where: str) -> _Workspace:
    workspace = _Workspace()
    data = read("users.json")
    if data is not None:
        users = load_json(data, f"{where}users.json", "Slack users.json (a list of users)")
        if isinstance(users, list):
            for user in users:
                if isinstance(user, dict) and isinstance(user.get("id"), str):
                    workspace.users[user["id"]] = _user_entry(user)
    for listing in _CONVERSATION_LISTS:
        data = read(listing)
        if data is None:
            continue
        conversations = load_json(data, f"{where}{listing}", f"Slack {listing}")
        if isinstance(conversations, list):
            for conversation in conversations:
                if isinstance(conversation, dict) and isinstance(conversation.get("id"), str):
                    workspace.channels[conversation["id"]] = str(
                        conversation.get("name") or conversation["id"]
                    )
    return workspace


def clean_markup(text: str, workspace: _Workspace | None = None) -> str:
    """Slack's mrkdwn as plain text: ``<@U1|ann>`` -> ``@ann``, ``<url|label>`` -> ``label``,
    ``<!here>`` -> ``@here``, and the three HTML entities Slack escapes (``&amp; &lt; &gt;``)."""
    names = workspace if workspace is not None else _Workspace()
    if "<" in text:
        text = _MARKUP.sub(names.replace_markup, text)
    if "&" in text:
        text = text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")
    return text


def _fallback_text(message: dict[str, Any]) -> str:
    """Text for messages that carry it only in attachments or files (alert bots, uploads)."""
    parts: list[str] = []
    for attachment in message.get("attachments") or ():
        if isinstance(attachment, dict):
            part = attachment.get("fallback") or attachment.get("text") or attachment.get("title")
            if part:
                parts.append(str(part))
    for shared in message.get("files") or ():
        if isinstance(shared, dict) and (shared.get("title") or shared.get("name")):
            parts.append(f"[file] {shared.get('title') or shared.get('name')}")
    return " | ".join(parts)


class _MessageReader:
    """Turns one conversation's message dicts into events, filtering by each message's ``ts``."""

    def __init__(self, workspace: _Workspace, options: ImportOptions, result: ImportResult):
        self.workspace = workspace
        self.low, self.high = epoch_bounds(options)
        self.events = result.events
        self.skipped = result.skipped

    def read(self, channel: str, position: str, messages: Any) -> None:
        if not isinstance(messages, list):
            self.skipped.append(Skipped("slack", position, "not a list of messages"))
            return
        users = self.workspace.users
        workspace = self.workspace
        low, high = self.low, self.high
        append, skipped = self.events.append, self.skipped
        fromtimestamp, utc, message_kind = dt.datetime.fromtimestamp, UTC, EventKind.MESSAGE
        prefix = f"slack:#{channel}/"
        for index, message in enumerate(messages):
            if type(message) is not dict:
                skipped.append(Skipped("slack", f"{position}#{index}", "message is not an object"))
                continue
            get = message.get
            ts = get("ts")
            try:
                seconds = float(ts)  # type: ignore[arg-type]
            except (TypeError, ValueError):
                skipped.append(Skipped("slack", f"{position}#{index}", f"bad or missing ts {ts!r}"))
                continue
            if seconds < low or seconds > high:
                continue
            # Fast path, most of any export: a person's plain message, its author in users.json.
            if "subtype" not in message and "bot_id" not in message and type(ts) is str:
                text = get("text")
                user_id = get("user")
                known = users.get(user_id) if type(user_id) is str else None
                if known is not None and type(text) is str and text and get("type") == "message":
                    if "<" in text or "&" in text:
                        text = clean_markup(text, workspace)
                    attrs: dict[str, Any] = {"channel": channel}
                    thread_ts = get("thread_ts")
                    if thread_ts:
                        attrs["thread_ts"] = thread_ts
                        if thread_ts != ts:
                            attrs["reply"] = True
                    if "edited" in message:
                        edited = message["edited"]
                        if isinstance(edited, dict) and edited.get("ts"):
                            attrs["edited_ts"] = edited["ts"]
                    append(
                        Event(
                            fromtimestamp(seconds, utc),
                            "slack",
                            message_kind,
                            text,
                            known[0],
                            prefix + ts,
                            known[1],
                            None,
                            attrs,
                        )
                    )
                    continue
            self._general(channel, position, message, ts, seconds)

    def _general(
        self, channel: str, position: str, message: dict[str, Any], ts: Any, seconds: float
    ) -> None:
        """Any message: subtypes, bots, edits as events, authors missing from users.json."""
        subtype = message.get("subtype")
        if message.get("type", "message") != "message":
            self.skipped.append(
                Skipped("slack", f"{position}/{ts}", f"not a message: {message.get('type')}")
            )
            return
        if subtype == "message_deleted":
            self.skipped.append(Skipped("slack", f"{position}/{ts}", "deletion notice, no text"))
            return
        attrs: dict[str, Any] = {"channel": channel}
        body = message
        if subtype == "message_changed" and isinstance(message.get("message"), dict):
            body = message["message"]
            attrs["edit_of"] = body.get("ts")
        text = body.get("text")
        if not isinstance(text, str):
            text = ""
        if not text:
            text = _fallback_text(body)
        if "<" in text or "&" in text:
            text = clean_markup(text, self.workspace)
        user_id = body.get("user")
        zone = None
        known = self.workspace.users.get(user_id) if isinstance(user_id, str) else None
        is_bot = subtype == "bot_message" or bool(body.get("bot_id"))
        if known is not None:
            actor: str | None = known[0]
            zone = known[1]
        elif is_bot:
            profile = body.get("bot_profile") or {}
            actor = body.get("username") or profile.get("name") or body.get("bot_id")
        else:
            profile = body.get("user_profile") or {}
            actor = (
                profile.get("real_name")
                or profile.get("display_name")
                or (self.workspace.handles.get(user_id) if isinstance(user_id, str) else None)
                or user_id
            )
        if is_bot:
            attrs["bot"] = True
        if subtype:
            attrs["subtype"] = subtype
        thread_ts = body.get("thread_ts")
        if thread_ts:
            attrs["thread_ts"] = thread_ts
            if thread_ts != ts:
                attrs["reply"] = True
        edited = body.get("edited")
        if isinstance(edited, dict) and edited.get("ts"):
            attrs["edited_ts"] = edited["ts"]
        self.events.append(
            Event(
                from_epoch(seconds),
                "slack",
                EventKind.NOTE if subtype in _SYSTEM_SUBTYPES else EventKind.MESSAGE,
                text,
                actor,
                f"slack:#{channel}/{ts}",
                zone,
                None,
                attrs,
            )
        )


def _date_range(options: ImportOptions) -> tuple[dt.date | None, dt.date | None]:
    """Oldest and newest day-file dates that can hold a message inside the window."""
    first = (
        (options.start - _LATEST_OFFSET - dt.timedelta(days=1)).date() if options.start else None
    )
    last = (options.end + _EARLIEST_OFFSET).date() if options.end else None
    return first, last


def _wanted_channels(options: ImportOptions) -> set[str]:
    return {name.lstrip("#") for name in options.channels}


class _Export:
    """A workspace export in a folder or a zip: the names and the day files per conversation."""

    def __init__(self, path: Path):
        self.path = path
        self.zip: zipfile.ZipFile | None = None
        self.prefix = ""
        self.members: dict[str, list[str]] = {}
        if path.is_dir():
            for child in sorted(path.iterdir()):
                if child.is_dir():
                    days = sorted(p.name for p in child.iterdir() if p.suffix == ".json")
                    if days:
                        self.members[child.name] = days
            return
        try:
            self.zip = zipfile.ZipFile(path)
            names = self.zip.namelist()
        except (zipfile.BadZipFile, OSError, EOFError) as exc:
            raise InputError(
                f"not a readable zip file ({exc})",
                path=str(path),
                hint="a Slack export zip may be truncated; download it again",
            ) from None
        markers = [n for n in names if n.rsplit("/", 1)[-1] in ("users.json", "channels.json")]
        if markers:
            self.prefix = min(markers, key=len).rpartition("/")[0]
            self.prefix = f"{self.prefix}/" if self.prefix else ""
        for name in names:
            if not name.startswith(self.prefix) or not name.endswith(".json"):
                continue
            rest = name[len(self.prefix) :]
            channel, slash, day = rest.partition("/")
            if slash and day and "/" not in day:
                self.members.setdefault(channel, []).append(day)
        for days in self.members.values():
            days.sort()

    def read_top(self, name: str) -> bytes | None:
        if self.zip is None:
            candidate = self.path / name
            return read_bytes(candidate) if candidate.is_file() else None
        try:
            return self._read_member(self.prefix + name)
        except KeyError:
            return None

    def _read_member(self, name: str) -> bytes:
        assert self.zip is not None
        try:
            return self.zip.read(name)
        except KeyError:
            raise
        except (zipfile.BadZipFile, zlib.error, EOFError, OSError) as exc:
            raise InputError(
                f"zip member {name} cannot be read ({exc})",
                path=str(self.path),
                hint="the zip may be truncated; download the export again",
            ) from None

    def read_day(self, channel: str, day: str) -> bytes:
        if self.zip is None:
            return read_bytes(self.path / channel / day)
        return self._read_member(f"{self.prefix}{channel}/{day}")

    def where(self, channel: str, day: str) -> str:
        return (
            f"{self.path}/{channel}/{day}" if self.zip is None else f"{self.path}!{channel}/{day}"
        )


def _select(
    export: _Export, workspace: _Workspace, options: ImportOptions
) -> Iterable[tuple[str, list[str]]]:
    wanted = _wanted_channels(options)
    if not wanted:
        return export.members.items()
    by_id = {cid: name for cid, name in workspace.channels.items() if name in export.members}
    chosen: dict[str, list[str]] = {}
    for name in sorted(wanted):
        folder = name if name in export.members else by_id.get(name)
        if folder is None:
            raise InputError(
                f"no conversation named {name!r} in this Slack export",
                path=str(export.path),
                hint=f"channels: {', '.join(sorted(export.members)) or 'none'}",
            )
        chosen[folder] = export.members[folder]
    return chosen.items()


def _day_files(days: list[str], first: dt.date | None, last: dt.date | None) -> Iterator[str]:
    for day in days:
        if first is not None or last is not None:
            if not _DAY_FILE.match(day):
                yield day  # not dated: cannot be ruled out by name
                continue
            date = dt.date(int(day[:4]), int(day[5:7]), int(day[8:10]))
            if (first is not None and date < first) or (last is not None and date > last):
                continue
        yield day


class SlackImporter:
    """Slack workspace exports and ``conversations.history`` responses."""

    name = "slack"
    description = "Slack workspace export (folder or zip) or conversations.history JSON"

    def sniff(self, path: Path) -> bool:
        if path.is_dir():
            if (path / "users.json").is_file() or (path / "channels.json").is_file():
                return True
            return any(
                child.is_dir() and any(_DAY_FILE.match(p.name) for p in child.iterdir())
                for child in path.iterdir()
            )
        if zipfile.is_zipfile(path):
            try:
                with zipfile.ZipFile(path) as archive:
                    return any(
                        n.rsplit("/", 1)[-1] in ("users.json", "channels.json")
                        or bool(_DAY_FILE.match(n.rsplit("/", 1)[-1]))
                        for n in archive.namelist()
                    )
            except (zipfile.BadZipFile, OSError):
                return False
        text = head(path)
        stripped = text.lstrip()
        if stripped.startswith("{"):
            return '"messages"' in text and '"ts"' in text and '"ok"' in text
        return (
            stripped.startswith("[")
            and '"ts"' in text
            and re.search(r'"type"\s*:\s*"message"', text) is not None
        )

    def read(self, path: Path, options: ImportOptions) -> ImportResult:
        if path.is_dir() or zipfile.is_zipfile(path):
            return self._read_export(path, options)
        return self._read_single(path, options)

    def _read_export(self, path: Path, options: ImportOptions) -> ImportResult:
        export = _Export(path)
        if not export.members:
            raise InputError(
                "no conversation folders with day files (YYYY-MM-DD.json)",
                path=str(path),
                hint="expected an unpacked Slack workspace export or its zip",
            )
        workspace = _read_names(export.read_top, f"{path}/")
        result = ImportResult(source="slack")
        reader = _MessageReader(workspace, options, result)
        first, last = _date_range(options)
        try:
            for channel, days in _select(export, workspace, options):
                for day in _day_files(days, first, last):
                    position = f"{channel}/{day}"
                    if not _DAY_FILE.match(day):
                        result.skipped.append(
                            Skipped("slack", position, "not a day file (YYYY-MM-DD.json)")
                        )
                        continue
                    data = export.read_day(channel, day)
                    messages = load_json(
                        data, export.where(channel, day), "a Slack day file (list of messages)"
                    )
                    reader.read(channel, position, messages)
        finally:
            if export.zip is not None:
                export.zip.close()
        return result

    def _read_single(self, path: Path, options: ImportOptions) -> ImportResult:
        document = load_json(read_bytes(path), path, "Slack conversations.history JSON")
        sibling = path.parent / "users.json"
        workspace = (
            _read_names(
                lambda name: (
                    read_bytes(path.parent / name) if (path.parent / name).is_file() else None
                ),
                f"{path.parent}/",
            )
            if sibling.is_file() and sibling != path
            else _Workspace()
        )
        if isinstance(document, dict):
            if document.get("ok") is False:
                raise InputError(
                    f"Slack API error response: {document.get('error', 'unknown error')}",
                    path=str(path),
                )
            messages = document.get("messages")
            if not isinstance(messages, list):
                raise InputError(
                    "not a Slack conversations.history response (no messages list)",
                    path=str(path),
                    hint="use KIND:PATH to name the right kind",
                )
            channel = str(document.get("channel_name") or document.get("channel") or path.stem)
        elif isinstance(document, list):
            messages, channel = document, path.parent.name or path.stem
        else:
            raise InputError("not Slack messages", path=str(path))
        wanted = _wanted_channels(options)
        result = ImportResult(source="slack")
        if wanted and channel not in wanted:
            return result
        _MessageReader(workspace, options, result).read(channel, path.name, messages)
        return result


IMPORTER = SlackImporter()
