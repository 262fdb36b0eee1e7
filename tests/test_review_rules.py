"""Every registered rule: declared completely, found under its id, and its examples hold.

Parametrised over the registry, so a new rule module is covered as soon as it exists.
"""

import pytest

from postmortems import document
from postmortems.review import RULES, LintConfig, Rule, review
from postmortems.review.config import parse_config
from postmortems.review.registry import builtin_rule_modules

RULE_IDS = RULES.ids()
CASES = [
    pytest.param(rule_id, index, id=f"{rule_id}-{'pass' if example.passes else 'fail'}-{index}")
    for rule_id in RULE_IDS
    for index, example in enumerate(RULES.get(rule_id).examples)
]


def parse_text(text):
    return document.parse_text(text, path="example.md")


@pytest.mark.parametrize("rule_id", RULE_IDS)
def test_rule_is_complete(rule_id):
    rule = RULES.get(rule_id)
    assert issubclass(rule, Rule)
    assert rule.id == rule_id
    assert rule.problems() == []
    assert rule.summary[0].isupper() and not rule.summary.endswith(".")


def test_builtin_ids_come_from_module_names():
    modules = builtin_rule_modules("postmortems.review.rules")
    assert "lint.suppression" in modules
    for rule_id, module in modules.items():
        family, name = rule_id.split(".")
        assert module == f"postmortems.review.rules.{family}.{name.replace('-', '_')}"


@pytest.mark.parametrize(("rule_id", "index"), CASES)
def test_rule_example(rule_id, index):
    rule = RULES.get(rule_id)
    example = rule.examples[index]
    config = parse_config(example.config, RULES) if example.config else LintConfig()
    config = config.replace(select=(rule_id,), ignore=())
    findings = review(parse_text(example.text), config)
    lines = sorted(f.line for f in findings if f.rule == rule_id)
    shown = "\n".join(f"{n:>3} | {line}" for n, line in enumerate(example.text.splitlines(), 1))
    assert lines == sorted(example.lines), f"{rule_id} example {index}:\n{shown}\n{findings}"
