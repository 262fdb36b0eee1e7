"""``postmortems fmt``: rewrite documents in canonical form."""

from __future__ import annotations

import argparse
import sys

HELP = "Rewrite postmortems in canonical form (front matter order, headings, spacing)."


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", nargs="+", metavar="PATH", help="Markdown files or directories")
    parser.add_argument(
        "--check", action="store_true", help="change nothing; exit 1 if a file would change"
    )


def run(args: argparse.Namespace) -> int:
    from pathlib import Path

    from postmortems.cli.files import markdown_files
    from postmortems.document import parse_file, render
    from postmortems.errors import InputError

    changed = errors = 0
    for path in markdown_files(args.paths):
        try:
            pm = parse_file(path)
        except InputError as exc:
            print(f"postmortems: {exc}", file=sys.stderr)
            errors += 1
            continue
        text = render(pm)
        if text == pm.source:
            continue
        changed += 1
        if args.check:
            print(f"would reformat {path}")
        else:
            Path(path).write_text(text, encoding="utf-8")
            print(f"reformatted {path}")
    if errors:
        return 2
    return 1 if args.check and changed else 0
