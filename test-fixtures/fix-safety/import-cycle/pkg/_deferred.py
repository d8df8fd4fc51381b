# Copyright 2025 Example Authors
# SPDX-License-Identifier: Apache-2.0

"""Deferred tool requests: needs the instrumentation settings when it is imported."""

from pkg._instrumentation import InstrumentationSettings


class DeferredToolRequests:
    """Tool calls that wait for approval."""

    settings = InstrumentationSettings
