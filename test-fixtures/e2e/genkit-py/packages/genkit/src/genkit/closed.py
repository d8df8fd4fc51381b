# Copyright 2025 Google LLC
#
# SPDX-License-Identifier: Apache-2.0

"""Never opened in the editor: only Check Workspace reports it."""

TIMEOUT = 30  # noqa
