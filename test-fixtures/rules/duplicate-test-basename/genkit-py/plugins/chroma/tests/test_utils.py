"""The other test_utils.py."""
