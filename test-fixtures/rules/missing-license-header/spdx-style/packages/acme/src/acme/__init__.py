# Copyright 2024 Acme Corp
#
# SPDX-License-Identifier: MIT

"""Short spdx-style header: no Apache notice needed."""
