"""Instrumentation: imports the deferred requests only when a result is recorded."""


class InstrumentationSettings:
    """How runs are traced."""


def is_deferred(result: object) -> bool:
    """Whether a run ended waiting for approval."""
    # Deferred import to avoid circular dependency
    from pkg._deferred import DeferredToolRequests

    return isinstance(result, DeferredToolRequests)
