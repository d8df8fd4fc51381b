"""Only one .py of this name."""
