class Crlf:
    """CRLF line breaks and a method docstring indented eight spaces.

    Key Concepts (ELI5)::

        ┌──────────┬─────────────────────────┐
        │ Concept  │ ELI5 Explanation        │
        ├──────────┼─────────────────────────┤
        │ Line     │ A line ends with a carriage return and a line feed here.│
        └──────────┴─────────────────────────┘
    """
