def broken(:
    x = "unterminated
