"""No header."""
