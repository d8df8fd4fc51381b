"""Genkit."""
