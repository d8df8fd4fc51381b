x = "abc # type: ignore
y = 1  # type: ignore
z = f"{x} # type: ignore
w = b"x # pyright: ignore
