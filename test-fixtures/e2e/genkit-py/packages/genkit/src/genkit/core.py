# Copyright 2025 Google LLC
#
# SPDX-License-Identifier: Apache-2.0

"""Core helpers."""

import os  # noqa

SEPARATOR = os.sep  # NOQA


def join(*parts: str) -> str:
    """Joins path parts."""
    return SEPARATOR.join(parts)  # noqa: E501
