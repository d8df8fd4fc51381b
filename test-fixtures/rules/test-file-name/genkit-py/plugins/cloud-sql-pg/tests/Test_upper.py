"""pytest globs are case-sensitive: not collected."""
