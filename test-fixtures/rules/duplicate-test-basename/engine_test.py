"""Outside a workspace no other files are known."""
