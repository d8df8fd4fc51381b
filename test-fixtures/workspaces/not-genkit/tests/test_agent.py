"""Agent tests."""

from .conftest import VALUE


def test_agent():
    assert VALUE == 1
