# Copyright 2025 Google LLC
#
# SPDX-License-Identifier: Apache-2.0
#!/usr/bin/env bash

set -euo pipefail

echo ok
