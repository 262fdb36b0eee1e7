"""Slack: a workspace export (folder or zip) or one ``conversations.history`` response.

A workspace export holds ``users.json``, ``channels.json`` (and ``groups.json``, ``mpims.json``,
``dms.json``) and one folder per conversation with a file per *local* day (``2025-02-14.json``).
The day is the workspace's, so files are not split on UTC days: the time of a message is its own
``ts`` ("epoch.micro" as a string), never the file name. For speed, a day file is skipped unopened
only when no message in it could fall in the window whatever the workspace's zone (UTC-12..+14).
"""

from __future__ import annotations

import datetime as dt
import os
import re
import zipfile
import zlib
from collections.abc import Iterable, Iterator
from pathlib import Path

from postmortems.errors import InputError
from postmortems.importers._io import head, load_json, read_bytes
from postmortems.importers._slack_messages import (
    MessageReader,
    Workspace,
    learn_profiles,
    read_names,
)
from postmortems.importers.base import ImportOptions, ImportResult
from postmortems.timeline.event import Skipped

_DAY_FILE = re.compile(r"^\d{4}-\d{2}-\d{2}\.json$")
_DAY_WHAT = "a Slack day file (list of messages)"
# A day file dated D (local) holds messages from D 00:00 at UTC+14 to D+1 00:00 at UTC-12.
_EARLIEST_OFFSET = dt.timedelta(hours=14)
_LATEST_OFFSET = dt.timedelta(hours=12)


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
            # os.scandir, not pathlib: a year of 50 channels is 18,000 names to look at.
            with os.scandir(path) as entries:
                folders = sorted(entry.name for entry in entries if entry.is_dir())
            for folder in folders:
                days = sorted(n for n in os.listdir(path / folder) if n.endswith(".json"))
                if days:
                    self.members[folder] = days
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
            return read_bytes(os.path.join(self.path, channel, day))
        return self._read_member(f"{self.prefix}{channel}/{day}")

    def where(self, channel: str, day: str) -> str:
        return (
            f"{self.path}/{channel}/{day}" if self.zip is None else f"{self.path}!{channel}/{day}"
        )


def _select(
    export: _Export, workspace: Workspace, options: ImportOptions
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
        workspace = read_names(export.read_top, f"{path}/")
        result = ImportResult(source="slack")
        reader = MessageReader(workspace, options, result)
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
                    messages = load_json(data, export.where(channel, day), _DAY_WHAT)
                    reader.read(channel, position, messages)
        finally:
            if export.zip is not None:
                export.zip.close()
        return result

    def _read_single(self, path: Path, options: ImportOptions) -> ImportResult:
        document = load_json(read_bytes(path), path, "Slack conversations.history JSON")
        sibling = path.parent / "users.json"
        workspace = (
            read_names(
                lambda name: (
                    read_bytes(path.parent / name) if (path.parent / name).is_file() else None
                ),
                f"{path.parent}/",
            )
            if sibling.is_file() and sibling != path
            else Workspace()
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
        learn_profiles(workspace, messages)
        MessageReader(workspace, options, result).read(channel, path.name, messages)
        return result


IMPORTER = SlackImporter()
