"""testing/ is not tests/."""
