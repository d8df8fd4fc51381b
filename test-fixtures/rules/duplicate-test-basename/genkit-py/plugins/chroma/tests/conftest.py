"""Another conftest.py."""
