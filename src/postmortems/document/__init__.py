"""Markdown documents: parse, render and convert postmortems (pure core, no I/O beyond reading
the file you name).

The names below are imported on first use, so that ``import postmortems.document.template``
(``postmortems new``) does not load the parser.
"""

from __future__ import annotations

import importlib

TYPE_CHECKING = False  # typing.TYPE_CHECKING, without importing typing at run time
if TYPE_CHECKING:
    from typing import Any

    from postmortems.document.parse import decode, parse_file, parse_text
    from postmortems.document.writer import render, render_section

__all__ = ["decode", "parse_file", "parse_text", "render", "render_section"]

_HOME = {
    "decode": "postmortems.document.parse",
    "parse_file": "postmortems.document.parse",
    "parse_text": "postmortems.document.parse",
    "render": "postmortems.document.writer",
    "render_section": "postmortems.document.writer",
}


def __getattr__(name: str) -> Any:
    if name in _HOME:
        return getattr(importlib.import_module(_HOME[name]), name)
    raise AttributeError(name)
