"""Loads JSON lazily."""


def load(text: str) -> object:
    """Parses text."""
    import json

    return json.loads(text)
