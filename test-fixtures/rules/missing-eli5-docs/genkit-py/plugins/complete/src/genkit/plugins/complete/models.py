"""Models of the complete plugin: not an entry module."""
