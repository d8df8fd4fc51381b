"""Module tests.test_io, as in lib-b."""
