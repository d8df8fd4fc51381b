"""Vector tests."""
