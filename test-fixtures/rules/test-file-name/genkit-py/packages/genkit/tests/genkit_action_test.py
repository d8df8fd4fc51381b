"""Already named *_test.py."""
