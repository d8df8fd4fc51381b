"""Samples are members too."""
