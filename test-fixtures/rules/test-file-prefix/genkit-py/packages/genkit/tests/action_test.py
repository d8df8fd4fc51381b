"""Missing the genkit_ prefix."""
