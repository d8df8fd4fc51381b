"""Genkit."""

from genkit._ai import Genkit
