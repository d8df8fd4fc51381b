"""Not in a package: the workspace root declares no licence."""
