"""The genkit package."""
