"""Not test modules."""
