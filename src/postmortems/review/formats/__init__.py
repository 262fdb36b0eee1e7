"""Output formats of ``postmortems lint``, one module each, in one registry.

A format is an object with ``name``, ``description`` and ``render(run, *, color) -> str``.
Built-ins are listed in :data:`BUILTIN`; a plugin adds one through the
``postmortems.lint_formats`` entry point group (name = format name, value = ``module:Class``).
Modules are imported only when their format is used.
"""

from __future__ import annotations

import importlib

from postmortems.errors import UsageError

TYPE_CHECKING = False  # typing.TYPE_CHECKING, without importing typing at run time
if TYPE_CHECKING:
    from typing import Protocol

    from postmortems.review.session import LintRun

ENTRY_POINT_GROUP = "postmortems.lint_formats"

#: Built-in formats: name -> "module:Class".
BUILTIN: dict[str, str] = {
    "text": "postmortems.review.formats.text:TextFormat",
    "json": "postmortems.review.formats.json_format:JsonFormat",
    "sarif": "postmortems.review.formats.sarif:SarifFormat",
    "github": "postmortems.review.formats.github:GithubFormat",
}


if TYPE_CHECKING:  # a protocol is only for the type checker

    class Format(Protocol):
        """Renders a lint run for people or tools."""

        name: str
        description: str

        def render(self, run: LintRun, *, color: bool = False) -> str:
            """The whole output for ``run``; ``color`` asks for ANSI colours where they make
            sense."""
            ...


def format_names(plugins: bool = True) -> list[str]:
    """Names of every available format, built-ins first."""
    names = list(BUILTIN)
    if plugins:
        from postmortems._entry_points import entry_points

        names += [n for n, _ in entry_points(ENTRY_POINT_GROUP) if n not in BUILTIN]
    return names


def get_format(name: str) -> Format:
    """An instance of the format called ``name``."""
    source = BUILTIN.get(name)
    if source is None:
        from postmortems._entry_points import entry_points

        source = dict(entry_points(ENTRY_POINT_GROUP)).get(name)
    if source is None:
        raise UsageError(f"unknown format {name!r}", hint="choose " + ", ".join(format_names()))
    module_name, _, attr = source.partition(":")
    try:
        cls = getattr(importlib.import_module(module_name.strip()), attr.strip())
    except (ImportError, AttributeError) as exc:
        raise UsageError(f"format {name} cannot be loaded from {source}: {exc}") from None
    instance: Format = cls()
    return instance
