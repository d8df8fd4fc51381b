"""Fixtures: not a test module."""
