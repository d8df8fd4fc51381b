"""Fixtures."""

VALUE = 1
