"""The short prefix."""
