# Copyright 2025 Google LLC
#
# SPDX-License-Identifier: Apache-2.0

"""Loads JSON lazily."""


def load(text: str) -> object:
    """Parses text."""
    import json

    return json.loads(text)
