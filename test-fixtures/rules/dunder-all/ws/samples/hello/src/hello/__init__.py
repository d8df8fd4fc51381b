"""Samples are applications: no __all__ needed."""

from .a import a
from .b import b
from .c import c
from .d import d
from .e import e
from .f import f
