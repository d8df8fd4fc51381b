"""Acme web."""
