"""The incident chart: metric series with the incident shaded, key moments and deploys marked.

matplotlib is imported inside :func:`render_chart` with the Agg backend (no display needed), so
importing this module costs nothing. SVG keeps its labels as text so the chart can be searched
and diffed; the format follows the file's extension.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

from postmortems.errors import UsageError
from postmortems.timeline.event import EventKind
from postmortems.timeline.moments import MOMENT_NAMES

if TYPE_CHECKING:
    from postmortems.timeline.build import Timeline

_DEPLOY_KINDS = {
    EventKind.DEPLOY_STARTED,
    EventKind.DEPLOY_SUCCEEDED,
    EventKind.DEPLOY_FAILED,
    EventKind.ROLLBACK,
    EventKind.CONFIG_CHANGE,
}
_MOMENT_COLOURS = {
    "started": "#d62728",
    "detected": "#ff7f0e",
    "acknowledged": "#9467bd",
    "mitigated": "#2ca02c",
    "resolved": "#1f77b4",
}


def render_chart(timeline: Timeline, path: str | Path, *, title: str | None = None) -> Path:
    """Draw ``timeline`` into ``path`` (``.svg`` or ``.png``) and return the path.

    Raises:
        UsageError: for another extension.
    """
    target = Path(path)
    fmt = target.suffix.lower().lstrip(".")
    if fmt not in {"svg", "png"}:
        raise UsageError(f"cannot draw a chart as {target.suffix!r}", hint="use .svg or .png")

    import matplotlib

    matplotlib.use("Agg")
    from matplotlib import dates as mdates
    from matplotlib.figure import Figure

    fig = Figure(figsize=(11, 4.8), layout="constrained")
    ax = fig.add_subplot()
    for name, points in sorted(timeline.series.items()):
        if points:
            xs = [_naive_utc(t) for t, _ in points]
            ax.plot(xs, [v for _, v in points], label=name, linewidth=1.4, gid=f"series:{name}")
    times = timeline.moment_times()
    first = times.get("started") or times.get("detected")
    last = times.get("resolved") or times.get("mitigated")
    if first is not None:
        end = last or (timeline.events[-1].time if timeline.events else first)
        ax.axvspan(
            _naive_utc(first),
            _naive_utc(max(end, first)),
            color="#d62728",
            alpha=0.08,
            label="incident",
            gid="incident-window",
        )
    for name in MOMENT_NAMES:
        when = times.get(name)
        if when is None:
            continue
        x = _naive_utc(when)
        ax.axvline(
            x, color=_MOMENT_COLOURS[name], linestyle="--", linewidth=1, gid=f"moment:{name}"
        )
        ax.annotate(
            name,
            xy=(x, 1.0),
            xycoords=("data", "axes fraction"),
            xytext=(2, -4),
            textcoords="offset points",
            rotation=90,
            va="top",
            fontsize=8,
            color=_MOMENT_COLOURS[name],
        )
    deploys = [e for e in timeline.events if e.kind in _DEPLOY_KINDS]
    trigger = timeline.triggers[0].event if timeline.triggers else None
    if trigger is not None and trigger not in deploys:
        deploys.append(trigger)
    for n, event in enumerate(deploys):
        x = _naive_utc(event.time)
        ax.axvline(x, color="#555555", linewidth=0.8, alpha=0.6)
        ax.plot(
            [x],
            [0.02],
            marker="^",
            markersize=9,
            color="#555555",
            transform=ax.get_xaxis_transform(),
            linestyle="none",
            label="deploy / change" if n == 0 else None,
            gid=f"deploy:{n}",
        )
    _set_limits(ax, timeline)
    ax.xaxis.set_major_formatter(mdates.DateFormatter("%H:%M"))
    ax.set_xlabel("time (UTC)")
    ax.set_title(title or _title(timeline), fontsize=10)
    ax.grid(alpha=0.25)
    handles, _ = ax.get_legend_handles_labels()
    if handles:
        ax.legend(loc="upper left", fontsize=8)
    target.parent.mkdir(parents=True, exist_ok=True)
    if fmt == "svg":
        with matplotlib.rc_context({"svg.fonttype": "none", "svg.hashsalt": "postmortems"}):
            fig.savefig(target, format="svg", metadata={"Date": None})
    else:
        fig.savefig(target, format="png", dpi=120, metadata={"Software": None})
    return target


def _naive_utc(when: dt.datetime) -> dt.datetime:
    # matplotlib's date axis works in one zone; give it UTC wall times.
    return when.astimezone(dt.UTC).replace(tzinfo=None)


def _set_limits(ax: object, timeline: Timeline) -> None:
    candidates = [e.time for e in timeline.events]
    candidates += [t for pts in timeline.series.values() for t, _ in pts]
    start = timeline.window.start or (min(candidates) if candidates else None)
    end = timeline.window.end or (max(candidates) if candidates else None)
    if start is not None and end is not None and end > start:
        ax.set_xlim(_naive_utc(start), _naive_utc(end))  # type: ignore[attr-defined]


def _title(timeline: Timeline) -> str:
    day = next((e.time.astimezone(dt.UTC).date() for e in timeline.events), None)
    return f"Incident timeline {day.isoformat()} (UTC)" if day else "Incident timeline"
