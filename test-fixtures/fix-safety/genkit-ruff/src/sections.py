# Copyright 2025 Google LLC
# SPDX-License-Identifier: Apache-2.0

"""Moves that open a section of their own: third-party between stdlib and first-party, local last."""

from __future__ import annotations

import asyncio
import sys

from genkit.ai import Genkit


def fetch(url: str) -> object:
    """Fetches a URL."""
    import httpx

    return httpx.get(url)


def model() -> object:
    """The model class, from this package."""
    from .models import Model

    return Model


def run() -> None:
    """Runs the loop."""
    asyncio.run(asyncio.sleep(0))
    sys.exit(Genkit is None)
