"""Helpers: not the sample's entry module."""
