# Copyright 2024 Acme Corp
#
# SPDX-License-Identifier: Apache-2.0

"""The configured identifier is MIT."""
