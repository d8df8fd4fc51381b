"""The plugin's own package: __init__.py belongs here."""
