"""Reviewing many files at once: one process per CPU, reports in the order of the files.

Each document is parsed and reviewed on its own, so a folder of postmortems splits cleanly
across processes, the way ruff and flake8 lint many files. The parent process resolves every
document's configuration first (a bad configuration file stops the run before any review, as
in a serial run), then hands contiguous chunks of ``(shown path, file, configuration)`` to a
pool of workers and collects the :class:`~postmortems.review.session.FileReport` of each
chunk in order, so the output, the exit code and the errors on standard error are what a
serial run gives.

Workers are forked: they start with the parser and the rules already imported, and with the
rules registered at run time (tests, plugins loaded by the caller) that a fresh interpreter
would not know. Where processes cannot be forked (Windows), one file, one available CPU or
``jobs=1``, files are reviewed in the calling process.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from functools import partial

TYPE_CHECKING = False  # typing.TYPE_CHECKING, without importing typing at run time
if TYPE_CHECKING:
    from postmortems.review.config import LintConfig
    from postmortems.review.rule import Rule
    from postmortems.review.session import FileReport

#: Fewer documents than this are reviewed in the calling process: starting workers costs
#: more than it saves.
MIN_DOCUMENTS = 16

Job = tuple[str, str, "LintConfig"]


def available_cpus() -> int:
    """CPUs this process may run on (its affinity where the platform tells it)."""
    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):  # not every platform has affinity
        return os.cpu_count() or 1


def workers_for(documents: int, jobs: int | None = None) -> int:
    """How many processes review ``documents`` files: ``jobs`` if given, else one per
    available CPU, and 1 (this process) for fewer than :data:`MIN_DOCUMENTS` files."""
    if not _can_fork():
        return 1
    if jobs is not None:
        return max(1, min(jobs, documents))
    if documents < MIN_DOCUMENTS:
        return 1
    return max(1, min(available_cpus(), documents))


def _can_fork() -> bool:
    return hasattr(os, "fork")


def review_files(jobs: Sequence[Job], workers: int) -> list[FileReport]:
    """The reports on ``jobs`` (shown path, file path, configuration), in their order, from
    ``workers`` processes."""
    import multiprocessing

    # Make sure what the workers need is imported before they are forked.
    from postmortems.document import parse_file  # noqa: F401

    context = multiprocessing.get_context("fork")
    # Small chunks keep the processes evenly busy; large ones keep the hand-over cheap.
    size = max(1, min(32, len(jobs) // (workers * 8)))
    chunks = [list(jobs[i : i + size]) for i in range(0, len(jobs), size)]
    with context.Pool(workers) as pool:
        reports: list[FileReport] = []
        for done in pool.imap(_review_chunk, chunks):
            reports.extend(done)
    return reports


# Rule instances of a worker, per selection (each process makes its own).
_rule_sets: dict[tuple[tuple[str, ...], tuple[str, ...]], list[Rule]] = {}


def _review_chunk(chunk: list[Job]) -> list[FileReport]:
    from postmortems.document import parse_file
    from postmortems.review.engine import enabled_rules
    from postmortems.review.session import review_document

    reports = []
    for shown, path, config in chunk:
        key = (config.select, config.ignore)
        rules = _rule_sets.get(key)
        if rules is None:
            rules = _rule_sets[key] = enabled_rules(config)
        reports.append(review_document(shown, config, rules, partial(parse_file, path)))
    return reports
