"""Only __init__.py files are flagged."""
