# Copyright 2025 Google LLC
# SPDX-License-Identifier: Apache-2.0

"""Plugin tests."""


def test_plugin() -> None:
    """It works."""
    assert True
