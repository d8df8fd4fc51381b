"""A long docstring does not make a module non-trivial.

Line
Line
Line
Line
Line
"""

from .plugin import Small
