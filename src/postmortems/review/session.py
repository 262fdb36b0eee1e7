"""Linting files and folders: the library behind ``postmortems lint``.

:func:`lint_paths` walks the paths it is given (folders recurse into ``*.md``), resolves each
document's configuration, parses and reviews it, and collects one :class:`FileReport` per file.
A file that cannot be read or parsed becomes a report with an ``error`` and the others are still
reviewed; a bad configuration file stops the run (it would be wrong for every file under it).
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterator, Sequence
from functools import partial

from postmortems.errors import PostmortemsError
from postmortems.model import Postmortem
from postmortems.model.record import Record
from postmortems.review.config import LintConfig
from postmortems.review.configfile import ConfigFinder
from postmortems.review.engine import enabled_rules, review
from postmortems.review.finding import Finding, Severity
from postmortems.review.paths import absolute, normal
from postmortems.review.registry import RULES, RuleRegistry
from postmortems.review.rule import Rule

TYPE_CHECKING = False  # typing.TYPE_CHECKING, without importing typing at run time
if TYPE_CHECKING:
    from typing import BinaryIO

STDIN = "-"
STDIN_NAME = "<stdin>"
SUFFIXES = (".md", ".markdown")
#: Files a folder of postmortems holds that are not postmortems; every command skips them in
#: folders (``cli/files.py`` walks folders with :func:`iter_documents`). Named explicitly,
#: they are still read.
NOT_POSTMORTEMS = frozenset(
    {"readme", "index", "changelog", "contributing", "license", "code_of_conduct", "security"}
)

ParseText = Callable[[str, "str | None"], Postmortem]
ParseFile = Callable[[str], Postmortem]


class InternalError(PostmortemsError):
    """Reviewing a document failed because of a bug (reported per file, exit code 2)."""


class FileReport(Record):
    """The review of one file: its findings, or the error that stopped it."""

    __slots__ = ("error", "fail_on", "findings", "path", "source")

    path: str
    findings: list[Finding]
    source: str
    error: PostmortemsError | None
    fail_on: Severity

    def __init__(
        self,
        path: str,
        findings: list[Finding] | None = None,
        source: str = "",
        error: PostmortemsError | None = None,
        fail_on: Severity = Severity.WARNING,
    ) -> None:
        self.path = path
        self.findings = [] if findings is None else findings
        self.source = source
        self.error = error
        self.fail_on = fail_on

    @property
    def failed(self) -> bool:
        """True when a finding reaches this file's fail level."""
        return any(f.severity.rank >= self.fail_on.rank for f in self.findings)


class LintRun(Record):
    """Every file's report, and the rules that ran (for formats that describe them)."""

    __slots__ = ("files", "rules")

    files: list[FileReport]
    rules: dict[str, type[Rule]]

    def __init__(
        self,
        files: list[FileReport] | None = None,
        rules: dict[str, type[Rule]] | None = None,
    ) -> None:
        self.files = [] if files is None else files
        self.rules = {} if rules is None else rules

    @property
    def findings(self) -> list[Finding]:
        """All findings, file by file."""
        return [f for report in self.files for f in report.findings]

    @property
    def errors(self) -> list[PostmortemsError]:
        """Files that could not be reviewed."""
        return [r.error for r in self.files if r.error is not None]

    def exit_code(self) -> int:
        """2 when a file could not be reviewed, else 1 when a finding reaches its fail level,
        else 0."""
        if self.errors:
            return 2
        return 1 if any(r.failed for r in self.files) else 0


class Overrides(Record):
    """What the command line says on top of the configuration files."""

    __slots__ = ("config_file", "fail_on", "ignore", "select")

    config_file: str | None
    select: tuple[str, ...] | None
    ignore: tuple[str, ...]
    fail_on: Severity | None

    def __init__(
        self,
        config_file: str | None = None,
        select: tuple[str, ...] | None = None,
        ignore: tuple[str, ...] = (),
        fail_on: Severity | None = None,
    ) -> None:
        self.config_file = config_file
        self.select = select
        self.ignore = ignore
        self.fail_on = fail_on


def iter_documents(paths: Sequence[str]) -> Iterator[tuple[str, str | None]]:
    """``(shown path, file)`` for every document the arguments name: files as given, folders
    recursed in name order (``*.md`` and ``*.markdown``; hidden folders and README-like files
    skipped), ``-`` for standard input (file ``None``). A path that does not exist is yielded
    as is, so the caller reports it."""
    for arg in paths:
        if arg == STDIN:
            yield STDIN, None
            continue
        if not os.path.isdir(normal(arg)):
            yield arg, normal(arg)
            continue
        for root, dirs, files in os.walk(arg):
            dirs[:] = sorted(d for d in dirs if not d.startswith(".") and d != "node_modules")
            for name in sorted(files):
                stem = name.rsplit(".", 1)[0].lower()
                wanted = name.lower().endswith(SUFFIXES) and stem not in NOT_POSTMORTEMS
                if wanted and not name.startswith("."):
                    shown = os.path.join(root, name)
                    yield shown, normal(shown)


def lint_paths(
    paths: Sequence[str],
    overrides: Overrides | None = None,
    *,
    registry: RuleRegistry | None = None,
    stdin: BinaryIO | None = None,
    stdin_filename: str | None = None,
    parse_text: ParseText | None = None,
    parse_file: ParseFile | None = None,
    jobs: int | None = None,
) -> LintRun:
    """Review every document ``paths`` name.

    Many files are reviewed in parallel, one process per CPU (see
    :mod:`postmortems.review.parallel`); the reports come back in the same order either way.

    Args:
        paths: Files, folders, or ``-`` for standard input.
        overrides: Command-line settings applied on top of each file's configuration.
        registry: Where rules come from (default: built-ins and plugins).
        stdin: The stream ``-`` reads (default ``sys.stdin.buffer``).
        stdin_filename: The path reported for standard input, also used to find its config.
        parse_text: Parser for text (default :func:`postmortems.document.parse_text`).
        parse_file: Parser for a file (default :func:`postmortems.document.parse_file`).
        jobs: Processes to review files in (default: one per available CPU; 1 reviews them
            in this process). A custom registry or parser always reviews in this process.

    Raises:
        UsageError: a configuration file is invalid, or ``overrides`` name unknown rules.
    """
    overrides = overrides or Overrides()
    defaults = registry is None and parse_text is None and parse_file is None
    registry = registry or RULES
    _check_selectors(overrides, registry)
    finder = ConfigFinder(registry)
    fixed = finder.load(overrides.config_file) if overrides.config_file else None
    if parse_text is None or parse_file is None:
        from postmortems import document

        parse_text = parse_text or document.parse_text
        parse_file = parse_file or document.parse_file
    run = LintRun()
    rule_sets: dict[tuple[tuple[str, ...], tuple[str, ...]], list[Rule]] = {}
    # Every document's configuration first: a bad configuration file stops the run before any
    # document is reviewed.
    plan: list[tuple[str, str | None, LintConfig]] = []
    for shown, path in iter_documents(paths):
        where = stdin_filename if path is None and stdin_filename else path or "x.md"
        config = _apply(fixed or finder.for_document(absolute(where)), overrides)
        key = (config.select, config.ignore)
        if key not in rule_sets:
            rule_sets[key] = enabled_rules(config, registry)
            run.rules.update((r.id, type(r)) for r in rule_sets[key])
        plan.append((shown if path else stdin_filename or STDIN_NAME, path, config))
    if defaults and all(path is not None for _, path, _ in plan):
        from postmortems.review import parallel

        workers = parallel.workers_for(len(plan), jobs)
        if workers > 1:
            run.files = parallel.review_files(
                [(shown, path, config) for shown, path, config in plan if path], workers
            )
            return run
    read_text, read_file = parse_text, parse_file
    for shown, path, config in plan:
        rules = rule_sets[(config.select, config.ignore)]
        if path is None:
            parse = partial(_parse_stdin, read_text, stdin, shown)
        else:
            parse = partial(read_file, path)
        run.files.append(review_document(shown, config, rules, parse))
    return run


def review_document(
    shown: str, config: LintConfig, rules: Sequence[Rule], parse: Callable[[], Postmortem]
) -> FileReport:
    """The report on one document: ``parse()`` reviewed with ``rules``, or the error that
    stopped it (a bug in a rule or the parser is reported the same way, as one line)."""
    report = FileReport(shown, fail_on=config.fail_on)
    try:
        pm = parse()
        report.source = pm.source
        report.findings = review(pm, config, rules=rules, path=report.path)
    except PostmortemsError as exc:
        if exc.path is None:
            exc.path = report.path
        report.error = exc
    except (KeyboardInterrupt, SystemExit):
        raise
    except BaseException as exc:  # pyo3 panics from the Rust parser are BaseExceptions
        # A bug, not bad input: still one line for this file, and the others are reviewed.
        report.error = InternalError(
            f"internal error while reviewing: {type(exc).__name__}: {exc}",
            path=report.path,
            hint="please report it with the document",
        )
    return report


def _apply(config: LintConfig, overrides: Overrides) -> LintConfig:
    changes: dict[str, object] = {}
    if overrides.select is not None:
        changes["select"] = overrides.select
    if overrides.ignore:
        changes["ignore"] = (*config.ignore, *overrides.ignore)
    if overrides.fail_on is not None:
        changes["fail_on"] = overrides.fail_on
    return config.replace(**changes) if changes else config


def _check_selectors(overrides: Overrides, registry: RuleRegistry) -> None:
    from postmortems.errors import UsageError
    from postmortems.review.config import _unknown_rule

    for option, values in (("--select", overrides.select or ()), ("--ignore", overrides.ignore)):
        for selector in values:
            if not registry.is_selector(selector):
                message, hint = _unknown_rule(selector, registry)
                raise UsageError(f"{option}: {message}", hint=hint)


def _parse_stdin(parse_text: ParseText, stream: BinaryIO | None, shown: str) -> Postmortem:
    return parse_text(_read_stdin(stream, shown), shown)


def _read_stdin(stream: BinaryIO | None, shown: str) -> str:
    from postmortems.document import decode

    return decode((stream or sys.stdin.buffer).read(), shown)
