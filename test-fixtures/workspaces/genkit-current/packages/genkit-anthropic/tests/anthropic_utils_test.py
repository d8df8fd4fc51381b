# Copyright 2025 Google LLC
# SPDX-License-Identifier: Apache-2.0

"""Utils tests."""


def test_utils() -> None:
    """It works."""
    assert True
