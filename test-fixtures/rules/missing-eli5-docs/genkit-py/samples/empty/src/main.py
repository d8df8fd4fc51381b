"""A heading with nothing under it.

Key Concepts (ELI5)::

Run it with `uv run src/main.py`.
"""
