"""Imported by path in importlib mode."""
