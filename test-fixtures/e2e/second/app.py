"""A second workspace folder with its own settings."""

DEBUG = True  # noqa
