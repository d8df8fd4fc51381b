"""pytest-style names collide too."""
