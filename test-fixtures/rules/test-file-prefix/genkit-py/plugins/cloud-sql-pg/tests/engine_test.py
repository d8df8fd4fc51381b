"""The guidelines' own example."""
