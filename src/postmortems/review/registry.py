"""The rule registry: built-in rules and plugins, found cheaply and imported on demand.

Built-ins register the way plugins do. A built-in rule lives in
``postmortems/review/rules/<family>/<name>.py`` and its id is ``family.name`` (``_`` in the
module name is ``-`` in the id), so listing the package's folders tells every id without
importing a rule. A plugin declares an entry point in the ``postmortems.rules`` group whose name
is the rule id and whose value is the rule class::

    [project.entry-points."postmortems.rules"]
    "acme.ticket-link" = "acme_postmortems.rules:TicketLink"

A rule's module is imported the first time the rule is needed, so ``--select blame`` imports the
blame rules only.
"""

from __future__ import annotations

import importlib
import os
from collections.abc import Iterable, Iterator

from postmortems.errors import UsageError
from postmortems.review.rule import Rule

ENTRY_POINT_GROUP = "postmortems.rules"
BUILTIN_PACKAGE = "postmortems.review.rules"


class RuleRegistry:
    """Rule ids mapped to rule classes, loaded lazily.

    ``builtin_package`` is scanned for built-in rules (``None``: none); ``plugins`` turns the
    entry point scan on. Tests build an empty registry and :meth:`register` their own rules.
    """

    def __init__(self, builtin_package: str | None = BUILTIN_PACKAGE, plugins: bool = True):
        self._builtin_package = builtin_package
        self._plugins = plugins
        self._sources: dict[str, str] | None = None
        self._loaded: dict[str, type[Rule]] = {}
        self._extra: dict[str, type[Rule]] = {}

    # -- discovery -------------------------------------------------------------------------

    def _discover(self) -> dict[str, str]:
        # id -> "module" (built-in) or "module:attr" (plugin)
        if self._sources is not None:
            return self._sources
        sources: dict[str, str] = {}
        if self._builtin_package:
            sources.update(builtin_rule_modules(self._builtin_package))
        if self._plugins:
            from postmortems._entry_points import entry_points

            for name, value in entry_points(ENTRY_POINT_GROUP):
                sources.setdefault(name, value)
        self._sources = sources
        return sources

    def builtin_ids(self) -> list[str]:
        """Ids of the rules shipped with postmortems, sorted."""
        if not self._builtin_package:
            return []
        return sorted(builtin_rule_modules(self._builtin_package))

    def ids(self) -> list[str]:
        """Every known rule id, sorted, without importing any rule."""
        return sorted({*self._discover(), *self._extra})

    def families(self) -> list[str]:
        """Every rule family, sorted."""
        return sorted({rule_id.partition(".")[0] for rule_id in self.ids()})

    def __contains__(self, rule_id: object) -> bool:
        return rule_id in self._extra or rule_id in self._discover()

    def __iter__(self) -> Iterator[type[Rule]]:
        return (self.get(rule_id) for rule_id in self.ids())

    def is_selector(self, selector: str) -> bool:
        """True for a known rule id, a known family, or ``ALL``."""
        selector = selector.strip().rstrip(".")
        return selector == "ALL" or selector in self or selector in self.families()

    # -- registration and loading ----------------------------------------------------------

    def register(self, rule: type[Rule]) -> type[Rule]:
        """Add ``rule`` (usable as a class decorator). A rule with that id must not exist."""
        problems = rule.problems()
        if problems:
            raise ValueError(f"rule {rule.__qualname__}: " + "; ".join(problems))
        if rule.id in self:
            raise ValueError(f"rule id {rule.id!r} is already registered")
        self._extra[rule.id] = rule
        return rule

    def unregister(self, rule_id: str) -> None:
        """Remove a rule added with :meth:`register`."""
        self._extra.pop(rule_id, None)

    def get(self, rule_id: str) -> type[Rule]:
        """The rule class with ``rule_id``, importing its module on first use."""
        if rule_id in self._extra:
            return self._extra[rule_id]
        if rule_id in self._loaded:
            return self._loaded[rule_id]
        source = self._discover().get(rule_id)
        if source is None:
            raise KeyError(rule_id)
        rule = _load(rule_id, source)
        self._loaded[rule_id] = rule
        return rule

    # -- selection -------------------------------------------------------------------------

    def select(self, select: Iterable[str] = (), ignore: Iterable[str] = ()) -> list[str]:
        """Ids enabled by ``select`` and ``ignore`` (ids, families or ``ALL``).

        An empty ``select`` means every rule. When both lists match a rule, the more specific
        selector wins (an id beats a family, a family beats ``ALL``); on a tie, ignore wins.
        """
        selects = [s.strip().rstrip(".") for s in select] or ["ALL"]
        ignores = [s.strip().rstrip(".") for s in ignore]
        enabled = []
        for rule_id in self.ids():
            chosen = max((_specificity(s, rule_id) for s in selects), default=-1)
            dropped = max((_specificity(s, rule_id) for s in ignores), default=-1)
            if chosen >= 0 and chosen > dropped:
                enabled.append(rule_id)
        return enabled


def _specificity(selector: str, rule_id: str) -> int:
    """2 when ``selector`` is the id, 1 when it is the family, 0 for ALL, -1 otherwise."""
    if selector == rule_id:
        return 2
    if selector == rule_id.partition(".")[0]:
        return 1
    if selector == "ALL":
        return 0
    return -1


def builtin_rule_modules(package: str) -> dict[str, str]:
    """Rule id -> module name for every rule module under ``package``, found by listing its
    folders (no rule is imported)."""
    root = importlib.import_module(package)
    out: dict[str, str] = {}
    for base in getattr(root, "__path__", []):
        try:
            families = sorted(e.name for e in os.scandir(base) if e.is_dir())
        except OSError:
            continue
        for family in families:
            if family.startswith(("_", ".")):
                continue
            folder = os.path.join(base, family)
            if not os.path.exists(os.path.join(folder, "__init__.py")):
                continue
            for name in sorted(os.listdir(folder)):
                stem, ext = os.path.splitext(name)
                if ext != ".py" or stem.startswith("_"):
                    continue
                out[f"{family}.{stem.replace('_', '-')}"] = f"{package}.{family}.{stem}"
    return out


def _load(rule_id: str, source: str) -> type[Rule]:
    module_name, _, attr = source.partition(":")
    try:
        module = importlib.import_module(module_name.strip())
    except ImportError as exc:
        raise UsageError(f"rule {rule_id} cannot be loaded from {source}: {exc}") from None
    if attr:
        candidates = [getattr(module, attr.strip(), None)]
    else:
        candidates = [
            obj
            for obj in vars(module).values()
            if isinstance(obj, type)
            and issubclass(obj, Rule)
            and obj.__module__ == module.__name__
            and not getattr(obj, "__abstractmethods__", None)
        ]
    rules = [c for c in candidates if isinstance(c, type) and issubclass(c, Rule)]
    if len(rules) != 1:
        raise UsageError(f"{source} must define exactly one rule class (found {len(rules)})")
    rule = rules[0]
    problems = rule.problems()
    if getattr(rule, "id", None) != rule_id:
        problems.insert(0, f"its id {getattr(rule, 'id', None)!r} should be {rule_id!r}")
    if problems:
        raise UsageError(f"rule {rule_id} in {source} is not valid: " + "; ".join(problems))
    return rule


#: The registry the command line and :func:`postmortems.review.review` use by default.
RULES = RuleRegistry()
