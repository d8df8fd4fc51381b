"""A third engine_test.py."""
