"""Plugin b imports itself and the core, which it does not declare."""

from genkit.ai import Genkit
from genkit.plugins.b.sub import helper
from . import local
