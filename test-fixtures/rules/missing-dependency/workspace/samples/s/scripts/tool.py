from genkit.plugins.b import B
