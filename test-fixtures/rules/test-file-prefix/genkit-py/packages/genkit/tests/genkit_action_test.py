"""Prefixed with the package name."""
