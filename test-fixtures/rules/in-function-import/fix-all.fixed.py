"""Fix-all moves every safe import once, keeps each body valid and adds no duplicates."""

import bisect
import heapq
import json
import math
import os
import re
import shlex
import string
import textwrap  # moves with its comment
from collections import (
    OrderedDict,  # keeps order
    Counter,
)
from typing import Any


def first() -> Any:
    return json.dumps({})


def second() -> Any:
    """Uses json too: the second move only removes it."""
    return json.loads("{}"), os


def only_imports():
    pass


def docstring_kept():
    """A docstring alone is still a body."""


def same_line(values):
    total = sum(values)
    return total, math, heapq, bisect


def nested():
    def inner():
        return OrderedDict, Counter

    class Local:
        def method(self):
            return textwrap

    return inner, Local


def one_liner(): pass
