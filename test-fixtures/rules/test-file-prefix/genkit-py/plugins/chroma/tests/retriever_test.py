"""The prefixed name is taken already."""
