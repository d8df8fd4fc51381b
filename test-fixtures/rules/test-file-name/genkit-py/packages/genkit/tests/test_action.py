"""Action tests."""
