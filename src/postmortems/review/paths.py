"""File paths written the way :mod:`pathlib` writes them, without importing it.

``import pathlib`` pulls in ``urllib.parse`` and ``ipaddress``, about 4 ms of every lint's
start-up, for the few things the review does with paths: tidy a path given on the command line
(``./docs//x.md`` is ``docs/x.md``), make it absolute, and walk up its folders looking for a
configuration file. These functions give the strings ``str(Path(...))`` gives on POSIX systems;
elsewhere they use :mod:`pathlib` itself.
"""

from __future__ import annotations

import os

_POSIX = os.name == "posix"


def normal(path: str) -> str:
    """``str(Path(path))``: repeated slashes and ``.`` parts removed, no trailing slash
    (``..`` is kept: it cannot be resolved without the file system)."""
    if not _POSIX:
        from pathlib import Path

        return str(Path(path))
    root = ""
    if path.startswith("/"):
        stripped = path.lstrip("/")
        # POSIX leaves the meaning of exactly two leading slashes to the system; pathlib keeps
        # them.
        root = "//" if len(path) - len(stripped) == 2 else "/"
        path = stripped
    parts = [part for part in path.split("/") if part and part != "."]
    return root + "/".join(parts) or "."


def absolute(path: str) -> str:
    """``str(Path(path).absolute())``: joined to the current folder, not resolved."""
    if not _POSIX:
        from pathlib import Path

        return str(Path(path).absolute())
    path = normal(path)
    if path.startswith("/"):
        return path
    cwd = os.getcwd()
    return cwd if path == "." else normal(f"{cwd}/{path}")


def has_suffix(path: str) -> bool:
    """True when ``Path(path).suffix`` is not empty: the last part has a dot that neither
    starts nor ends it (``x.md`` has one; ``.postmortems``, ``x.`` and ``x`` do not)."""
    name = os.path.basename(normal(path))
    dot = name.rfind(".")
    return 0 < dot < len(name) - 1


def folders_up(directory: str) -> list[str]:
    """``[directory, *Path(directory).parents]`` for an absolute, normal ``directory``."""
    out = [directory]
    while True:
        parent = os.path.dirname(directory)
        if parent == directory:
            return out
        out.append(parent)
        directory = parent
