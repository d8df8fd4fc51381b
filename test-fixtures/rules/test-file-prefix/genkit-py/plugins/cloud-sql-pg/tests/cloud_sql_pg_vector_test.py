"""Hyphens become underscores."""
