"""A docstring is content too."""
