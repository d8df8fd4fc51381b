# Copyright 2025 Google LLC
#
# SPDX-License-Identifier: Apache-2.0

"""Telemetry for genkit.

Overview.

Data Flow::

    User Request
         │
         ▼
    ┌─────────┐     ┌─────────┐     ┌─────────┐
    │ Flow A  │ ──▶ │ Model   │ ──▶ │ Tool    │
    │ (span)  │     │ (span)  │     │ (span)  │
    └─────────┘     └─────────┘     └─────────┘
"""


def traced() -> None:
    """Runs one traced step.

    
    """
