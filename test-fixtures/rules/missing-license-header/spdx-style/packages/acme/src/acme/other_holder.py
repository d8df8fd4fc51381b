# Copyright 2024 Google LLC
#
# SPDX-License-Identifier: MIT

"""The configured holder is Acme Corp."""
