"""Core helpers."""

import os  # noqa

SEPARATOR = os.sep  # NOQA


def join(*parts: str) -> str:
    """Joins path parts."""
    return SEPARATOR.join(parts)  # noqa: E501
