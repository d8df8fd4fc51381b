"""Lists its names."""

from .plugin import Listed
from .models import (
    listed_model,
    other_model,
)

__all__ = ['Listed', 'listed_model', 'other_model']
