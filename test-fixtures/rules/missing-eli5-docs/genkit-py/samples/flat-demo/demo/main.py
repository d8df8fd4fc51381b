"""A sample without src/: its package's main module is the entry module."""
