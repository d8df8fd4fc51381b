"""Not an __init__.py."""
