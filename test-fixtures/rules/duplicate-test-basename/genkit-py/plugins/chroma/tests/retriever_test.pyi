"""Stubs are not test modules."""
