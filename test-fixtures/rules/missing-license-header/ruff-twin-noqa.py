# noqa: CPY001
"""Ruff's twin code silences the rule on the first line."""
