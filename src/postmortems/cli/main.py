"""Entry point of the ``postmortems`` command.

Each sub-command lives in its own module with ``HELP``, ``add_arguments(parser)`` and
``run(args) -> int``. Modules are small and import heavy libraries inside ``run`` so that
``postmortems --help`` stays fast.
"""

from __future__ import annotations

import argparse
import gc
import importlib
import sys
from collections.abc import Sequence

from postmortems import __version__
from postmortems.cli._help import HelpFormatter
from postmortems.errors import PostmortemsError

#: Sub-command name -> (module, one-line summary). Order is the order ``--help`` lists them in.
#: The summary is the module's ``HELP`` (a test keeps them equal); it is repeated here so that
#: ``postmortems --help`` imports no command module at all.
COMMANDS: dict[str, tuple[str, str]] = {
    "new": (
        "postmortems.cli.new",
        "Start a new postmortem from a template (writes YYYY-MM-DD-slug.md).",
    ),
    "show": (
        "postmortems.cli.show",
        "Show a postmortem's metadata, sections, key moments, factors and action items.",
    ),
    "fmt": (
        "postmortems.cli.fmt",
        "Rewrite postmortems in canonical form (front matter order, headings, spacing).",
    ),
    "convert": (
        "postmortems.cli.convert",
        "Convert a free-form Markdown postmortem to canonical form (metadata to front matter).",
    ),
    "lint": (
        "postmortems.cli.lint",
        "Review postmortems for blame, missing sections, vague action items and more.",
    ),
    "timeline": (
        "postmortems.cli.timeline",
        "Build a timeline from exported data: key moments, triggers, durations, chart.",
    ),
}


def build_parser(command: str | None = None) -> argparse.ArgumentParser:
    """The argument parser; only ``command``'s module is imported (all of them when ``None``
    and ``command`` is not known, so ``--help`` on a sub-command shows its options)."""
    parser = argparse.ArgumentParser(
        prog="postmortems",
        description="Blameless postmortems: write, review and learn from incidents.",
        formatter_class=HelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"postmortems {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name, (module_name, summary) in COMMANDS.items():
        if command is not None and name != command:
            sub.add_parser(name, help=summary, add_help=False, formatter_class=HelpFormatter)
            continue
        module = importlib.import_module(module_name)
        cmd = sub.add_parser(
            name, help=module.HELP, description=module.HELP, formatter_class=HelpFormatter
        )
        module.add_arguments(cmd)
        cmd.set_defaults(_run=module.run, _parser=cmd)
    return parser


def _command_of(argv: Sequence[str]) -> str | None:
    for arg in argv:
        if arg in COMMANDS:
            return arg
        if not arg.startswith("-"):
            return None
    return ""


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code."""
    # A command allocates many objects that live to the end (modules, the parsed document):
    # collecting the youngest generation every 50,000 allocations instead of every 700 does
    # the same collecting with a fraction of the passes. Process-wide, so set here only.
    gc.set_threshold(50_000)
    if argv is None:
        argv = sys.argv[1:]
    command = _command_of(argv)
    parser = build_parser(command)
    args, extra = parser.parse_known_args(argv)
    if extra:
        # Options between a command's paths ("timeline a.json --tz UTC b.json"): argparse
        # stops taking positionals at the first option, so the command's own parser reads
        # its arguments again, intermixed. Anything it does not know is still an error.
        sub = getattr(args, "_parser", None)
        if sub is None:
            parser.error(f"unrecognized arguments: {' '.join(extra)}")
        rest = list(argv)[list(argv).index(args.command) + 1 :]
        args = sub.parse_intermixed_args(rest, argparse.Namespace(command=args.command))
    if not getattr(args, "_run", None):
        parser.print_help()
        return 0
    try:
        code: int = args._run(args)
    except PostmortemsError as exc:
        print(f"postmortems: {exc}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # `postmortems show ... | head`: the reader went away; that is not an error.
        sys.stderr.close()
        return 0
    return code
