"""Configured with a trailing slash."""
