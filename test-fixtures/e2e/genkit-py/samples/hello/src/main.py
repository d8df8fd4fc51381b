# Copyright 2025 Google LLC
#
# SPDX-License-Identifier: Apache-2.0

"""Hello sample."""

from genkit.plugins.foo import core

print(core)  # noqa
