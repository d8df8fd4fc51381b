"""Out of order, but a name listed twice or a comment on a name's line leaves the order to you."""

__all__ = ['b', 'a', 'b']

__all__ = [
    'beta',  # keeps its reason on its own line
    'alpha',
]
