"""Imports of every shape."""

import os
from genkit.ai import Genkit
from genkit.plugins.a import A
from genkit.plugins.b import B
import genkit.plugins.c.models as models
from genkit.plugins import d, a as a_module
from genkit.plugins.h import H
from .local import x

try:
    from genkit.plugins.e import E
except ImportError:
    E = None

try:
    import genkit.plugins.e2
except (ValueError, ModuleNotFoundError) as error:
    pass

try:
    from genkit.plugins.f import F
except ValueError:
    F = None


def later():
    from genkit.plugins.g import G
    return G
