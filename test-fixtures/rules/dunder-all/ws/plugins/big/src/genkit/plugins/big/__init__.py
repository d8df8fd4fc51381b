"""A plugin with more than five lines of code and no __all__."""

from .plugin import Big
from .models import (
    big_model,
    small_model,
)


def package_name() -> str:
    return 'genkit-plugin-big'
