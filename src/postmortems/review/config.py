"""The lint configuration: what a ``[tool.postmortems.lint]`` table may say, validated.

Keys (``-`` and ``_`` are interchangeable)::

    select = ["blame", "action.no-owner"]   # rule ids or families; default: every rule
    ignore = ["timeline.no-zone"]           # ids or families left out
    fail-on = "warning"                     # error | warning | info: exit 1 from this level up
    names = ["Dana"]                        # people the document does not list in front matter
    roles = ["release captain"]             # roles that stand for a person ("the on-call")
    allowed-phrases = ["kill -9"]           # findings on these phrases are dropped
    review-deadline-days = 5                # review meeting due this many days after resolution
    [severity]                              # per id or family
    "blame.judgmental" = "error"
    [required-sections]                     # per kind; an inner list is a set of alternatives
    incident = ["summary", "impact", "timeline", ["root_cause", "contributing_factors"]]
    [rules."action.vague"]                  # a rule's own options (see docs/rules.md)
    words = ["revisit"]

Anything else is an error naming the key and its line, so a typo never silently turns a check
off.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence

from postmortems.errors import UsageError
from postmortems.model.record import Record
from postmortems.review.finding import Severity

TYPE_CHECKING = False  # typing.TYPE_CHECKING, without importing typing at run time
if TYPE_CHECKING:
    from typing import Any

    from postmortems.review.registry import RuleRegistry

#: Locates a key path (``("severity", "blame.x")``) in the configuration file: its line or None.
Locator = Callable[[tuple[str, ...]], "int | None"]

KEYS: dict[str, str] = {
    "select": "rule ids or families to run (default: all)",
    "ignore": "rule ids or families to leave out",
    "fail-on": "lowest severity that makes the exit code 1 (default: warning)",
    "severity": "table of rule id or family -> error | warning | info",
    "names": "extra names of people (besides front matter authors, participants, owners)",
    "roles": "extra roles that stand for a person",
    "required-sections": "table of kind -> list of section keys (a list inside = alternatives)",
    "review-deadline-days": "days after resolution by which the review is due (default: 5)",
    "allowed-phrases": "phrases never reported",
    "rules": "table of rule id -> table of that rule's options",
}

DEFAULT_REVIEW_DEADLINE_DAYS = 5


class LintConfig(Record):
    """Resolved lint settings for a document. The defaults review with every rule."""

    __slots__ = (
        "_allowed",
        "allowed_phrases",
        "fail_on",
        "ignore",
        "names",
        "required_sections",
        "review_deadline_days",
        "roles",
        "rule_options",
        "select",
        "severity",
        "source",
    )
    _compared = (
        "select",
        "ignore",
        "severity",
        "names",
        "roles",
        "required_sections",
        "review_deadline_days",
        "allowed_phrases",
        "fail_on",
        "rule_options",
        "source",
    )

    select: tuple[str, ...]
    ignore: tuple[str, ...]
    severity: dict[str, Severity]
    names: tuple[str, ...]
    roles: tuple[str, ...]
    required_sections: dict[str, tuple[tuple[str, ...], ...]]
    review_deadline_days: int
    allowed_phrases: tuple[str, ...]
    fail_on: Severity
    rule_options: dict[str, dict[str, Any]]
    #: The file this configuration was read from, if any.
    source: str | None
    _allowed: re.Pattern[str] | None

    def __init__(
        self,
        select: tuple[str, ...] = (),
        ignore: tuple[str, ...] = (),
        severity: dict[str, Severity] | None = None,
        names: tuple[str, ...] = (),
        roles: tuple[str, ...] = (),
        required_sections: dict[str, tuple[tuple[str, ...], ...]] | None = None,
        review_deadline_days: int = DEFAULT_REVIEW_DEADLINE_DAYS,
        allowed_phrases: tuple[str, ...] = (),
        fail_on: Severity = Severity.WARNING,
        rule_options: dict[str, dict[str, Any]] | None = None,
        source: str | None = None,
        _allowed: re.Pattern[str] | None = None,
    ) -> None:
        self.select = select
        self.ignore = ignore
        self.severity = {} if severity is None else severity
        self.names = names
        self.roles = roles
        self.required_sections = {} if required_sections is None else required_sections
        self.review_deadline_days = review_deadline_days
        self.allowed_phrases = allowed_phrases
        self.fail_on = fail_on
        self.rule_options = {} if rule_options is None else rule_options
        self.source = source
        self._allowed = _allowed

    def _allowed_pattern(self) -> re.Pattern[str] | None:
        if not self.allowed_phrases:
            return None
        if self._allowed is None:
            parts = [r"\s+".join(map(re.escape, p.split())) for p in self.allowed_phrases]
            self._allowed = re.compile(
                r"(?<!\w)(?:" + "|".join(p for p in parts if p) + r")(?!\w)", re.IGNORECASE
            )
        return self._allowed

    def allows(self, text: str) -> bool:
        """True when ``text`` contains one of :attr:`allowed_phrases` (case-insensitive, whole
        words, any run of whitespace matching a space)."""
        pattern = self._allowed_pattern()
        return bool(pattern and pattern.search(text))

    def allowed_spans(self, text: str, start: int, end: int) -> list[tuple[int, int]]:
        """Offsets of every allowed phrase in ``text[start:end]``."""
        pattern = self._allowed_pattern()
        if pattern is None:
            return []
        return [m.span() for m in pattern.finditer(text, start, end)]

    def replace(self, **changes: Any) -> LintConfig:
        """A copy with ``changes`` applied."""
        changes.setdefault("_allowed", None)
        values = {name: getattr(self, name) for name in self.__slots__}
        values.update(changes)
        return LintConfig(**values)


def parse_config(
    table: Mapping[str, Any],
    registry: RuleRegistry,
    *,
    source: str | None = None,
    locate: Locator | None = None,
    prefix: tuple[str, ...] = (),
) -> LintConfig:
    """Validate a configuration table and build a :class:`LintConfig`.

    Raises :class:`~postmortems.errors.UsageError` with ``path`` = ``source`` and the line of the
    offending key (found by ``locate``, given the key path below ``prefix``).
    """

    def fail(keys: tuple[str, ...], message: str, hint: str = "") -> UsageError:
        line = locate(prefix + keys) if locate else None
        return UsageError(message, path=source, line=line, hint=hint)

    config = LintConfig(source=source)
    values: dict[str, Any] = {}
    for raw_key, value in table.items():
        key = raw_key.replace("_", "-")
        if key not in KEYS:
            close = _closest(key, KEYS)
            raise fail(
                (raw_key,),
                f"unknown lint setting {raw_key!r}",
                f"did you mean {close!r}?" if close else "known: " + ", ".join(KEYS),
            )
        values[key] = (raw_key, value)

    def strings(key: str) -> tuple[str, ...]:
        raw_key, value = values[key]
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise fail((raw_key,), f"{raw_key} must be a list of strings")
        return tuple(value)

    def severity(keys: tuple[str, ...], value: Any) -> Severity:
        try:
            return Severity.parse(value if isinstance(value, str) else repr(value))
        except ValueError as exc:
            raise fail(keys, f"{'.'.join(keys)}: {exc}") from None

    def selectors(key: str) -> tuple[str, ...]:
        raw_key, _ = values[key]
        found = strings(key)
        for selector in found:
            if not registry.is_selector(selector):
                raise fail((raw_key,), *_unknown_rule(selector, registry))
        return found

    if "select" in values:
        config.select = selectors("select")
    if "ignore" in values:
        config.ignore = selectors("ignore")
    if "names" in values:
        config.names = strings("names")
    if "roles" in values:
        config.roles = strings("roles")
    if "allowed-phrases" in values:
        config.allowed_phrases = strings("allowed-phrases")
    if "fail-on" in values:
        raw_key, value = values["fail-on"]
        config.fail_on = severity((raw_key,), value)
    if "review-deadline-days" in values:
        raw_key, value = values["review-deadline-days"]
        if not isinstance(value, int) or isinstance(value, bool) or value < 0:
            raise fail((raw_key,), f"{raw_key} must be a whole number of days (0 or more)")
        config.review_deadline_days = value
    if "severity" in values:
        raw_key, value = values["severity"]
        if not isinstance(value, Mapping):
            raise fail((raw_key,), f"{raw_key} must be a table of rule -> severity")
        for selector, level in value.items():
            if not registry.is_selector(selector):
                raise fail((raw_key, selector), *_unknown_rule(selector, registry))
            config.severity[selector] = severity((raw_key, selector), level)
    if "required-sections" in values:
        raw_key, value = values["required-sections"]
        config.required_sections = _required_sections(value, (raw_key,), fail)
    if "rules" in values:
        raw_key, value = values["rules"]
        if not isinstance(value, Mapping):
            raise fail((raw_key,), f"{raw_key} must be a table of rule id -> options")
        for rule_id, options in value.items():
            if rule_id not in registry:
                raise fail((raw_key, rule_id), *_unknown_rule(rule_id, registry))
            if not isinstance(options, Mapping):
                raise fail((raw_key, rule_id), f"options of {rule_id} must be a table")
            declared = registry.get(rule_id).options
            for option in options:
                if option not in declared:
                    known = ", ".join(declared) or "none"
                    raise fail(
                        (raw_key, rule_id, option),
                        f"rule {rule_id} has no option {option!r}",
                        f"its options: {known}",
                    )
            config.rule_options[rule_id] = dict(options)
    return config


def _required_sections(
    value: Any, keys: tuple[str, ...], fail: Callable[..., UsageError]
) -> dict[str, tuple[tuple[str, ...], ...]]:
    from postmortems.model import SECTION_BY_KEY, kinds

    if not isinstance(value, Mapping):
        raise fail(keys, f"{keys[-1]} must be a table of kind -> list of sections")
    known_kinds = kinds()
    out: dict[str, tuple[tuple[str, ...], ...]] = {}
    for kind, sections in value.items():
        here = (*keys, kind)
        if kind not in known_kinds:
            raise fail(here, f"unknown kind {kind!r}", "known: " + ", ".join(known_kinds))
        if not isinstance(sections, list):
            raise fail(here, f"required sections of {kind} must be a list")
        alternatives: list[tuple[str, ...]] = []
        for entry in sections:
            alts = (entry,) if isinstance(entry, str) else entry
            if not isinstance(alts, list | tuple) or not alts:
                raise fail(here, "each required section is a key or a list of alternative keys")
            for key in alts:
                if not isinstance(key, str) or key not in SECTION_BY_KEY:
                    raise fail(
                        here,
                        f"unknown section {key!r}",
                        "known: " + ", ".join(SECTION_BY_KEY),
                    )
            alternatives.append(tuple(alts))
        out[kind] = tuple(alternatives)
    return out


def _unknown_rule(selector: str, registry: RuleRegistry) -> tuple[str, str]:
    close = _closest(selector, [*registry.ids(), *registry.families()])
    hint = f"did you mean {close!r}?" if close else "see `postmortems lint --list-rules`"
    return f"unknown rule or family {selector!r}", hint


def _closest(word: str, choices: Sequence[str] | Mapping[str, Any]) -> str | None:
    import difflib

    match = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return match[0] if match else None
