"""The short prefix, as the tree writes it."""
