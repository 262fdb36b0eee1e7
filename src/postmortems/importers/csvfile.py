"""Generic CSV (or TSV, semicolon-separated): one event per row, columns named or guessed.

The first row is the header. ``ImportOptions.columns`` (``{"time": NAME, ...}``) names the time,
text, actor, kind and end columns; without them common names are tried (see
``_tabular.CANDIDATES``). The delimiter is sniffed from the header line among ``, ; TAB |``.
"""

from __future__ import annotations

import csv
import io
import itertools
from pathlib import Path

from postmortems.errors import InputError
from postmortems.importers._io import Window, head, read_text
from postmortems.importers._tabular import (
    CANDIDATES,
    Layout,
    categorical,
    day_first,
    resolve_columns,
    row_event,
    starts_with_numeric_date,
)
from postmortems.importers.base import ImportOptions, ImportResult
from postmortems.timeline.event import Skipped

SOURCE = "csv"
#: Rows read both ways to choose between day first and month first by the window.
_WINDOW_TRIAL_ROWS = 200
_DELIMITERS = ",;\t|"


def _dates_day_first(text: str, delimiter: str, columns: list[str]) -> bool | None:
    """Whether the sheet writes its dates day first (``31/01/2025``), from the whole column:
    one row cannot tell ``01/02/2025`` apart; None when no row can. Looked for only when the
    first date is written that way, so an ISO 8601 export is not read twice."""
    rows = csv.DictReader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        first = next((row for row in rows if any(row.get(c) for c in columns)), None)
        if first is None or not any(starts_with_numeric_date(first.get(c)) for c in columns):
            return False
        values = (row.get(column) for row in itertools.chain((first,), rows) for column in columns)
        return day_first(values)
    except csv.Error:
        return False  # the reading proper reports it, with its line


def _in_window(text: str, delimiter: str, layout: Layout, window: Window) -> int:
    """How many of the sheet's first rows fall in the window when read with ``layout``."""
    rows = csv.DictReader(io.StringIO(text, newline=""), delimiter=delimiter)
    inside = 0
    try:
        for row in itertools.islice(rows, _WINDOW_TRIAL_ROWS):
            try:
                event = row_event(row, layout, SOURCE, "", "", 0)
            except (ValueError, TypeError, InputError):
                continue
            inside += window.admits(event.time, event.end)
    except csv.Error:
        pass  # the reading proper reports it, with its line
    return inside


def _choose_day_first(text: str, delimiter: str, layout: Layout, options: ImportOptions) -> bool:
    """Day first or month first for dates the column cannot tell (``07/10/2025`` in every row).

    A sheet a Brazilian or British team keeps for an incident on 7 October reads as 10 July
    month first, and every row would fall outside the window asked for and vanish. With a
    window, the reading that puts more of the sheet's rows in it wins; without one, or when
    both put as many, month first (dateutil's reading) as before.
    """
    columns = [layout.columns[role] for role in ("date", "time") if role in layout.columns]
    decided = _dates_day_first(text, delimiter, columns)
    if decided is not None:
        return decided
    window = Window(options)
    if window.start is None and window.end is None:
        return False
    layout.dayfirst = False
    month_first = _in_window(text, delimiter, layout, window)
    layout.dayfirst = True
    return _in_window(text, delimiter, layout, window) > month_first


def _choose_zone(text: str, delimiter: str, layout: Layout, options: ImportOptions) -> None:
    """The zone of naive times when the header names it by an abbreviation with several
    meanings (``Time (IST)``: India, Ireland or Israel).

    An Indian team's sheet read as Dublin time is 5.5 hours off, every row outside the window
    asked for. With a window, the zone that puts strictly more of the sheet's rows in it is
    the one meant; without one, or when no zone does, none is chosen and the first naive row
    stops the import, naming the zones to choose from.
    """
    window = Window(options)
    if not layout.zone_choices or (window.start is None and window.end is None):
        return
    from zoneinfo import ZoneInfo

    counts: dict[str, int] = {}
    for name in layout.zone_choices:
        layout.tz, layout.tz_name = ZoneInfo(name), name
        layout.dayfirst = _choose_day_first(text, delimiter, layout, options)
        counts[name] = _in_window(text, delimiter, layout, window)
    best = max(counts, key=lambda name: counts[name])
    if counts[best] and sorted(counts.values())[-2] < counts[best]:
        layout.tz, layout.tz_name = ZoneInfo(best), best
    else:
        layout.tz = layout.tz_name = None


def _enum_text(text: str, delimiter: str, layout: Layout, options: ImportOptions) -> bool:
    """Whether the guessed text column is an enum (a WAF or CDN console's ``action``: log,
    block) whose rows are told apart by their other cells (rule, count): then those cells are
    the text. A text column the user named is taken as it is."""
    column = layout.columns.get("text")
    if column is None or "text" in options.columns:
        return False
    reader = csv.DictReader(io.StringIO(text, newline=""), delimiter=delimiter)
    return categorical(row.get(column) for row in itertools.islice(reader, 200))


def _delimiter(header: str) -> str:
    counts = {delimiter: header.count(delimiter) for delimiter in _DELIMITERS}
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] else ","


class CsvImporter:
    """Generic CSV with a header row."""

    name = "csv"
    description = "generic CSV/TSV with a header row (time, text, actor, kind columns)"

    def sniff(self, path: Path) -> bool:
        if not path.is_file():
            return False
        if path.suffix.lower() in (".csv", ".tsv"):
            return True
        lines = head(path).splitlines()
        if not lines:
            return False
        delimiter = _delimiter(lines[0])
        cells = {cell.strip().strip('"').lower() for cell in lines[0].split(delimiter)}
        return delimiter in lines[0] and bool(cells & set(CANDIDATES["time"]))

    def read(self, path: Path, options: ImportOptions) -> ImportResult:
        text = read_text(path)
        first_line = text.split("\n", 1)[0]
        # Rows end at line breaks only (newline=""): a cell may hold a form feed or U+2028,
        # which str.splitlines would take for the end of the row.
        delimiter = _delimiter(first_line)
        reader = csv.DictReader(io.StringIO(text, newline=""), delimiter=delimiter)
        try:
            header = reader.fieldnames
        except csv.Error as exc:
            raise InputError(f"not CSV ({exc})", path=str(path), line=1) from None
        if not header:
            raise InputError("empty CSV file: no header row", path=str(path))
        layout = resolve_columns(header, options, str(path))
        _choose_zone(text, delimiter, layout, options)
        layout.dayfirst = _choose_day_first(text, delimiter, layout, options)
        layout.compose_text = _enum_text(text, delimiter, layout, options)
        result = ImportResult(source=SOURCE)
        window = Window(options)
        line = 1
        try:
            for row in reader:
                line = reader.line_num
                position = f"{path.name}:{line}"
                if None in row or any(value is None for value in row.values()):
                    result.skipped.append(
                        Skipped(SOURCE, position, f"{len(header)} columns expected, row differs")
                    )
                    continue
                try:
                    event = row_event(row, layout, SOURCE, position, str(path), line)
                except ValueError as exc:
                    result.skipped.append(Skipped(SOURCE, position, str(exc)))
                    continue
                if window.admits(event.time, event.end):
                    result.events.append(event)
        except csv.Error as exc:
            raise InputError(f"CSV error ({exc})", path=str(path), line=line + 1) from None
        return result


IMPORTER = CsvImporter()
