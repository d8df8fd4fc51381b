"""Not a workspace member: no pyproject.toml."""
