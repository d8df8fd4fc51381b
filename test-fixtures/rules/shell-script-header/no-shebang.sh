# Copyright 2025 Google LLC
#
# SPDX-License-Identifier: Apache-2.0

uv run src/main.py "$@"
