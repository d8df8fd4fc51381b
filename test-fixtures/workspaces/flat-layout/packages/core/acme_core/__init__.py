"""Acme core."""
