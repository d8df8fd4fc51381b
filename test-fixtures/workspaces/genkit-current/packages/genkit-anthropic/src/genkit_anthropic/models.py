# Copyright 2025 Google LLC
# SPDX-License-Identifier: Apache-2.0

"""Models."""

import os


class Claude:
    """A model."""

    def key(self) -> str:
        """The API key."""
        return os.environ.get("ANTHROPIC_API_KEY", "")  # noqa
