"""A docstring that mentions # noqa is a string, not a comment."""

x = 1  # noqa
y = 2  # noqa: E501
z = 3  # NOQA:E501,W291
w = 4  # noqa - no codes, only words
v = 5  # noqa:
s = "# noqa inside a string"
t = '''
# noqa inside a multi-line string
'''
# ruff: noqa
# ruff: noqa: E501
# flake8: noqa
u = 6  # type: ignore[attr-defined]  # noqa
