"""Fixed on save."""

import os


def cwd() -> str:
    """The working directory."""
    return os.getcwd()
