"""A sub-package of the plugin."""
