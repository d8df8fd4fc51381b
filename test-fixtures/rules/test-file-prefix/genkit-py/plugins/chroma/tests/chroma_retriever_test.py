"""Retriever tests."""
