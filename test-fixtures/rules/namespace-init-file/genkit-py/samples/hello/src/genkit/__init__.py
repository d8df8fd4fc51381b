"""Samples are not namespace members."""
