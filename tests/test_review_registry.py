"""Discovery: built-ins by folder listing, plugins by entry point, both imported on demand."""

import subprocess
import sys
import textwrap

import pytest

from postmortems._entry_points import entry_points
from postmortems.errors import UsageError
from postmortems.review import RuleRegistry

PLUGIN = """
from postmortems.review import Example, Rule

class TicketLink(Rule):
    id = "acme.ticket-link"
    summary = "Action item without a ticket"
    rationale = "Untracked items are forgotten."
    examples = (Example.passing("x\\n"), Example.failing("y\\n", lines=[1]))

    def check(self, ctx):
        yield ctx.finding(1)
"""


@pytest.fixture
def plugin_path(tmp_path, monkeypatch):
    (tmp_path / "acme_rules.py").write_text(PLUGIN)
    dist = tmp_path / "acme_rules-1.0.dist-info"
    dist.mkdir()
    (dist / "entry_points.txt").write_text(
        "[console_scripts]\nacme = acme_rules:main\n\n"
        "[postmortems.rules]\nacme.ticket-link = acme_rules:TicketLink\n"
    )
    monkeypatch.syspath_prepend(str(tmp_path))
    monkeypatch.delitem(sys.modules, "acme_rules", raising=False)
    return tmp_path


def test_entry_points_are_read_from_dist_info(plugin_path):
    assert entry_points("postmortems.rules", [str(plugin_path)]) == [
        ("acme.ticket-link", "acme_rules:TicketLink")
    ]
    assert entry_points("nothing", [str(plugin_path)]) == []


def test_plugins_register_like_builtins_and_load_lazily(plugin_path):
    registry = RuleRegistry()
    assert "acme.ticket-link" in registry.ids()
    assert "lint.suppression" in registry.ids()
    assert "acme" in registry.families()
    assert "acme_rules" not in sys.modules  # listed, not imported
    assert registry.get("acme.ticket-link").__name__ == "TicketLink"
    assert registry.select(["acme"]) == ["acme.ticket-link"]


def test_a_plugin_with_a_wrong_id_is_refused(plugin_path):
    (plugin_path / "acme_rules.py").write_text(PLUGIN.replace('"acme.ticket-link"', '"acme.x"'))
    with pytest.raises(UsageError, match=r"its id 'acme\.x' should be 'acme\.ticket-link'"):
        RuleRegistry().get("acme.ticket-link")


def test_a_missing_plugin_module_is_a_usage_error(plugin_path):
    (plugin_path / "acme_rules.py").unlink()
    with pytest.raises(UsageError, match=r"cannot be loaded from acme_rules:TicketLink"):
        RuleRegistry().get("acme.ticket-link")


def test_listing_rules_imports_none_of_them():
    code = textwrap.dedent(
        """
        import sys
        from postmortems.review import RULES
        ids = RULES.ids()
        loaded = [m for m in sys.modules if m.startswith("postmortems.review.rules.")]
        print(len(ids), loaded)
        """
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    count, loaded = out.stdout.split(" ", 1)
    assert int(count) >= 1
    # Only the family packages (folders) may be imported, never a rule module.
    assert all(m.count(".") == 4 for m in eval(loaded)), loaded
