"""Genkit: the core package (core modules need no ELI5 table by default)."""
