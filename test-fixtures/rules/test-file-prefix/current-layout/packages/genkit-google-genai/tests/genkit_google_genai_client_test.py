"""The whole directory name is accepted too."""
