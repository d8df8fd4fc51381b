"""Module tests.test_io, as in lib-a."""
