"""`postmortems lint`: review postmortems against the blameless practice, like a code linter."""

from __future__ import annotations

import argparse
import gc
import os
import sys

from postmortems.cli._help import RawDescriptionHelpFormatter

HELP = "Review postmortems for blame, missing sections, vague action items and more."

EPILOG = """\
exit codes: 0 nothing reached the fail level, 1 something did, 2 usage or input error.
configuration: [tool.postmortems.lint] in pyproject.toml or [lint] in .postmortems.toml,
found by walking up from each file. Rules: docs/rules.md or --list-rules."""


def _csv(value: str) -> list[str]:
    return [part.strip() for part in value.split(",") if part.strip()]


def _jobs(value: str) -> int:
    try:
        jobs = int(value)
    except ValueError:
        jobs = 0
    if jobs < 1:
        raise argparse.ArgumentTypeError(
            f"expected a number of processes (1 or more), not {value!r}"
        )
    return jobs


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Declare the options of ``lint``."""
    parser.epilog = EPILOG
    parser.formatter_class = RawDescriptionHelpFormatter
    parser.add_argument(
        "paths",
        nargs="*",
        metavar="PATH",
        help="files or folders (folders recurse into *.md); - reads standard input "
        "(default: the current folder)",
    )
    parser.add_argument(
        "--format",
        default="text",
        metavar="FORMAT",
        help="text (default), json, sarif or github",
    )
    parser.add_argument(
        "--select",
        action="append",
        type=_csv,
        metavar="RULES",
        help="only these rule ids or families, comma-separated (replaces the configured list)",
    )
    parser.add_argument(
        "--ignore",
        action="append",
        type=_csv,
        metavar="RULES",
        help="leave out these rule ids or families (adds to the configured list)",
    )
    parser.add_argument(
        "--fail-on",
        choices=("error", "warning", "info"),
        help="lowest severity that makes the exit code 1 (default: warning, or configured)",
    )
    parser.add_argument(
        "--config", metavar="FILE", help="use this configuration file for every document"
    )
    parser.add_argument(
        "--stdin-filename",
        metavar="PATH",
        help="path to report for standard input; its folder is where configuration is found",
    )
    parser.add_argument(
        "--color",
        choices=("auto", "always", "never"),
        default="auto",
        help="colour text output (default: auto, when writing to a terminal; NO_COLOR is obeyed)",
    )
    parser.add_argument(
        "--jobs",
        "-j",
        type=_jobs,
        metavar="N",
        help="review files in N processes (default: one per CPU when there are many files)",
    )
    parser.add_argument(
        "--list-rules", action="store_true", help="list every rule with its severity and exit"
    )


def run(args: argparse.Namespace) -> int:
    """Review the documents, print the report, return the exit code."""
    from postmortems.review.finding import Severity
    from postmortems.review.formats import get_format
    from postmortems.review.session import Overrides, lint_paths

    # What the imports built lives as long as the process: moved out of the collector's
    # generations, it is not traversed again by each collection the review triggers.
    gc.freeze()
    if args.list_rules:
        return _list_rules()
    output = get_format(args.format)
    overrides = Overrides(
        config_file=args.config,
        select=tuple(s for group in args.select for s in group) if args.select else None,
        ignore=tuple(s for group in args.ignore or () for s in group),
        fail_on=Severity(args.fail_on) if args.fail_on else None,
    )
    result = lint_paths(
        args.paths or ["."], overrides, stdin_filename=args.stdin_filename, jobs=args.jobs
    )
    for error in result.errors:
        print(f"postmortems: {error}", file=sys.stderr)
    sys.stdout.write(output.render(result, color=_use_color(args.color)))
    sys.stdout.flush()
    return result.exit_code()


def _use_color(choice: str) -> bool:
    if choice != "auto":
        return choice == "always"
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    return sys.stdout.isatty() and os.environ.get("TERM") != "dumb"


def _list_rules() -> int:
    from postmortems.review.registry import RULES

    rules = list(RULES)
    width = max((len(r.id) for r in rules), default=0)
    for rule in rules:
        print(f"{rule.id:<{width}}  {rule.severity.value:<7}  {rule.summary}")
    return 0
