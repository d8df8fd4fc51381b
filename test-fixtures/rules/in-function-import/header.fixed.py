#!/usr/bin/env python3
# Copyright 2025 Google LLC
# SPDX-License-Identifier: Apache-2.0

"""Without module-level imports, a moved import goes below the license, docstring and __future__ imports."""

from __future__ import annotations

import asyncio

# Describes the function below, so nothing is inserted above it.
def main() -> None:
    asyncio.run(asyncio.sleep(0))
