"""Shared helpers for importers: reading files, decoding JSON, parsing times, the window.

Importers turn every problem with a whole file into one :class:`InputError` (path, line, what to
do) and every problem with one record into a :class:`Skipped`; these helpers do the first half.
"""

from __future__ import annotations

import datetime as dt
import json
import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from postmortems.errors import InputError
from postmortems.importers.base import ImportOptions
from postmortems.timeline.event import FIRST_EPOCH, LAST_EPOCH

UTC = dt.UTC
#: How much of a file ``sniff`` looks at.
HEAD_BYTES = 16384


def read_bytes(path: Path | str) -> bytes:
    """The file's bytes, or an InputError saying why it cannot be read."""
    # os-level calls, not open(): no buffered file object for a file read whole (a Slack export
    # is 18,000 small files; this takes about a third less time).
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_BINARY", 0))
        try:
            size = os.fstat(fd).st_size
            data = os.read(fd, size + 1)  # one byte more: a regular file's end is seen at once
            if len(data) <= size:
                return data
            chunks = [data]  # grown since, or not a regular file (a pipe): read to the end
            while chunk := os.read(fd, 1 << 20):
                chunks.append(chunk)
            return b"".join(chunks)
        finally:
            os.close(fd)
    except IsADirectoryError:
        raise InputError("is a folder, expected a file", path=str(path)) from None
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror or exc}", path=str(path)) from None


def decode(data: bytes, path: Path | str) -> str:
    """UTF-8 text (a BOM is dropped), or an InputError with the line of the first bad byte."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise InputError(
            "not UTF-8 text", path=str(path), line=line, hint="export the data as UTF-8"
        ) from None


def read_text(path: Path) -> str:
    """The file as UTF-8 text, or an InputError."""
    return decode(read_bytes(path), path)


def _orjson_loads() -> Callable[[bytes | str], Any] | None:
    """orjson's ``loads``, imported on first use; None when orjson is not installed."""
    if not _FAST_LOADS:
        try:
            import orjson

            _FAST_LOADS.append(orjson.loads)
        except ImportError:  # an optional speed-up; the stdlib reads the same documents
            _FAST_LOADS.append(None)
    return _FAST_LOADS[0]


#: orjson.loads once imported (None when it is not installed); imported on first use.
_FAST_LOADS: list[Callable[[bytes | str], Any] | None] = []


def parse_json(data: bytes, path: Path | str, what: str = "") -> Any:
    """A JSON document from bytes: orjson when it accepts them (about twice as fast), else the
    stdlib, which also reads what orjson refuses (a BOM, NaN, lone surrogates) and words the
    error. Raises json.JSONDecodeError, or InputError for bytes that are not UTF-8 or JSON nested
    deeper than the parser goes."""
    fast = _orjson_loads()
    if fast is not None:
        try:
            return fast(data)
        except ValueError:
            pass
    try:
        return json.loads(decode(data, path))
    except RecursionError:
        raise too_deep(path, what) from None


def too_deep(path: Path | str, what: str = "") -> InputError:
    """The error for JSON nested deeper than the parser goes (a RecursionError)."""
    return InputError(
        "JSON nested too deeply", path=str(path), hint=f"expected {what}" if what else ""
    )


def load_json(data: bytes | str, path: Path | str, what: str) -> Any:
    """Parse a whole JSON document; a syntax error is an InputError naming the line."""
    try:
        return parse_json(data, path, what) if isinstance(data, bytes) else json.loads(data)
    except json.JSONDecodeError as exc:
        raise InputError(
            f"not valid JSON ({exc.msg})", path=str(path), line=exc.lineno, hint=f"expected {what}"
        ) from None
    except RecursionError:
        raise too_deep(path, what) from None


def text_lines(text: str) -> list[str]:
    """The lines of a file, split at ``\\n`` (``\\r\\n`` too) only.

    Not ``str.splitlines``: that also splits at form feeds, U+2028 and other characters that
    JSON strings, CSV cells and commit messages may hold, breaking one record in two.
    """
    lines = text.split("\n")
    if lines[-1] == "":
        lines.pop()
    return [line[:-1] if line.endswith("\r") else line for line in lines]


def json_lines(text: str) -> Iterator[tuple[int, Any | None, str]]:
    """Yield ``(line_number, value_or_None, error)`` for each non-blank line of JSON Lines."""
    fast = _orjson_loads()
    for number, line in enumerate(text_lines(text), 1):
        if not line.strip():
            continue
        if fast is not None:
            try:
                yield number, fast(line), ""
                continue
            except ValueError:
                pass
        try:
            yield number, json.loads(line), ""
        except json.JSONDecodeError as exc:
            yield number, None, f"not valid JSON ({exc.msg})"
        except RecursionError:
            yield number, None, "JSON nested too deeply"


def json_values(text: str) -> Iterator[tuple[int, Any | None, str]]:
    """Yield ``(line, value_or_None, error)`` for each JSON value in ``text``, one after another.

    Reads a single document, JSON Lines, and concatenated documents (``gh api --paginate``
    prints one array per page) alike. After a syntax error the rest of that line is skipped.
    """
    fast = _orjson_loads()
    if fast is not None:  # JSON Lines, the common case: one orjson call per line
        values = []
        for number, line_text in enumerate(text.split("\n"), 1):
            if line_text.strip():
                try:
                    values.append((number, fast(line_text), ""))
                except ValueError:
                    break
        else:
            yield from values
            return
    decoder = json.JSONDecoder()
    position, size, line = 0, len(text), 1
    while True:
        start = position
        while position < size and text[position] in " \t\r\n":
            position += 1
        line += text.count("\n", start, position)
        if position >= size:
            return
        try:
            value, end = decoder.raw_decode(text, position)
        except (json.JSONDecodeError, RecursionError) as exc:
            reason = exc.msg if isinstance(exc, json.JSONDecodeError) else "nested too deeply"
            yield line, None, f"not valid JSON ({reason})"
            newline = text.find("\n", position)
            if newline < 0:
                return
            position = newline
            continue
        yield line, value, ""
        line += text.count("\n", position, end)
        position = end


def head(path: Path, size: int = HEAD_BYTES) -> str:
    """The first ``size`` bytes of a file as text (bad bytes replaced); "" when unreadable."""
    try:
        with path.open("rb") as handle:
            return handle.read(size).decode("utf-8", "replace").lstrip("\ufeff")
    except OSError:
        return ""


def parse_iso(value: Any) -> dt.datetime | None:
    """An ISO 8601 string as a datetime (naive when it has no offset); None when it is not one.

    ``fromisoformat`` (3.11+) takes ``Z``, offsets with or without a colon and any number of
    fractional digits (Alertmanager writes nine), which covers every zoned format importers see.
    """
    if not isinstance(value, str):
        return None
    try:
        return dt.datetime.fromisoformat(value)
    except ValueError:
        return None


#: Why a time that ``holdable`` refuses is skipped.
OUT_OF_RANGE = "is too near year 1 or year 9999 to place on a timeline"


def holdable(moment: dt.datetime) -> dt.datetime | None:
    """An aware ``moment`` when an Event can hold it and show it in any zone, else None.

    A written offset can push year 1 or 9999 past what a datetime holds in UTC
    (``9999-12-31T23:59:59-12:00``): converting such a time raises OverflowError.
    """
    return moment if FIRST_EPOCH <= moment.timestamp() <= LAST_EPOCH else None


def epoch_time(seconds: Any) -> dt.datetime | None:
    """Epoch seconds (a JSON number) as an aware UTC datetime; None for anything else: text,
    booleans, NaN, infinities, and numbers outside the years an Event can hold."""
    if isinstance(seconds, bool) or not isinstance(seconds, int | float):
        return None
    try:
        value = float(seconds)
    except OverflowError:  # an integer too large for a float
        return None
    if not FIRST_EPOCH <= value <= LAST_EPOCH:  # also false for NaN
        return None
    return dt.datetime.fromtimestamp(value, UTC)


def string(value: Any) -> str:
    """``value`` when it is a string, else "": a field the format writes as text that holds
    something else (a number, a list, an object) is treated as absent, not printed as Python."""
    return value if isinstance(value, str) else ""


def zone_of(value: object) -> str | None:
    """The zone designator as written at the end of an ISO 8601 string ("Z", "+09:00")."""
    if not isinstance(value, str):
        return None
    if value.endswith(("Z", "z")):
        return "Z"
    tail = value[-6:]
    if len(tail) == 6 and tail[0] in "+-" and tail[3] == ":":
        return tail
    tail = value[-5:]
    if len(tail) == 5 and tail[0] in "+-" and tail[1:].isdigit():
        return f"{tail[:3]}:{tail[3:]}"
    return None


def offset_name(moment: dt.datetime) -> str | None:
    """ "+01:00" style name of an aware datetime's offset."""
    offset = moment.utcoffset()
    if offset is None:
        return None
    minutes = int(offset.total_seconds()) // 60
    sign = "-" if minutes < 0 else "+"
    minutes = abs(minutes)
    return f"{sign}{minutes // 60:02d}:{minutes % 60:02d}"


def epoch_bounds(options: ImportOptions) -> tuple[float, float]:
    """The window as epoch seconds; open ends become -inf/+inf so one comparison always works."""
    low = options.start.timestamp() if options.start is not None else float("-inf")
    high = options.end.timestamp() if options.end is not None else float("inf")
    return low, high


class Window:
    """Inclusive ``[start, end]`` test on aware datetimes; an open end admits everything."""

    __slots__ = ("end", "start")

    def __init__(self, options: ImportOptions) -> None:
        self.start = options.start
        self.end = options.end

    def admits(self, time: dt.datetime, end: dt.datetime | None = None) -> bool:
        """True when ``[time, end or time]`` overlaps the window."""
        if self.start is not None and (end or time) < self.start:
            return False
        return not (self.end is not None and time > self.end)


def from_epoch(seconds: float) -> dt.datetime:
    """Aware UTC datetime from epoch seconds."""
    return dt.datetime.fromtimestamp(seconds, UTC)


def display_path(path: Path, root: Path | None = None) -> str:
    """How a record's file is named in positions: relative to the source root, else its name."""
    if root is not None:
        try:
            return path.relative_to(root).as_posix()
        except ValueError:
            pass
    return path.name
