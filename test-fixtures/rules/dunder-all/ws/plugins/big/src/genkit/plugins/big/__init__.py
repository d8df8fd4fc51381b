"""A plugin with more than five lines of code and no __all__."""

from .plugin import Big
from .models import (
    big_model,
    small_model,
)


def package_name() -> str:
    return 'genkit-plugin-big'


def exported() -> list[str]:
    # A local named `__all__` is not the module's.
    __all__ = ['small_model', 'big_model']
    return __all__
