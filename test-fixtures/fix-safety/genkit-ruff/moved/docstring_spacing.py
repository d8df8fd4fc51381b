# Copyright 2025 Google LLC
# SPDX-License-Identifier: Apache-2.0

"""An import right after a function's docstring, then a blank line (D202 after the move)."""

import json
import logging
import re


def level() -> int:
    """The root logger's level."""
    return json.loads(str(logging.getLogger().level))


def nested() -> object:
    """An inner function after the import keeps its blank line."""

    def inner() -> object:
        """Compiles a pattern."""
        return re.compile('x')

    return inner
