"""Expanding command-line paths into the Markdown files they name, the way ``lint`` does."""

from __future__ import annotations

import os
from collections.abc import Iterator

from postmortems.errors import InputError


def markdown_files(paths: list[str]) -> Iterator[str]:
    """Each file named, and the Markdown files under each directory named (sorted).

    Folders are walked as ``postmortems lint`` walks them (hidden folders and README-like files
    skipped; see :func:`postmortems.review.session.iter_documents`). ``-`` passes through
    (standard input). A path that does not exist is an error.
    """
    from postmortems.review.session import iter_documents

    for shown, path in iter_documents(paths):
        if path is not None and not (os.path.exists(path) or os.path.islink(path)):
            raise InputError("no such file or directory", path=shown, hint="check the path")
        yield shown
