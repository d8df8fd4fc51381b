"""Hyphens kept: not the module-name prefix."""
