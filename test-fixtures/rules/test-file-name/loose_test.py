"""Named the right way."""
