"""The plugin package."""
