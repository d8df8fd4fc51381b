"""Not in tests/."""
