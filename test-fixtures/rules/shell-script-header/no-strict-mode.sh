#!/usr/bin/env bash
# Copyright 2025 Google LLC
#
# SPDX-License-Identifier: Apache-2.0

# Shared helpers. Run from py/.

# Colors for output
RED='\033[0;31m'  # red
echo -e "${RED}done"
