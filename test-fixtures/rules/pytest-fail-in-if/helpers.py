"""Not a test module: pytest.fail in a helper is not flagged."""

import pytest


def check(value: object) -> None:
    if value is None:
        pytest.fail('no value')
