"""The rules reference is generated and current; the lint docs cover every option and key."""

from __future__ import annotations

from pathlib import Path

from postmortems.cli.lint import add_arguments
from postmortems.review.config import KEYS
from postmortems.review.docs import REGENERATE, generate, main
from postmortems.review.formats import format_names

DOCS = Path(__file__).resolve().parents[1] / "docs"


def test_rules_reference_is_current():
    current = (DOCS / "rules.md").read_text(encoding="utf-8")
    assert current == generate(), f"docs/rules.md is stale; regenerate it with: {REGENERATE}"


def test_every_builtin_rule_is_in_the_reference():
    from postmortems.review.registry import RuleRegistry

    text = generate()
    for rule_id in RuleRegistry(plugins=False).builtin_ids():
        assert f"### `{rule_id}`" in text


def test_check_mode_fails_on_a_stale_file(tmp_path, capsys):
    stale = tmp_path / "rules.md"
    stale.write_text("# old\n")
    assert main(["--check", str(stale)]) == 1
    assert REGENERATE in capsys.readouterr().err
    assert main(["--write", str(stale)]) == 0
    assert main(["--check", str(stale)]) == 0


def test_lint_docs_cover_every_option_config_key_and_format():
    import argparse

    text = (DOCS / "lint.md").read_text(encoding="utf-8")
    parser = argparse.ArgumentParser()
    add_arguments(parser)
    options = [o for a in parser._actions for o in a.option_strings if o.startswith("--")]
    assert options
    for option in options:
        if option != "--help":
            assert f"`{option}" in text, f"docs/lint.md does not document {option}"
    for key in KEYS:
        assert f"| `{key}` |" in text, f"docs/lint.md does not document the key {key}"
    for name in format_names(plugins=False):
        assert f"- `{name}`:" in text


def test_pre_commit_hook_runs_lint_on_markdown():
    import yaml

    hooks = yaml.safe_load((DOCS.parent / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    (hook,) = [h for h in hooks if h["id"] == "postmortems-lint"]
    assert hook["entry"] == "postmortems lint"
    assert hook["language"] == "python"
    assert hook["types"] == ["markdown"]
