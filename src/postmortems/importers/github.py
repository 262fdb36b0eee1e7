"""GitHub: deployments and their statuses (REST), and deployment / deployment_status webhooks.

Read shapes (one JSON document, a JSON array, JSON Lines, or arrays one after another as
``gh api --paginate`` prints them):

* ``GET /repos/{owner}/{repo}/deployments``: deployment objects, optionally each with its
  statuses embedded as ``"statuses": [...]`` (see docs/importers.md for the command);
* ``GET /repos/{owner}/{repo}/deployments/{id}/statuses``: status objects;
* webhook payloads: ``deployment`` (action ``created``) and ``deployment_status``.

Kinds: a created deployment is ``deploy-started``; statuses ``queued``, ``pending`` and
``in_progress`` are ``deploy-started`` too (the rollout's steps, with ``attrs["state"]``);
``success`` is ``deploy-succeeded``; ``failure`` and ``error`` are ``deploy-failed``;
``inactive`` (a later deployment superseded this one) is not a timeline event and is reported
as skipped with that reason. A deployment whose task, description, ref, environment or payload
(or a status's description) says rollback/roll back/rolling back/rolled back/revert is a
rollback: its successful status is a ``rollback`` event. So is a deployment of an earlier
release, which a deploy workflow run on an older tag creates with nothing saying so: its sha was
first deployed to that environment before the sha it replaces (see :func:`redeploys`).
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from postmortems.errors import InputError
from postmortems.importers._io import (
    OUT_OF_RANGE,
    UTC,
    Window,
    display_path,
    head,
    holdable,
    json_values,
    parse_iso,
    read_text,
    string,
    zone_of,
)
from postmortems.importers.base import ImportOptions, ImportResult
from postmortems.timeline.event import Event, EventKind, Skipped

SOURCE = "github"
WHAT = "GitHub deployments / deployment statuses (REST JSON or webhook payloads)"
STATE_KINDS: dict[str, str] = {
    "success": EventKind.DEPLOY_SUCCEEDED,
    "failure": EventKind.DEPLOY_FAILED,
    "error": EventKind.DEPLOY_FAILED,
    "in_progress": EventKind.DEPLOY_STARTED,
    "queued": EventKind.DEPLOY_STARTED,
    "pending": EventKind.DEPLOY_STARTED,
}
#: "rollback", "roll back", "rolling back", "rolled back", "auto_rollback", "revert"; not the
#: "roll back" inside other words ("Payroll backend", "enrolled backfill").
_ROLLBACK = re.compile(r"(?<![a-z])roll(?:ed|ing)?[\s_-]?back|revert", re.IGNORECASE)


def is_rollback(*values: Any) -> bool:
    """True when any of the values (strings, or objects as JSON) speaks of a rollback."""
    for value in values:
        if value in (None, "", {}, []):
            continue
        text = value if isinstance(value, str) else json.dumps(value)
        if _ROLLBACK.search(text):
            return True
    return False


def _login(value: Any) -> str | None:
    if isinstance(value, dict) and isinstance(value.get("login"), str) and value["login"]:
        return str(value["login"])
    return None


def _person(value: Any) -> str | None:
    """The login of a user, None for a bot or app (``type: Bot``, ``name[bot]``)."""
    login = _login(value)
    if login is None or login.endswith("[bot]"):
        return None
    assert isinstance(value, dict)
    return None if value.get("type") == "Bot" else login


class _Reader:
    def __init__(self, options: ImportOptions, result: ImportResult) -> None:
        self.window = Window(options)
        self.result = result
        self.found = False
        #: The deployments the file lists, by id, for statuses listed apart from them
        #: (``gh api .../deployments`` and then each one's ``/statuses``, saved together).
        self.deployments: dict[str, dict[str, Any]] = {}
        #: Every deployment seen (listed or in a webhook) and the states of its statuses, to
        #: tell a redeploy of an earlier release; filled by :meth:`learn`, read by :meth:`done`.
        self.history: dict[str, dict[str, Any]] = {}
        self.states: dict[str, set[str]] = {}
        #: Deployment id -> the release it rolled back from (``v1.1.0 (bbbbbbb)``).
        self.back_from: dict[str, str] = {}

    def learn(self, record: Any) -> None:
        """Remember a listed deployment (not a status, not a webhook) by its id, and every
        deployment and status state for :func:`redeploys`."""
        if not isinstance(record, dict):
            return
        if (
            "state" not in record
            and ("statuses_url" in record or ("sha" in record and "environment" in record))
            and isinstance(record.get("id"), int | str)
        ):
            self.deployments[str(record["id"])] = record
            self.history[str(record["id"])] = record
            seen = self.states.setdefault(str(record["id"]), set())
            statuses = record.get("statuses")
            for status in statuses if isinstance(statuses, list) else ():
                if isinstance(status, dict):
                    seen.add(string(status.get("state")))
        elif "state" in record and "deployment_url" in record:
            self.states.setdefault(_deployment_id(record), set()).add(string(record.get("state")))
        else:
            deployment = record.get("deployment")
            if isinstance(deployment, dict) and isinstance(deployment.get("id"), int | str):
                self.history.setdefault(str(deployment["id"]), deployment)
                status = record.get("deployment_status")
                if isinstance(status, dict):
                    self.states.setdefault(str(deployment["id"]), set()).add(
                        string(status.get("state"))
                    )

    def done_learning(self) -> None:
        self.back_from = redeploys(self.history, self.states)

    def record(self, record: Any, position: str) -> None:
        if not isinstance(record, dict):
            self.result.skipped.append(Skipped(SOURCE, position, "record is not an object"))
            return
        if isinstance(record.get("deployment_status"), dict):
            deployment = (
                record.get("deployment") if isinstance(record.get("deployment"), dict) else {}
            )
            assert isinstance(deployment, dict)
            self.status(record["deployment_status"], deployment, position)
        elif isinstance(record.get("deployment"), dict):
            if record.get("action", "created") == "created":
                self.deployment(record["deployment"], position)
            else:
                self.found = True
                self.result.skipped.append(
                    Skipped(SOURCE, position, f"deployment webhook action {record['action']!r}")
                )
        elif "state" in record and ("deployment_url" in record or "target_url" in record):
            listed = self.deployments.get(_deployment_id(record))
            self.status(record, listed or {}, position)
        elif "statuses_url" in record or ("sha" in record and "environment" in record):
            self.deployment(record, position)
            statuses = record.get("statuses")
            if statuses is not None and not isinstance(statuses, list):
                self.result.skipped.append(
                    Skipped(SOURCE, f"{position}/statuses", "statuses is not a list")
                )
                return
            for index, status in enumerate(statuses or ()):
                where = f"{position}/statuses/{index}"
                if isinstance(status, dict):
                    self.status(status, record, where)
                else:
                    self.result.skipped.append(Skipped(SOURCE, where, "status is not an object"))
        else:
            self.result.skipped.append(
                Skipped(SOURCE, position, "neither a deployment nor a deployment status")
            )

    def _when(self, record: dict[str, Any], position: str) -> tuple[Any, Any]:
        raw = record.get("created_at")
        moment = parse_iso(raw)
        if moment is None or moment.tzinfo is None:
            self.result.skipped.append(
                Skipped(SOURCE, position, f"created_at {raw!r} missing, unreadable or naive")
            )
            return None, raw
        if holdable(moment) is None:
            self.result.skipped.append(
                Skipped(SOURCE, position, f"created_at {raw!r} {OUT_OF_RANGE}")
            )
            return None, raw
        return moment, raw

    def deployment(self, deployment: dict[str, Any], position: str) -> None:
        self.found = True
        moment, raw = self._when(deployment, position)
        if moment is None or not self.window.admits(moment):
            return
        rollback = is_rollback(
            deployment.get("task"),
            deployment.get("description"),
            deployment.get("ref"),
            deployment.get("environment"),
            deployment.get("payload"),
        )
        back_from = self.back_from.get(str(deployment.get("id")))
        rollback = rollback or back_from is not None
        label = _label(deployment)
        text = f"{'Rollback' if rollback else 'Deploy'} {label} started"
        if string(deployment.get("description")):
            text = f"{text}: {deployment['description']}"
        if back_from:
            text = f"{text} (back from {back_from})"
        attrs = _deployment_attrs(deployment, rollback)
        self.result.events.append(
            Event(
                moment.astimezone(UTC),
                SOURCE,
                EventKind.DEPLOY_STARTED,
                text,
                _login(deployment.get("creator")),
                f"github:deployment/{deployment.get('id')}",
                zone_of(raw),
                None,
                attrs,
            )
        )

    def status(self, status: dict[str, Any], deployment: dict[str, Any], position: str) -> None:
        self.found = True
        state = string(status.get("state"))
        if state == "inactive":
            self.result.skipped.append(
                Skipped(
                    SOURCE,
                    position,
                    "inactive status: a later deployment superseded this one (not an event)",
                )
            )
            return
        kind = STATE_KINDS.get(state)
        if kind is None:
            self.result.skipped.append(Skipped(SOURCE, position, f"unknown state {state!r}"))
            return
        moment, raw = self._when(status, position)
        if moment is None or not self.window.admits(moment):
            return
        rollback = is_rollback(
            deployment.get("task"),
            deployment.get("description"),
            deployment.get("ref"),
            deployment.get("payload"),
            status.get("description"),
            status.get("environment") or deployment.get("environment"),
        )
        back_from = self.back_from.get(str(deployment.get("id") or _deployment_id(status)))
        rollback = rollback or back_from is not None
        if rollback and kind == EventKind.DEPLOY_SUCCEEDED:
            kind = EventKind.ROLLBACK
        environment = string(status.get("environment")) or string(deployment.get("environment"))
        label = _label(deployment, environment)
        what = "Rollback" if rollback else "Deploy"
        text = f"{what} {label}: {state.replace('_', ' ')}"
        if string(status.get("description")):
            text = f"{text} ({status['description']})"
        if back_from:
            text = f"{text} (back from {back_from})"
        attrs = _deployment_attrs(deployment, rollback)
        attrs["state"] = state
        if status.get("target_url") or status.get("log_url"):
            attrs["url"] = status.get("log_url") or status.get("target_url")
        deployment_id = str(deployment.get("id") or _deployment_id(status))
        if "deployment_id" not in attrs and deployment_id:
            # A status listed on its own names its deployment only in its URL; the id groups
            # it with the deployment's other events (one change, not one per status).
            attrs["deployment_id"] = (
                int(deployment_id) if deployment_id.isdigit() else deployment_id
            )
        self.result.events.append(
            Event(
                moment.astimezone(UTC),
                SOURCE,
                kind,
                text,
                _person(status.get("creator"))
                or _login(deployment.get("creator"))
                or _login(status.get("creator")),
                f"github:deployment/{deployment_id}/status/{status.get('id')}",
                zone_of(raw),
                None,
                attrs,
            )
        )


def redeploys(
    deployments: dict[str, dict[str, Any]], states: dict[str, set[str]]
) -> dict[str, str]:
    """Deployments that put an earlier release back, by id -> the release they replaced.

    A deploy workflow run on an older tag (``gh workflow run deploy -f ref=v1.0.0``) creates a
    deployment like any other. What makes it a rollback is the history of its environment: its
    sha was first deployed there before the sha running when it started. The running sha is
    that of the latest earlier deployment not known to have failed. A retry (the same sha), a
    roll forward (a newer sha again) and another environment are not rollbacks.
    """
    runs: dict[str, list[tuple[Any, str, str]]] = {}
    for key, deployment in deployments.items():
        sha = string(deployment.get("sha"))
        moment = parse_iso(deployment.get("created_at"))
        if not sha or moment is None or moment.tzinfo is None:
            continue
        environment = string(deployment.get("environment")).lower()
        runs.setdefault(environment, []).append((moment, key, sha))
    found: dict[str, str] = {}
    for run in runs.values():
        run.sort()
        first: dict[str, Any] = {}
        running: tuple[str, str] | None = None  # (key, sha)
        for moment, key, sha in run:
            if running is not None and sha in first and first[sha] < first[running[1]]:
                found[key] = _release(deployments[running[0]])
            first.setdefault(sha, moment)
            seen = states.get(key, set())
            if "success" in seen or not seen & {"failure", "error"}:
                running = (key, sha)
    return found


def _deployment_id(status: dict[str, Any]) -> str:
    """The id at the end of a status's ``deployment_url`` (``.../deployments/9100001``)."""
    return string(status.get("deployment_url")).rstrip("/").rsplit("/", 1)[-1]


def _release(deployment: dict[str, Any]) -> str:
    """``v1.43.0 (b7d09e2)``: the ref and short sha a deployment put out."""
    ref = string(deployment.get("ref"))
    sha = string(deployment.get("sha"))[:7]
    return f"{ref} ({sha})" if ref and sha and ref != deployment.get("sha") else (ref or sha)


def _label(deployment: dict[str, Any], environment: str = "") -> str:
    what = _release(deployment)
    environment = environment or string(deployment.get("environment"))
    parts = [part for part in (what, f"to {environment}" if environment else "") if part]
    return " ".join(parts) or f"deployment {deployment.get('id', '')}".strip()


def _deployment_attrs(deployment: dict[str, Any], rollback: bool) -> dict[str, Any]:
    attrs: dict[str, Any] = {}
    for key in ("id", "sha", "ref", "environment", "task"):
        if deployment.get(key):
            attrs["deployment_id" if key == "id" else key] = deployment[key]
    if isinstance(deployment.get("production_environment"), bool):
        attrs["production_environment"] = deployment["production_environment"]
    creator = _login(deployment.get("creator"))
    if creator:
        attrs["creator"] = creator
    if rollback:
        attrs["rollback"] = True
    return attrs


class GitHubImporter:
    """GitHub deployments, deployment statuses and their webhooks."""

    name = "github"
    description = "GitHub deployments and statuses (REST JSON) or deployment(_status) webhooks"

    def sniff(self, path: Path) -> bool:
        if path.is_dir():
            # Webhook payloads saved as delivered, one per file.
            files = _files(path)[:3]
            return bool(files) and all(_looks_like_github(head(f)) for f in files)
        return path.is_file() and _looks_like_github(head(path))

    def read(self, path: Path, options: ImportOptions) -> ImportResult:
        root = path if path.is_dir() else None
        files = _files(path) if root else [path]
        if not files:
            raise InputError("no .json or .jsonl files in this folder", path=str(path))
        result = ImportResult(source=SOURCE)
        reader = _Reader(options, result)
        loaded = [(file, list(json_values(read_text(file)))) for file in files]
        # Learn every deployment first: a status may come in a file before its deployment's.
        for _file, values in loaded:
            for _line, value, _error in values:
                for record in value if isinstance(value, list) else [value]:
                    reader.learn(record)
        reader.done_learning()
        for file, values in loaded:
            _read_values(reader, file, display_path(file, root), values)
        if not reader.found:
            raise InputError(f"not {WHAT}", path=str(path), hint="name the right kind as KIND:PATH")
        return result


def _files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*") if p.suffix in (".json", ".jsonl") and p.is_file())


def _looks_like_github(text: str) -> bool:
    # A repository object has a statuses_url too (commit statuses): ask for /deployments/.
    return (
        '"deployment_status"' in text
        or '"deployment_url"' in text
        or ('"statuses_url"' in text and "/deployments/" in text)
        or ('"deployment"' in text and '"environment"' in text)
        # Deployments trimmed by `gh api ... --jq` lose their URLs but keep these fields.
        or ('"sha"' in text and '"task"' in text and '"environment"' in text)
    )


def _read_values(
    reader: _Reader, path: Path, name: str, values: list[tuple[int, Any | None, str]]
) -> None:
    """One file's JSON values, each record placed as ``name:line#index`` or ``name#index``."""
    several = len(values) > 1
    for line, value, error in values:
        if error:
            if not several:
                raise InputError(error, path=str(path), line=line, hint=f"expected {WHAT}")
            reader.result.skipped.append(Skipped(SOURCE, f"{name}:{line}", error))
            continue
        records = value if isinstance(value, list) else [value]
        for index, record in enumerate(records):
            if several:
                position = f"{name}:{line}" + (f"#{index}" if isinstance(value, list) else "")
            else:
                position = f"{name}#{index}"
            reader.record(record, position)


IMPORTER = GitHubImporter()
