# Copyright 2025 Google LLC
# SPDX-License-Identifier: Apache-2.0

"""Model tests."""


def test_models() -> None:
    """It works."""
    assert True
