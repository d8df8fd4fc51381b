"""Configured namespace directory."""
