"""Slack messages as events: the workspace's names, markup cleanup, one conversation's messages.

Shared by the workspace export and ``conversations.history`` readers in :mod:`.slack`.
"""

from __future__ import annotations

import operator
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any

from postmortems.importers._io import epoch_bounds, load_json
from postmortems.importers._slack_apps import relayed
from postmortems.importers.base import ImportOptions, ImportResult
from postmortems.timeline.event import FIRST_EPOCH, LAST_EPOCH, Event, EventKind, Skipped

# <@U1>, <#C1|name>, <!here>, <https://...|label>, <mailto:...>; a bare "<" in text is not markup
# (Slack escapes those as &lt;, but other tools writing the format do not).
_MARKUP_INSIDE = re.compile(r"(?:[@#!]|[a-zA-Z][a-zA-Z0-9+.-]*:)[^<>\s|]*(?:\|[^<>\n]*)?")
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


@dataclass(slots=True)
class Workspace:
    """Names the export knows: user id -> (display name, zone), conversation id -> name."""

    users: dict[str, tuple[str, str | None]] = field(default_factory=dict)
    channels: dict[str, str] = field(default_factory=dict)
    #: Handles seen in ``<@U123|handle>`` markup for users missing from users.json (deleted or
    #: trimmed accounts): better than a bare id as an actor.
    handles: dict[str, str] = field(default_factory=dict)

    #: Plain text of markup already seen (``"@U123"`` -> ``"@Ada"``): a year of chat repeats
    #: the same mentions. Only markup whose text depends on nothing but the names read from the
    #: export is kept (a handle for a missing user is recorded each time it is seen); links are
    #: not kept, as most are seen once (a dashboard, a log query, a ticket).
    plain: dict[str, str] = field(default_factory=dict, repr=False, compare=False)

    def markup_text(self, inside: str) -> str:
        """The plain text for the inside of one ``<...>`` of Slack markup."""
        target, _, label = inside.partition("|")
        first = target[:1]
        if first == "@":
            if label:
                if target[1:] not in self.users:
                    self.handles[target[1:]] = label
                    return f"@{label}"
                text = f"@{label}"
            else:
                user = self.users.get(target[1:])
                text = f"@{user[0] if user else target[1:]}"
        elif first == "#":
            text = f"#{label or self.channels.get(target[1:], target[1:])}"
        elif first == "!":
            command = target[1:]
            if label:
                text = label if label.startswith("@") or command.startswith("date") else f"@{label}"
            else:
                text = f"@{command.partition('^')[0]}"
        elif label:
            return label  # a link: rarely the same twice, so not kept
        else:
            return target.removeprefix("mailto:")
        self.plain[inside] = text
        return text


def _words(value: Any) -> str | None:
    """A name or label as written: a non-empty string, else None (exports written by other
    tools put numbers, lists or null where Slack writes text)."""
    return value if type(value) is str and value else None


def _object(value: Any) -> dict[str, Any]:
    """A nested object such as ``profile``, or an empty one when something else is there."""
    return value if type(value) is dict else {}


def _user_entry(user: dict[str, Any]) -> tuple[str, str | None]:
    profile = _object(user.get("profile"))
    name = (
        _words(profile.get("real_name"))
        or _words(user.get("real_name"))
        or _words(profile.get("display_name"))
        or _words(user.get("name"))
        or user["id"]
    )
    return name, _words(user.get("tz"))


def read_names(read: Callable[[str], bytes | None], where: str) -> Workspace:
    workspace = Workspace()
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


def learn_profiles(workspace: Workspace, messages: Any) -> None:
    """Name the authors users.json does not know from their messages' ``user_profile``.

    A ``conversations.history`` response comes without users.json, but each person's message
    carries its author's profile; the same people join the channel (``channel_join``, no
    profile) and are mentioned (``<@U123>``). Without this they would be bare ids there.
    """
    users = workspace.users
    for message in messages if type(messages) is list else ():
        if type(message) is not dict:
            continue
        user_id, profile = message.get("user"), message.get("user_profile")
        if type(user_id) is str and type(profile) is dict and user_id not in users:
            name = _words(profile.get("real_name")) or _words(profile.get("display_name"))
            name = name or _words(profile.get("name"))
            if name:
                users[user_id] = (name, None)


def clean_markup(text: str, workspace: Workspace | None = None) -> str:
    """Slack's mrkdwn as plain text: ``<@U1|ann>`` -> ``@ann``, ``<url|label>`` -> ``label``,
    ``<!here>`` -> ``@here``, and the three HTML entities Slack escapes (``&amp; &lt; &gt;``)."""
    names = workspace if workspace is not None else Workspace()
    if "<" in text:
        # Markup holds no "<" or ">", so each piece after a "<" is markup up to its first ">"
        # or plain text. Most markup is found in the cache of what was seen before, without a
        # regular expression (a year of chat repeats the same mentions and links).
        pieces = text.split("<")
        seen = names.plain
        for index in range(1, len(pieces)):
            piece = pieces[index]
            inside, closed, rest = piece.partition(">")
            if closed:
                known = seen.get(inside)
                if known is None and _MARKUP_INSIDE.fullmatch(inside):
                    known = names.markup_text(inside)
                if known is not None:
                    pieces[index] = known + rest
                    continue
            pieces[index] = "<" + piece
        text = "".join(pieces)
    if "&" in text:
        text = text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")
    return text


def _fallback_text(message: dict[str, Any]) -> str:
    """Text for messages that carry it only in attachments or files (alert bots, uploads)."""
    parts: list[str] = []
    attachments, files = message.get("attachments"), message.get("files")
    for attachment in attachments if type(attachments) is list else ():
        if type(attachment) is dict:
            part = attachment.get("fallback") or attachment.get("text") or attachment.get("title")
            if part:
                parts.append(str(part))
    for shared in files if type(files) is list else ():
        if type(shared) is dict and (shared.get("title") or shared.get("name")):
            parts.append(f"[file] {shared.get('title') or shared.get('name')}")
    return " | ".join(parts)


#: The fields of a person's plain message, in one C call (``type``, ``ts``, ``user``, ``text``).
_PLAIN_FIELDS = operator.itemgetter("type", "ts", "user", "text")
#: Fields that take a message off the fast path (the general path reads them).
_NOT_PLAIN = frozenset({"subtype", "bot_id", "thread_ts", "edited"})
_NAN = float("nan")


class MessageReader:
    """Turns one conversation's message dicts into events, filtering by each message's ``ts``."""

    def __init__(self, workspace: Workspace, options: ImportOptions, result: ImportResult):
        self.workspace = workspace
        low, high = epoch_bounds(options)
        # Clipped to the times an event can have, so one test also catches "nan", "1e30".
        self.low, self.high = max(low, FIRST_EPOCH), min(high, LAST_EPOCH)
        self.events = result.events
        self.skipped = result.skipped
        self._in_channel: dict[str, Mapping[str, Any]] = {}

    def read(self, channel: str, position: str, messages: Any) -> None:
        if not isinstance(messages, list):
            self.skipped.append(Skipped("slack", position, "not a list of messages"))
            return
        users = self.workspace.users
        workspace = self.workspace
        low, high = self.low, self.high
        append, skipped = self.events.append, self.skipped
        message_kind = EventKind.MESSAGE
        prefix = f"slack:#{channel}/"
        # Most messages' details are only their channel: one read-only mapping for all of them.
        in_channel = self._in_channel.get(channel)
        if in_channel is None:
            in_channel = self._in_channel[channel] = MappingProxyType({"channel": channel})
        plain, make, plain_only = _PLAIN_FIELDS, Event.from_epoch, _NOT_PLAIN.isdisjoint
        for index, message in enumerate(messages):
            # Fast path, most of any export: a person's plain message (no subtype, bot, thread
            # or edit), its author in users.json; its four fields fetched in one call (which
            # also refuses anything but an object). Anything else, or anything odd in these (a
            # bad ts, an unknown author), takes the general path below.
            try:
                kind, ts, user_id, text = plain(message)
            except (KeyError, TypeError):
                kind = None
            if (
                kind == "message"
                and type(ts) is str
                and type(text) is str
                and text
                and type(user_id) is str
                and plain_only(message)
                and (known := users.get(user_id)) is not None
            ):
                try:
                    seconds = float(ts)
                except ValueError:
                    seconds = _NAN
                if low <= seconds <= high:
                    if "<" in text or "&" in text:
                        text = clean_markup(text, workspace)
                    # Made from the epoch seconds: the datetime is built only if it is read.
                    append(
                        make(
                            seconds,
                            "slack",
                            message_kind,
                            text,
                            known[0],
                            prefix + ts,
                            known[1],
                            in_channel,
                        )
                    )
                    continue
                if FIRST_EPOCH <= seconds <= LAST_EPOCH:
                    continue  # outside the window
            if type(message) is not dict:
                skipped.append(Skipped("slack", f"{position}#{index}", "message is not an object"))
                continue
            ts = message.get("ts")
            try:
                seconds = float(ts)  # type: ignore[arg-type]
            except (TypeError, ValueError):
                skipped.append(Skipped("slack", f"{position}#{index}", f"bad or missing ts {ts!r}"))
                continue
            if not low <= seconds <= high:
                if not FIRST_EPOCH <= seconds <= LAST_EPOCH:
                    skipped.append(
                        Skipped("slack", f"{position}#{index}", f"ts {ts!r} is not a time")
                    )
                continue
            self._general(channel, position, message, ts, seconds)

    def _general(
        self, channel: str, position: str, message: dict[str, Any], ts: Any, seconds: float
    ) -> None:
        """Any message: subtypes, bots, edits as events, authors missing from users.json."""
        subtype = _words(message.get("subtype"))
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
            actor = (
                _words(body.get("username"))
                or _words(_object(body.get("bot_profile")).get("name"))
                or _words(body.get("bot_id"))
            )
        else:
            profile = _object(body.get("user_profile"))
            actor = (
                _words(profile.get("real_name"))
                or _words(profile.get("display_name"))
                or (self.workspace.handles.get(user_id) if isinstance(user_id, str) else None)
                or _words(user_id)
            )
        if is_bot:
            attrs["bot"] = True
        if subtype:
            attrs["subtype"] = subtype
        _add_thread_details(attrs, body, ts, body.get("thread_ts"))
        kind = EventKind.NOTE if subtype in _SYSTEM_SUBTYPES else EventKind.MESSAGE
        if is_bot and kind == EventKind.MESSAGE:
            # An alerting or paging app's notification is the alert or page it relays.
            app = _words(_object(body.get("bot_profile")).get("name")) or actor
            found = relayed(app, text)
            if found is not None:
                kind, details, agent = found
                attrs.update(details)
                if agent:
                    attrs["relayed_by"] = actor
                    actor = agent
        # ``seconds`` was checked against the window, which lies within the times an event can
        # have: the plain constructor will do.
        self.events.append(
            Event.from_epoch(
                seconds,
                "slack",
                kind,
                text,
                actor,
                f"slack:#{channel}/{ts}",
                zone,
                attrs,
            )
        )


def _add_thread_details(
    attrs: dict[str, Any], message: Mapping[str, Any], ts: Any, thread_ts: Any
) -> None:
    """Add a message's thread (``thread_ts``, ``reply`` when it answers another) and its last
    edit (``edited_ts``) to ``attrs``."""
    if thread_ts:
        attrs["thread_ts"] = thread_ts
        if thread_ts != ts:
            attrs["reply"] = True
    edited = message.get("edited")
    if isinstance(edited, dict) and edited.get("ts"):
        attrs["edited_ts"] = edited["ts"]
