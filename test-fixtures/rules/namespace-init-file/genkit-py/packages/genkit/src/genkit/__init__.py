"""The core package owns genkit: not a namespace member."""
