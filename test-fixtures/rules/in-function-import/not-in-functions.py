"""Module docstring that says: import os inside a function is wrong.

    def example():
        import json
"""

from __future__ import annotations

import os
import sys as system
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Callable

try:
    import ujson as json
except ImportError:
    import json


class Settings:
    """Class bodies at module level may import (Ruff flags them; the guideline does not)."""

    import enum

    def method(self):
        """A docstring: import math here would be wrong."""
        text = "import re"
        # import shutil
        return f"{text} import glob", '''
        from pathlib import Path
        '''


def uses_dunder_import():
    return __import__("json"), importlib_name("import os")


def importlib_name(name):
    return name
