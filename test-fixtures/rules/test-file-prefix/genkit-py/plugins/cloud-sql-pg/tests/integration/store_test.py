"""Nested below tests/ counts too."""
