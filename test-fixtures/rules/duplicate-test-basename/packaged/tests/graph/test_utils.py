"""Graph helpers: module tests.graph.test_utils."""
