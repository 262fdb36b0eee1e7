"""Expanding command-line paths into the Markdown files they name."""

from __future__ import annotations

import os
from collections.abc import Iterator

from postmortems.errors import InputError

SUFFIXES = (".md", ".markdown")
#: Files a folder of postmortems commonly holds that are not postmortems. Named explicitly on
#: the command line they are still read.
NOT_POSTMORTEMS = frozenset(
    {"readme", "index", "changelog", "contributing", "license", "code_of_conduct", "security"}
)


def markdown_files(paths: list[str]) -> Iterator[str]:
    """Each file named, and the Markdown files under each directory named (sorted).

    In directories, hidden folders and files such as README.md are skipped. ``-`` passes
    through (standard input). A path that does not exist is an error.
    """
    for path in paths:
        if path == "-":
            yield path
        elif os.path.isdir(path):
            found = []
            for root, dirs, names in os.walk(path):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                found.extend(
                    os.path.join(root, n)
                    for n in names
                    if n.lower().endswith(SUFFIXES)
                    and n.rsplit(".", 1)[0].lower() not in NOT_POSTMORTEMS
                )
            yield from sorted(found)
        elif os.path.exists(path) or os.path.islink(path):
            yield path
        else:
            raise InputError("no such file or directory", path=path, hint="check the path")
