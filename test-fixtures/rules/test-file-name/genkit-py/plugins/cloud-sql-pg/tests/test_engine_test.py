"""Both forms: *_test.py wins, not flagged."""
