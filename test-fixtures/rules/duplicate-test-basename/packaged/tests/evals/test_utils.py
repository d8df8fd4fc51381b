"""Evals helpers: module tests.evals.test_utils."""
