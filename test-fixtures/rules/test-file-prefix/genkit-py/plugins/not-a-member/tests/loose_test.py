"""No pyproject.toml: not a workspace member."""
