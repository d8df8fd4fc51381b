"""A core test: exempt."""
