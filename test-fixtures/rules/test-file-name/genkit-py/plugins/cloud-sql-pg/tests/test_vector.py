"""Vector tests; vector_test.py already exists."""
