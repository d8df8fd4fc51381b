"""Virtual environments are not walked."""
