"""Instrumentation."""


def settings():
    # Deferred: importing at module level is a circular import.
    from pydantic_ai._deferred import DeferredToolRequests

    return DeferredToolRequests
