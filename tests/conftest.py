"""Test options and fixtures shared by every suite."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, settings

# Property tests check what is generated, not how fast: on a loaded machine (CI, or tests run
# beside a benchmark) the default 200 ms deadline and the too-slow health check fail runs whose
# properties all hold. Tests that set their own settings keep these unless they say otherwise.
settings.register_profile(
    "postmortems", deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.load_profile("postmortems")


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-golden",
        action="store_true",
        help="rewrite golden files from the current output (review the diff before committing)",
    )


@pytest.fixture
def update_golden(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-golden"))
