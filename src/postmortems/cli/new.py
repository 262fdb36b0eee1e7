"""`postmortems new`: start a postmortem from its kind's template."""

from __future__ import annotations

import argparse
import datetime as dt

from postmortems.errors import UsageError

HELP = "Start a new postmortem from a template (writes YYYY-MM-DD-slug.md)."


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Declare the options of ``new``."""
    from postmortems.model.kinds import kinds

    names = sorted(kinds())
    parser.add_argument("title", help='the incident title, e.g. "Checkout errors after deploy"')
    parser.add_argument(
        "--kind",
        default="incident",
        choices=names,
        help="kind of review; near-miss and chaos-experiment templates are short "
        "(default: incident)",
    )
    parser.add_argument(
        "--dir",
        default=".",
        metavar="D",
        help="directory to write into, created when missing (default: current directory)",
    )
    parser.add_argument(
        "--date",
        metavar="YYYY-MM-DD",
        help="document date, also the file-name prefix (default: today)",
    )
    parser.add_argument(
        "--force", action="store_true", help="overwrite a postmortem with the same file name"
    )


def run(args: argparse.Namespace) -> int:
    """Write the document and print its path."""
    from postmortems.document.template import create_document

    day = _parse_date(args.date) if args.date else None
    path = create_document(args.title, args.kind, directory=args.dir, date=day, force=args.force)
    print(path)
    return 0


def _parse_date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text.strip())
    except ValueError:
        raise UsageError(
            f"--date {text!r} is not a date", hint="write it as YYYY-MM-DD, e.g. 2025-03-04"
        ) from None
