"""Read entry points of one group without importing :mod:`importlib.metadata`.

``importlib.metadata`` costs about 25 ms to import on our CI machine (it pulls in ``email``,
``zipfile``, ``csv`` ...), a tenth of the budget of a one-file lint. Entry points are plain
INI text in ``*.dist-info/entry_points.txt`` (or ``*.egg-info/``) on ``sys.path``, so reading
them directly costs a directory listing per path entry. The first distribution of a name on
``sys.path`` wins, as with ``importlib.metadata``.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable


def entry_points(group: str, paths: Iterable[str] | None = None) -> list[tuple[str, str]]:
    """``(name, value)`` of every entry point in ``group``, in ``sys.path`` order."""
    found: list[tuple[str, str]] = []
    seen_dists: set[str] = set()
    for entry in sys.path if paths is None else paths:
        try:
            with os.scandir(entry or ".") as it:
                dirs = sorted(d.name for d in it if d.name.endswith((".dist-info", ".egg-info")))
        except OSError:
            continue
        for name in dirs:
            dist = name.rsplit("-", 1)[0].split("-", 1)[0].lower().replace("_", "-")
            if name.endswith(".egg-info"):
                dist = name[: -len(".egg-info")].split("-", 1)[0].lower().replace("_", "-")
            if dist in seen_dists:
                continue
            path = os.path.join(entry or ".", name, "entry_points.txt")
            try:
                with open(path, encoding="utf-8") as handle:
                    text = handle.read()
            except OSError:
                seen_dists.add(dist)
                continue
            seen_dists.add(dist)
            found.extend(_parse(text, group))
    return found


def _parse(text: str, group: str) -> list[tuple[str, str]]:
    out: list[tuple[str, str]] = []
    current = None
    for raw in text.splitlines():
        line = raw.strip()
        if not line or line.startswith(("#", ";")):
            continue
        if line.startswith("[") and line.endswith("]"):
            current = line[1:-1].strip()
            continue
        if current == group and "=" in line:
            name, _, value = line.partition("=")
            out.append((name.strip(), value.strip()))
    return out
