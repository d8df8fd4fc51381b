"""genkit is not a namespace directory in this workspace."""
