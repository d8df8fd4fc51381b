# Copyright 2026 Google LLC
# SPDX-License-Identifier: Apache-2.0

"""Tests for serve_agent in genkit_fastapi (the header as in genkit-ai/genkit py/ at 846fb0ca)."""
