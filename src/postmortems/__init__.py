"""postmortems: blameless postmortems and learning from incidents.

The library is the product; the command line and the web app are thin layers over it::

    from postmortems import parse_file
    pm = parse_file("examples/2025-03-04-fraud-check-latency.md")
    print(pm.meta.title, [s.key for s in pm.sections])
"""

from __future__ import annotations

__version__ = "0.1.0"

TYPE_CHECKING = False  # typing.TYPE_CHECKING, without importing typing at run time
if TYPE_CHECKING:
    from typing import Any

    from postmortems.document import parse_file, parse_text, render
    from postmortems.model import Postmortem

__all__ = ["Postmortem", "__version__", "parse_file", "parse_text", "render"]

_LAZY = {
    "parse_file": "postmortems.document",
    "parse_text": "postmortems.document",
    "render": "postmortems.document",
    "Postmortem": "postmortems.model",
}


def __getattr__(name: str) -> Any:
    # Import on first use so `postmortems --help` does not pay for the Markdown parser.
    if name in _LAZY:
        import importlib

        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(name)
