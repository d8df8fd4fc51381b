# Copyright 2025 Google LLC
#
# SPDX-License-Identifier: Apache-2.0

"""Foo plugin for Genkit.

Key Concepts (ELI5)::

    ┌─────────────────────┬────────────────────────────────────────────────┐
    │ Concept             │ ELI5 Explanation                               │
    ├─────────────────────┼────────────────────────────────────────────────┤
    │ Span                │ A "timer" that records how long something      │
    │                     │ took. Like a stopwatch for one task.           │
    └─────────────────────┴────────────────────────────────────────────────┘
"""

from genkit import core  # noqa

__all__ = ['core']
