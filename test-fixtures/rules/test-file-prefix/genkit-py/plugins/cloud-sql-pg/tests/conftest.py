"""Not a test module."""
