"""conftest.py files are not test modules."""
