"""``postmortems show``: what the parser reads out of a postmortem."""

from __future__ import annotations

import argparse
import sys

HELP = "Show a postmortem's metadata, sections, key moments, factors and action items."


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", nargs="+", metavar="FILE", help="Markdown files or directories")
    parser.add_argument("--format", choices=("text", "json"), default="text")


def run(args: argparse.Namespace) -> int:
    import json

    from postmortems.cli.files import markdown_files
    from postmortems.document import parse_file
    from postmortems.document.export import to_dict
    from postmortems.errors import InputError

    code = 0
    results = []
    for path in markdown_files(args.paths):
        try:
            pm = parse_file(path)
        except InputError as exc:
            print(f"postmortems: {exc}", file=sys.stderr)
            code = 2
            continue
        if args.format == "json":
            results.append(to_dict(pm))
        else:
            from postmortems.cli.show_text import render_text

            sys.stdout.write(render_text(pm) + "\n")
    if args.format == "json":
        payload = results[0] if len(results) == 1 and len(args.paths) == 1 else results
        json.dump(payload, sys.stdout, indent=2, ensure_ascii=False)
        sys.stdout.write("\n")
    return code
