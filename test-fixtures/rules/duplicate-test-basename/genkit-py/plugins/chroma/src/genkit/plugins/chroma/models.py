"""Not test modules: same names are fine."""
