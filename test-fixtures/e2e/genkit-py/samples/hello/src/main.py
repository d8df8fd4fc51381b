"""Hello sample."""

from genkit.plugins.foo import core

print(core)  # noqa
