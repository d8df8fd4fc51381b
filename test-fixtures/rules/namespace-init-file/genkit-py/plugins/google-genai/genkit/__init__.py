"""Not under src/: the namespace directories are relative to src/."""
