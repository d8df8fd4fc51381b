#!/usr/bin/env bash
# Copyright 2025 Google LLC
#
# SPDX-License-Identifier: Apache-2.0

# Create Release Tag and GitHub Release for Python SDK
#
# Usage:
#   ./bin/create_release <VERSION> [PR_NUMBER]

set -euo pipefail

VERSION="${1:-}"
