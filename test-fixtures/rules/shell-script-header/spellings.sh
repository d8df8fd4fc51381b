#!/usr/bin/env bash
# Copyright 2025 Google LLC
#
# SPDX-License-Identifier: Apache-2.0

# Each spelling of strict mode counts, split over several set lines before the first command.
set -o errexit -o nounset
set -e -u; set -o pipefail
set -Eeuxo pipefail

echo ok
