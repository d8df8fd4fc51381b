"""test_*.py is test-file-name's to report."""
