# Copyright 2025 Google LLC
#
# SPDX-License-Identifier: Apache-2.0

"""A second workspace folder with its own settings."""

DEBUG = True  # noqa
