"""Regular expressions compiled the first time they are used, from a table made ahead of time.

CPython compiles a regular expression in Python code (``re._parser`` and ``re._compiler``), and
the parser and the review hold a few hundred of them: compiling them when their modules were
imported cost about 85 ms of every run, a third of the budget for linting one file. Two things
remove that cost:

- :func:`lazy` stands in for :func:`re.compile` at module level and compiles on the first call
  of a method, so a document pays only for the expressions it needs (a document without action
  items never matches an action item's due date). The compiled pattern's methods are then
  stored on the instance: after its first use a lazy pattern costs what a compiled one does.
- For the running interpreter's version of the regular expression engine, the table in
  :mod:`postmortems.document._regex_table` holds what ``re`` would compile each expression to
  (the engine's program, as ``re._compiler`` produces it), generated from the sources with
  ``python -m postmortems.document.lazyre --write``. A pattern found there is handed to the
  engine directly (``_sre.compile``, the last step of :func:`re.compile`); one that is not
  (another Python version, an expression edited since the table was written) is compiled the
  ordinary way. A test checks that every table entry gives a pattern equal to
  :func:`re.compile`'s and that no expression is missing from the table.

The table is part of the source, like generated documentation: it depends on the expressions
only, never on a document, and nothing is written at run time.
"""

from __future__ import annotations

import re
import sys

TYPE_CHECKING = False  # typing.TYPE_CHECKING, without importing typing at run time
if TYPE_CHECKING:
    from typing import Any

# What a compiled pattern offers; each is bound on the instance at the first use.
_METHODS = ("match", "search", "fullmatch", "finditer", "findall", "sub", "subn", "split")

#: Every lazy pattern created so far, for the table generator.
REGISTRY: list[LazyPattern] = []


class LazyPattern:
    """A :class:`re.Pattern` that is compiled when one of its methods is first needed.

    ``pattern`` is available without compiling; any other attribute compiles.
    """

    def __init__(self, pattern: str, flags: int = 0, owner: str = "") -> None:
        self.pattern = pattern
        self._flags = int(flags)
        #: The module that made the pattern.
        self.owner = owner
        REGISTRY.append(self)

    def compiled(self) -> re.Pattern[str]:
        """The compiled pattern (compiling it now if needed)."""
        compiled = _from_table(self.pattern, self._flags) or re.compile(self.pattern, self._flags)
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
    owner = sys._getframe(1).f_globals.get("__name__", "")
    return LazyPattern(pattern, flags, owner)  # type: ignore[return-value]


# -- the table ------------------------------------------------------------------------------

# (flags as compiled, the program: base64 of its zlib-compressed 4-byte words, groups - 1,
#  group name -> index, index -> group name)
_Entry = tuple[int, str, int, dict[str, int], tuple[str | None, ...]]
_table: dict[tuple[int, str], _Entry] | None = None


def _module(name: str) -> Any:
    # The engine's internals have no type stubs.
    import importlib

    return importlib.import_module(name)


def engine_key() -> tuple[int, int, int, int, str]:
    """What the table's programs depend on: the Python version, the engine's format and
    the machine's byte order."""
    sre = _module("_sre")
    return (*sys.version_info[:2], sre.MAGIC, sre.CODESIZE, sys.byteorder)


def _load_table() -> dict[tuple[int, str], _Entry]:
    global _table
    table: dict[tuple[int, str], _Entry] = {}
    try:
        from postmortems.document import _regex_table
    except ImportError:  # pragma: no cover - the table is part of the package
        pass
    else:
        if engine_key() == _regex_table.ENGINE:
            table = _regex_table.TABLE
    _table = table
    return table


def _from_table(pattern: str, flags: int) -> re.Pattern[str] | None:
    """The pattern built from its program in the table, or ``None`` when it is not there."""
    table = _table if _table is not None else _load_table()
    entry = table.get((flags, pattern))
    if entry is None:
        return None
    import zlib
    from array import array
    from binascii import a2b_base64

    final_flags, code, groups, groupindex, indexgroup = entry
    words = array("I")
    words.frombytes(zlib.decompress(a2b_base64(code)))
    compiled: re.Pattern[str] = _module("_sre").compile(
        pattern, final_flags, words.tolist(), groups, dict(groupindex), indexgroup
    )
    return compiled


def program(pattern: str, flags: int) -> _Entry:
    """The table entry for ``pattern``: what :func:`re.compile` would hand to the engine."""
    import zlib
    from array import array
    from binascii import b2a_base64

    parsed = _module("re._parser").parse(pattern, flags)
    code = _module("re._compiler")._code(parsed, flags)
    groupindex = dict(parsed.state.groupdict)
    indexgroup: list[str | None] = [None] * parsed.state.groups
    for name, index in groupindex.items():
        indexgroup[index] = name
    return (
        flags | parsed.state.flags,
        b2a_base64(zlib.compress(array("I", code).tobytes(), 9), newline=False).decode("ascii"),
        parsed.state.groups - 1,
        groupindex,
        tuple(indexgroup),
    )


def collect() -> list[LazyPattern]:
    """Every lazy pattern of the parser and the review (their modules are imported)."""
    import importlib
    import pkgutil

    import postmortems.document
    import postmortems.review

    for package in (postmortems.document, postmortems.review):
        for info in pkgutil.walk_packages(package.__path__, package.__name__ + "."):
            importlib.import_module(info.name)
    from postmortems.review.language.lexicon import patterns

    patterns()
    return [p for p in REGISTRY if p.owner.startswith("postmortems.")]


def render_table() -> str:
    """The source of :mod:`postmortems.document._regex_table` for this interpreter."""
    entries = {(p._flags, p.pattern): program(p.pattern, p._flags) for p in collect()}
    lines = [
        '"""Generated by ``python -m postmortems.document.lazyre --write``; do not edit.',
        "",
        "The compiled form of every regular expression of the parser and the review, for the",
        "engine named by ENGINE (see postmortems.document.lazyre).",
        '"""',
        "",
        "# ruff: noqa: E501",
        "# fmt: off",
        f"ENGINE = {engine_key()!r}",
        "TABLE = {",
    ]
    for key in sorted(entries):
        lines.append(f"    {key!r}: {entries[key]!r},")
    lines.append("}")
    return "\n".join(lines) + "\n"


def main(argv: list[str]) -> int:
    """``--write`` regenerates the table; ``--check`` exits 1 when it is stale."""
    from pathlib import Path

    target = Path(__file__).with_name("_regex_table.py")
    text = render_table()
    if argv == ["--write"]:
        target.write_text(text, encoding="utf-8")
        return 0
    if argv == ["--check"]:
        current = target.read_text(encoding="utf-8") if target.exists() else ""
        return 0 if current == text else 1
    print("usage: python -m postmortems.document.lazyre --write | --check", file=sys.stderr)
    return 2


if __name__ == "__main__":
    # Run as a script this file is "__main__"; the patterns register with the imported module.
    from postmortems.document import lazyre

    sys.exit(lazyre.main(sys.argv[1:]))
