"""Excluded by [tool.pyguide] exclude: neither flagged nor counted."""
