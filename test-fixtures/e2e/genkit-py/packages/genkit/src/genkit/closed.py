"""Never opened in the editor: only Check Workspace reports it."""

TIMEOUT = 30  # noqa
