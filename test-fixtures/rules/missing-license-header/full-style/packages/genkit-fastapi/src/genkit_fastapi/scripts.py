#
# Copyright 2025 Google LLC
# SPDX-License-Identifier: Apache-2.0

"""The form of genkit-ai/genkit's bin/check-licenses: a bare `#` line first."""
