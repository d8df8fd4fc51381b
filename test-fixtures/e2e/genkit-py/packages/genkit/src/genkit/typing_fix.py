# Copyright 2025 Google LLC
#
# SPDX-License-Identifier: Apache-2.0

"""A bare type: ignore next to another checker's error."""

count: int = "three"  # type: ignore
