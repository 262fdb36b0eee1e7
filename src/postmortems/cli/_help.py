"""Help formatters that find the terminal width without importing ``shutil``.

argparse's formatter imports ``shutil`` for ``get_terminal_size`` each time it is built (once
per ``add_argument``), and ``shutil`` brings ``bz2``, ``lzma``, ``zlib`` and ``fnmatch`` with
it: a measurable part of a one-file lint's start-up, for a number ``os`` gives directly.
"""

from __future__ import annotations

import argparse
import os
import sys


def terminal_columns() -> int:
    """What ``shutil.get_terminal_size().columns`` returns: ``$COLUMNS`` when it is a positive
    number, else the width of the terminal on standard output, else 80."""
    try:
        columns = int(os.environ["COLUMNS"])
    except (KeyError, ValueError):
        columns = 0
    if columns > 0:
        return columns
    try:
        columns = os.get_terminal_size(sys.__stdout__.fileno()).columns  # type: ignore[union-attr]
    except (AttributeError, ValueError, OSError):
        columns = 0
    return columns or 80


class HelpFormatter(argparse.HelpFormatter):
    """argparse's default formatter, its width found without ``shutil``."""

    def __init__(
        self,
        prog: str,
        indent_increment: int = 2,
        max_help_position: int = 24,
        width: int | None = None,
    ) -> None:
        # argparse leaves two columns free at the right edge.
        width = terminal_columns() - 2 if width is None else width
        super().__init__(prog, indent_increment, max_help_position, width)


class RawDescriptionHelpFormatter(HelpFormatter, argparse.RawDescriptionHelpFormatter):
    """Descriptions and epilogs printed as written, the width found without ``shutil``."""
