"""A loose pytest-style module, outside any workspace."""
