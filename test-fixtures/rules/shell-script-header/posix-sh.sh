#!/bin/sh
# Copyright 2025 Google LLC
#
# SPDX-License-Identifier: Apache-2.0

# A POSIX script: dash has no pipefail, and the guideline is about bash scripts.
cd "$(dirname "$0")"
