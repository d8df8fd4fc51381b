"""Deferred tools."""


class DeferredToolRequests:  # noqa
    """Requests."""
