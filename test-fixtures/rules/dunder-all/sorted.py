"""Code-point order: uppercase first. genkit-openai models/__init__.py:40 at 846fb0ca, which Ruff's RUF022 flags."""

from .model_info import SUPPORTED_OPENAI_MODELS, PluginSource, get_default_model_info

__all__ = [
    'PluginSource',
    'SUPPORTED_OPENAI_MODELS',
    'get_default_model_info',
]

__all__ = ['llama_3_1_405b', 'llama_3_1_70b']

__all__ = [*other.__all__, 'z', 'a']

__all__ = []


def _exports() -> list[str]:
    # Not the module's `__all__`: a local, whatever its order.
    __all__ = ['b', 'a']
    return __all__


class Namespace:
    __all__ = ['z', 'y']
