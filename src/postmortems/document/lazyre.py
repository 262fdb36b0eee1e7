"""Regular expressions compiled the first time they are used.

CPython compiles a regular expression in Python code (``re._parser`` and ``re._compiler``), and
the parser and the review hold a few hundred of them: compiling them all when their modules are
imported cost about 85 ms of every run, a third of the budget for linting one file, although a
given document needs only some of them (a document without action items never matches an
action item's due date). :func:`lazy` stands in for :func:`re.compile` at module level and
compiles on the first call of a method.

The compiled pattern's methods are then stored on the instance, so later calls go straight to
them: a lazy pattern costs what a compiled one costs once it has been used.
"""

from __future__ import annotations

import re
from typing import Any, cast

# What a compiled pattern offers; each is bound on the instance at the first use.
_METHODS = ("match", "search", "fullmatch", "finditer", "findall", "sub", "subn", "split")


class LazyPattern:
    """A :class:`re.Pattern` that is compiled when one of its methods is first needed.

    ``pattern`` is available without compiling; any other attribute compiles.
    """

    def __init__(self, pattern: str, flags: int = 0) -> None:
        self.pattern = pattern
        self._flags = flags

    def compiled(self) -> re.Pattern[str]:
        """The compiled pattern (compiling it now if needed)."""
        compiled = re.compile(self.pattern, self._flags)
        attrs = self.__dict__
        for name in _METHODS:
            attrs[name] = getattr(compiled, name)
        attrs["flags"] = compiled.flags
        attrs["groups"] = compiled.groups
        attrs["groupindex"] = compiled.groupindex
        attrs["compiled"] = lambda: compiled
        return compiled

    def __getattr__(self, name: str) -> Any:
        # Only reached for attributes not set yet: a first use.
        if name.startswith("__"):
            raise AttributeError(name)
        return getattr(self.compiled(), name)

    def __repr__(self) -> str:
        return f"lazy({self.pattern!r}, {self._flags!r})"


def lazy(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """``re.compile(pattern, flags)``, deferred until the pattern is first used.

    Typed as a :class:`re.Pattern` because it behaves as one for every method call
    (``match``, ``search``, ``finditer``, ``sub``, ...); pass ``.compiled()`` of the
    :class:`LazyPattern` where a real pattern object is required.
    """
    return cast("re.Pattern[str]", LazyPattern(pattern, flags))
