# Copyright 2025 Google LLC
# SPDX-License-Identifier: Apache-2.0

"""Anthropic plugin."""

from genkit_anthropic.models import Claude

__all__ = ["Claude"]
