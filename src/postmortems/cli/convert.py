"""``postmortems convert``: turn a free-form postmortem into a canonical one."""

from __future__ import annotations

import argparse
import sys

HELP = "Convert a free-form Markdown postmortem to canonical form (metadata to front matter)."


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("path", metavar="PATH", help="a Markdown postmortem")
    where = parser.add_mutually_exclusive_group()
    where.add_argument("-o", "--output", metavar="FILE", help="write here instead of stdout")
    where.add_argument("-i", "--in-place", action="store_true", help="rewrite PATH")


def run(args: argparse.Namespace) -> int:
    from pathlib import Path

    from postmortems.document import parse_file
    from postmortems.document.convert import convert

    text = convert(parse_file(args.path))
    target = args.path if args.in_place else args.output
    if target:
        Path(target).write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)
    return 0
