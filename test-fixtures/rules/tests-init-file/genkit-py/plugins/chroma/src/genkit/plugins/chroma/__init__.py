"""A package __init__.py."""
