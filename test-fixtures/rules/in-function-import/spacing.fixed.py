"""Blank lines that set an import apart leave with it."""

import json
import os


def a():
    return json


def b():
    x = 1

    return x


def c():
    x = 1


def d():
    """Doc."""

    # next comment
    return json


class K:
    def m(self):
        return os
