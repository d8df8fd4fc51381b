"""No stem after test_: pytest globs it, but there is no name to give it."""
