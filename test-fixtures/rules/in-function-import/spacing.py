"""Blank lines that set an import apart leave with it."""

import os


def a():
    import json

    return json


def b():
    x = 1

    import json

    return x


def c():
    x = 1

    import json


def d():
    """Doc."""

    import json  # c
    # next comment
    return json


class K:
    def m(self):
        import os

        return os
