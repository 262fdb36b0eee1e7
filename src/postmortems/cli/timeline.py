"""``postmortems timeline``: merge chat, pages, alerts, deploys, metrics and commits into one
timeline with its key moments, trigger candidates and durations."""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import sys
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from postmortems.errors import InputError, UsageError

if TYPE_CHECKING:
    from postmortems.importers.base import ImportOptions, ImportResult
    from postmortems.model.document import Postmortem
    from postmortems.timeline.build import Timeline

HELP = "Build a timeline from exported data: key moments, triggers, durations, chart."

_FORMATS = ("text", "json", "markdown")
#: How many skipped records the stderr summary shows before "and N more".
_SHOW_SKIPPED = 3


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Declare the command's options."""
    parser.add_argument(
        "sources",
        nargs="*",
        metavar="SOURCE",
        help="a file or folder to import, or KIND:PATH to name its kind (slack:export.zip); "
        "the kind is detected from the content otherwise",
    )
    parser.add_argument("--from", dest="start", metavar="T", help="start of the window (ISO 8601)")
    parser.add_argument("--to", dest="end", metavar="T", help="end of the window (ISO 8601)")
    parser.add_argument(
        "--around",
        metavar="DOC.md",
        help="window from the document's key times, 1 h before the earliest and 1 h after the "
        "latest (6 h when it has no end); its stated moments win over proposals",
    )
    parser.add_argument(
        "--channel", action="append", default=[], metavar="NAME", help="chat channel to read"
    )
    parser.add_argument("--tz", metavar="ZONE", help="zone of naive times (IANA name or UTC)")
    parser.add_argument(
        "--column",
        action="append",
        default=[],
        metavar="ROLE=NAME",
        help="csv/jsonl: the column that holds ROLE (time, text, actor, kind, end, date), "
        "e.g. --column time=logged; repeatable; unnamed roles are found by common names",
    )
    parser.add_argument(
        "--threshold", metavar="EXPR", help="metric threshold for crossing events, e.g. '>1.0'"
    )
    parser.add_argument("--format", choices=_FORMATS, help="output format (default: text)")
    parser.add_argument(
        "--into", metavar="DOC.md", help="merge the events into the document's Timeline section"
    )
    parser.add_argument("--chart", metavar="FILE", help="draw the metrics and moments (.svg/.png)")
    parser.add_argument(
        "--duration",
        action="append",
        default=[],
        metavar="NAME=FROM:TO",
        help="define a duration as a pair of moments (repeatable; replaces the defaults)",
    )


def run(args: argparse.Namespace) -> int:
    """Import, merge, propose moments, and print or write the result."""
    with collector_paused():
        return _run(args)


def _run(args: argparse.Namespace) -> int:
    from postmortems.importers.base import ImportOptions
    from postmortems.timeline import Window, around, build_timeline, parse_definition
    from postmortems.timeline.markdown import zone_info

    if not args.sources:
        raise UsageError(
            "no sources given", hint="postmortems timeline SLACK_EXPORT PAGES.json ..."
        )
    if args.chart and not args.chart.lower().endswith((".svg", ".png")):
        raise UsageError(f"cannot tell the chart format of {args.chart!r}", hint="use .svg or .png")
    tz = _zone(args.tz, zone_info) if args.tz else None
    definitions = {}
    for text in args.duration:
        try:
            name, pair = parse_definition(text)
        except ValueError as exc:
            raise UsageError(
                str(exc), hint="e.g. --duration time_to_mitigate=detected:mitigated"
            ) from None
        definitions[name] = pair

    columns: dict[str, str] = {}
    for text in args.column:
        role, sep, name = text.partition("=")
        if not sep or not role.strip() or not name.strip():
            raise UsageError(
                f"--column {text!r} is not ROLE=NAME", hint="e.g. --column text=Update"
            )
        columns[role.strip().lower()] = name.strip()

    doc_path = args.around or args.into
    document = _read_document(doc_path) if doc_path else None
    known = _known_moments(document) if document is not None else {}

    start = _time(args.start, tz, "--from")
    end = _time(args.end, tz, "--to")
    window = Window()
    if args.around and document is not None and not (start or end):
        extra = [t for e in document.timeline if (t := e.utc()) is not None]
        found = around(known, extra)
        if found is None:
            raise InputError(
                "the document states no time to build a window around",
                path=args.around,
                hint="fill started/detected in the front matter, or pass --from/--to",
            )
        window = found
    else:
        try:
            window = Window(start, end)
        except ValueError as exc:
            raise UsageError(str(exc), hint="--to must be later than --from") from None

    options = ImportOptions(
        start=window.start,
        end=window.end,
        tz=tz,
        tz_name=args.tz,
        channels=tuple(args.channel),
        threshold=args.threshold,
        columns=columns,
    )
    results = load_sources(args.sources, options)
    series: dict[str, Any] = {}
    for result in results:
        series.update(result.series)
    timeline = build_timeline(
        [r.events for r in results],
        window=window,
        known=known,
        skipped=[s for r in results for s in r.skipped],
        series=series,
        definitions=definitions or None,
    )
    _summarise_skipped(timeline)
    fmt = args.format or ("text" if not (args.into or args.chart) else None)
    if fmt:
        _print(timeline, fmt, args.tz or "UTC")
    if args.into:
        _write_into(args.into, document, timeline, args.tz)
    if args.chart:
        from postmortems.chart.timeline import render_chart

        render_chart(timeline, args.chart)
        print(f"postmortems: chart written to {args.chart}", file=sys.stderr)
    return 0


def load_source(spec: str, options: ImportOptions) -> ImportResult:
    """Read one ``SOURCE`` or ``KIND:SOURCE`` with the importer registry."""
    from postmortems.importers import registry

    return registry.load(spec, options)


def load_sources(specs: list[str], options: ImportOptions) -> list[ImportResult]:
    """Read every source, with the cyclic garbage collector paused meanwhile."""
    with collector_paused():
        return [load_source(spec, options) for spec in specs]


@contextlib.contextmanager
def collector_paused() -> Iterator[None]:
    """The cyclic garbage collector paused meanwhile, and resumed after if it was running.

    A timeline is millions of small acyclic objects (events, their attributes, decoded JSON)
    kept to the end. While they pile up the collector would walk them again and again, a third
    of the import time on a year of chat, and once more at the first allocation after it is
    resumed (merging then took twice as long); it could free nothing. The whole command runs
    with it paused.
    """
    import gc

    paused = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if paused:
            gc.enable()


def _zone(name: str, zone_info: Any) -> dt.tzinfo:
    try:
        tz: dt.tzinfo = zone_info(name)
    except ValueError:
        raise UsageError(
            f"unknown time zone {name!r}", hint="use an IANA name such as Europe/Copenhagen"
        ) from None
    return tz


def _time(text: str | None, tz: dt.tzinfo | None, option: str) -> dt.datetime | None:
    if text is None:
        return None
    try:
        when = dt.datetime.fromisoformat(text.strip().replace("z", "Z"))
    except ValueError:
        raise UsageError(
            f"{option} {text!r} is not an ISO 8601 time", hint="e.g. 2025-02-14T08:30:00Z"
        ) from None
    if when.tzinfo is None:
        if tz is None:
            raise UsageError(
                f"{option} {text!r} has no time zone", hint="add Z or an offset, or pass --tz ZONE"
            )
        when = when.replace(tzinfo=tz)
    return when


def _read_document(path: str) -> Postmortem:
    from postmortems.document import parse_file

    try:
        return parse_file(path)
    except OSError as exc:
        raise InputError(f"cannot read the document: {exc.strerror or exc}", path=path) from None


def _known_moments(document: Postmortem) -> dict[str, dt.datetime | None]:
    from postmortems.timeline.into import known_moments

    return known_moments(document)


def _summarise_skipped(timeline: Timeline) -> None:
    skipped = timeline.skipped
    if not skipped:
        return
    lines = [f"postmortems: skipped {len(skipped)} record(s) that could not be imported:"]
    for record in skipped[:_SHOW_SKIPPED]:
        lines.append(f"  {record.source} {record.position}: {record.reason}")
    if len(skipped) > _SHOW_SKIPPED:
        lines.append(f"  ... and {len(skipped) - _SHOW_SKIPPED} more (all listed by --format json)")
    print("\n".join(lines), file=sys.stderr)


def _print(timeline: Timeline, fmt: str, zone: str) -> None:
    if fmt == "json":
        from postmortems.timeline.report import write_json

        write_json(timeline, sys.stdout.write)
    elif fmt == "markdown":
        from postmortems.timeline.markdown import render_section, rows_from_events

        rows = rows_from_events(timeline.events, timeline.markers())
        sys.stdout.write(render_section(rows, zone))
    else:
        import shutil

        from postmortems.timeline.report import to_text

        # Cut long texts to the terminal's width; a pipe or a file gets them whole.
        width = shutil.get_terminal_size((120, 24)).columns if sys.stdout.isatty() else 0
        sys.stdout.write(to_text(timeline, width))


def _write_into(path: str, document: Postmortem | None, timeline: Timeline, tz: str | None) -> None:
    from pathlib import Path

    from postmortems.timeline.into import merge_into

    assert document is not None
    result = merge_into(document, timeline, zone=tz)
    if result.changed and result.text != document.source:
        try:
            Path(path).write_text(result.text, encoding="utf-8")
        except OSError as exc:
            raise InputError(
                f"cannot write the document: {exc.strerror or exc}", path=path
            ) from None
    print(f"postmortems: {path}: {result.summary()}", file=sys.stderr)
