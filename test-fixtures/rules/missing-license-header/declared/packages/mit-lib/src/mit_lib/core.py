# Copyright 2025 Example Maintainers
# SPDX-License-Identifier: MIT

"""MIT package with its own header."""
