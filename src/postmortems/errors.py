"""Errors that reach the user as one line with a location and what to do about it."""

from __future__ import annotations

#: Every character str.splitlines breaks at -> its Python escape.
_BREAKS = {c: repr(chr(c))[1:-1] for c in (10, 11, 12, 13, 28, 29, 30, 133, 0x2028, 0x2029)}


class PostmortemsError(Exception):
    """Base class for errors the command line reports without a traceback (exit code 2)."""

    exit_code = 2

    def __init__(
        self, message: str, *, path: str | None = None, line: int | None = None, hint: str = ""
    ) -> None:
        super().__init__(message)
        self.message = message
        self.path = path
        self.line = line
        self.hint = hint

    def __str__(self) -> str:
        where = ""
        if self.path is not None:
            where = f"{self.path}:{self.line}: " if self.line is not None else f"{self.path}: "
        hint = f" ({self.hint})" if self.hint else ""
        # One line whatever the data put in the message (a column named "\r", a value with a
        # line break): a break is written as its escape.
        return f"{where}error: {self.message}{hint}".translate(_BREAKS)


class InputError(PostmortemsError):
    """A file or stream cannot be read or interpreted."""


class UsageError(PostmortemsError):
    """The command line or configuration asks for something impossible."""
