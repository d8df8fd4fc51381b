def half_typed(  # type: ignore
    x = "unterminated  # type: ignore
y = [1, 2  # pyright: ignore
