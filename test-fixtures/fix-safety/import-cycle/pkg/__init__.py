# Copyright 2025 Example Authors
# SPDX-License-Identifier: Apache-2.0

"""A package whose two modules import each other, as pydantic-ai's _instrumentation and _deferred do."""
