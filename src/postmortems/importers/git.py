"""git: ``git log`` output, one event per commit.

Read formats:

* ``git log --pretty=fuller --date=iso-strict`` (with or without ``--stat``), the recommended one;
* the default ``git log`` (``Date:   Thu Feb 13 17:02:11 2025 +0100``, the *author* date only),
  also with ``--date=iso``, ``--date=iso-strict`` or ``--date=rfc``;
* ``git log --format='%H%x09%an%x09%ae%x09%aI%x09%cI%x09%s'`` (tab-separated).

The event time is the *committer* date, when the change landed on the branch; the author date
(when it was written, possibly days earlier, rebased or cherry-picked) is kept in
``attrs["author_date"]``. Each date carries its committer's own offset, kept in ``Event.zone``.
A commit whose subject starts with ``Revert`` (or whose body says "This reverts commit") is a
``rollback``.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from postmortems.errors import InputError
from postmortems.importers._io import (
    OUT_OF_RANGE,
    UTC,
    Window,
    head,
    holdable,
    offset_name,
    read_text,
    text_lines,
)
from postmortems.importers.base import ImportOptions, ImportResult
from postmortems.timeline.event import Event, EventKind, Skipped

SOURCE = "git"
_COMMIT = re.compile(r"^commit ([0-9a-f]{7,64})\b")
_TSV = re.compile(r"^[0-9a-f]{7,64}\t")
_ISO_SPACE = re.compile(r"^(\d{4}-\d\d-\d\d) (\d\d:\d\d:\d\d) ([+-]\d\d)(\d\d)$")
_DAY_ONLY = re.compile(r"^\d{4}-\d\d-\d\d$")
_PERSON = re.compile(r"^(.*?)\s*<([^>]*)>\s*$")
_REVERT_BODY = re.compile(r"^This reverts commit [0-9a-f]{7,64}", re.MULTILINE)
_DATE_FORMATS = ("%a %b %d %H:%M:%S %Y %z", "%a, %d %b %Y %H:%M:%S %z")
_DATE_HINT = "re-run git log with --date=iso-strict"


class NaiveDate(ValueError):
    """A date without an offset (``--date=local``)."""


def parse_git_date(value: str, tz: dt.tzinfo | None = None) -> dt.datetime:
    """A date as git prints it (iso-strict, iso, default, rfc) as an aware datetime.

    Raises NaiveDate for a date without offset when ``tz`` is None, ValueError when unreadable.
    """
    value = value.strip()
    if _DAY_ONLY.match(value):
        raise ValueError(f"date {value!r} has no time of day (--date=short)")
    try:
        moment = dt.datetime.fromisoformat(value)
    except ValueError:
        match = _ISO_SPACE.match(value)
        if match:
            moment = dt.datetime.fromisoformat(f"{match[1]}T{match[2]}{match[3]}:{match[4]}")
        else:
            for form in _DATE_FORMATS:
                try:
                    moment = dt.datetime.strptime(value, form)
                    break
                except ValueError:
                    continue
            else:
                try:  # --date=local: the default layout without an offset
                    moment = dt.datetime.strptime(value, "%a %b %d %H:%M:%S %Y")
                except ValueError:
                    raise ValueError(f"unreadable date {value!r}") from None
    if moment.tzinfo is None:
        if tz is None:
            raise NaiveDate(value)
        moment = moment.replace(tzinfo=tz)
    if holdable(moment) is None:
        raise ValueError(f"date {value!r} {OUT_OF_RANGE}")
    return moment


def _person(value: str) -> tuple[str, str | None]:
    match = _PERSON.match(value.strip())
    if match:
        return match[1], match[2]
    return value.strip(), None


@dataclass(slots=True)
class _Commit:
    sha: str
    line: int
    headers: dict[str, str] = field(default_factory=dict)
    message: list[str] = field(default_factory=list)
    stat: list[str] = field(default_factory=list)


def _commits(lines: list[str], path: Path) -> Iterator[_Commit]:
    current: _Commit | None = None
    in_headers = False
    for number, line in enumerate(lines, 1):
        if line.startswith("commit "):
            match = _COMMIT.match(line)
            if match:
                if current is not None:
                    yield current
                current = _Commit(match[1], number)
                in_headers = True
                continue
        if current is None:
            if line.strip():
                raise InputError(
                    "not git log output (expected a line starting with 'commit <sha>')",
                    path=str(path),
                    line=number,
                    hint="git log --pretty=fuller --date=iso-strict",
                )
            continue
        if in_headers:
            if not line.strip():
                in_headers = False
            else:
                key, _, value = line.partition(":")
                current.headers[key.strip()] = value.strip()
        elif line.startswith("    "):
            current.message.append(line[4:])
        elif line.strip():
            current.stat.append(line.strip())
        elif current.message and not current.stat:
            current.message.append("")
    if current is not None:
        yield current


def _is_revert(subject: str, body: str) -> bool:
    return subject.startswith("Revert") or _REVERT_BODY.search(body) is not None


class GitImporter:
    """``git log`` in the fuller, default or tab-separated formats."""

    name = "git"
    description = (
        "git log (--pretty=fuller --date=iso-strict, the default format, or %H%x09... TSV)"
    )

    def sniff(self, path: Path) -> bool:
        if not path.is_file():
            return False
        first = next((line for line in head(path).splitlines() if line.strip()), "")
        return bool(_COMMIT.match(first) or (_TSV.match(first) and first.count("\t") >= 5))

    def read(self, path: Path, options: ImportOptions) -> ImportResult:
        text = read_text(path)
        lines = text_lines(text)
        first = next((line for line in lines if line.strip()), "")
        result = ImportResult(source=SOURCE)
        window = Window(options)
        if _TSV.match(first):
            self._read_tsv(path, lines, options, window, result)
        else:
            for commit in _commits(lines, path):
                self._commit(path, commit, options, window, result)
        return result

    def _date(
        self, value: str, path: Path, line: int, options: ImportOptions
    ) -> tuple[dt.datetime | None, str]:
        try:
            return parse_git_date(value, options.tz), ""
        except NaiveDate:
            raise InputError(
                f"date {value!r} has no offset",
                path=str(path),
                line=line,
                hint="pass --tz ZONE, or re-run git log with --date=iso-strict",
            ) from None
        except ValueError as exc:
            return None, f"{exc} ({_DATE_HINT})"

    def _commit(
        self,
        path: Path,
        commit: _Commit,
        options: ImportOptions,
        window: Window,
        result: ImportResult,
    ) -> None:
        position = f"{path.name}:{commit.line}"
        headers = commit.headers
        author_raw = headers.get("AuthorDate") or headers.get("Date")
        commit_raw = headers.get("CommitDate") or author_raw
        if commit_raw is None:
            result.skipped.append(
                Skipped(SOURCE, position, "commit has no date (use --pretty=fuller)")
            )
            return
        landed, reason = self._date(commit_raw, path, commit.line, options)
        if landed is None:
            result.skipped.append(Skipped(SOURCE, position, reason))
            return
        if not window.admits(landed.astimezone(UTC)):
            return
        authored = landed
        if author_raw is not None and author_raw != commit_raw:
            authored_or_none, _ = self._date(author_raw, path, commit.line, options)
            authored = authored_or_none or landed
        while commit.message and not commit.message[-1].strip():
            commit.message.pop()
        subject = commit.message[0] if commit.message else ""
        body = "\n".join(commit.message[1:]).strip()
        author, email = _person(headers.get("Author", ""))
        attrs: dict[str, Any] = {"sha": commit.sha, "author_date": authored.isoformat()}
        if email:
            attrs["author_email"] = email
        if "Commit" in headers:
            attrs["committer"] = _person(headers["Commit"])[0]
        if "Merge" in headers:
            attrs["merge"] = headers["Merge"].split()
        if body:
            attrs["body"] = body
        if commit.stat:
            attrs["stat"] = commit.stat
        self._append(result, commit.sha, landed, subject, body, author or None, attrs)

    def _append(
        self,
        result: ImportResult,
        sha: str,
        landed: dt.datetime,
        subject: str,
        body: str,
        author: str | None,
        attrs: dict[str, Any],
    ) -> None:
        kind = EventKind.ROLLBACK if _is_revert(subject, body) else EventKind.COMMIT
        result.events.append(
            Event(
                landed.astimezone(UTC),
                SOURCE,
                kind,
                subject,
                author,
                f"git:{sha[:7]}",
                offset_name(landed),
                None,
                attrs,
            )
        )

    def _read_tsv(
        self,
        path: Path,
        lines: list[str],
        options: ImportOptions,
        window: Window,
        result: ImportResult,
    ) -> None:
        for number, line in enumerate(lines, 1):
            if not line.strip():
                continue
            position = f"{path.name}:{number}"
            fields = line.split("\t")
            if len(fields) < 6 or not _TSV.match(line):
                result.skipped.append(
                    Skipped(
                        SOURCE, position, "expected %H, %an, %ae, %aI, %cI, %s separated by tabs"
                    )
                )
                continue
            sha, author, email, author_raw, commit_raw = fields[:5]
            subject = "\t".join(fields[5:])
            landed, reason = self._date(commit_raw, path, number, options)
            authored, reason_author = self._date(author_raw, path, number, options)
            if landed is None or authored is None:
                result.skipped.append(Skipped(SOURCE, position, reason or reason_author))
                continue
            if not window.admits(landed.astimezone(UTC)):
                continue
            attrs: dict[str, Any] = {"sha": sha, "author_date": authored.isoformat()}
            if email:
                attrs["author_email"] = email
            self._append(result, sha, landed, subject, "", author or None, attrs)


IMPORTER = GitImporter()
