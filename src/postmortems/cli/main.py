"""Entry point of the ``postmortems`` command.

Each sub-command lives in its own module with ``HELP``, ``add_arguments(parser)`` and
``run(args) -> int``. Modules are small and import heavy libraries inside ``run`` so that
``postmortems --help`` stays fast.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

from postmortems import __version__
from postmortems.errors import PostmortemsError

#: Sub-command name -> module. Order is the order ``--help`` lists them in.
COMMANDS: dict[str, str] = {
    "new": "postmortems.cli.new",
    "show": "postmortems.cli.show",
    "fmt": "postmortems.cli.fmt",
    "convert": "postmortems.cli.convert",
    "lint": "postmortems.cli.lint",
    "timeline": "postmortems.cli.timeline",
}


def build_parser() -> argparse.ArgumentParser:
    """The full argument parser, with every registered sub-command."""
    parser = argparse.ArgumentParser(
        prog="postmortems",
        description="Blameless postmortems: write, review and learn from incidents.",
    )
    parser.add_argument("--version", action="version", version=f"postmortems {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name, module_name in COMMANDS.items():
        module = importlib.import_module(module_name)
        cmd = sub.add_parser(name, help=module.HELP, description=module.HELP)
        module.add_arguments(cmd)
        cmd.set_defaults(_run=module.run)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code."""
    parser = build_parser()
    args = parser.parse_args(argv)
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
