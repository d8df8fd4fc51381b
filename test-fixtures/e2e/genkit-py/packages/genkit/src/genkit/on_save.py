# Copyright 2025 Google LLC
#
# SPDX-License-Identifier: Apache-2.0

"""Fixed on save."""

import os


def cwd() -> str:
    """The working directory."""
    return os.getcwd()
