# Copyright 2025 Google LLC
#
# SPDX-License-Identifier: Apache-2.0

"""Generated code: ignored through .gitignore, so never reported."""

x = 1  # noqa
