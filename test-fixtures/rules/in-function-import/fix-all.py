"""Fix-all moves every safe import once, keeps each body valid and adds no duplicates."""

import os
from typing import Any


def first() -> Any:
    import json
    return json.dumps({})


def second() -> Any:
    """Uses json too: the second move only removes it."""
    import json
    import os
    return json.loads("{}"), os


def only_imports():
    import re
    import shlex


def docstring_kept():
    """A docstring alone is still a body."""
    from typing import Any


def same_line(values):
    total = sum(values); import math
    import heapq; import bisect
    return total, math, heapq, bisect


def nested():
    def inner():
        from collections import (
            OrderedDict,  # keeps order
            Counter,
        )
        return OrderedDict, Counter

    class Local:
        def method(self):
            import textwrap  # moves with its comment
            return textwrap

    return inner, Local


def one_liner(): import string
