"""Tables pyguide reports but does not redraw."""


def no_bottom():
    """A table without its bottom border: where it ends is a guess.

    ┌──────┬──────┐
    │ a    │ b   │
    ├──────┼──────┤
    │ c    │ d    │
    """


def tab():
    """A tab has no fixed width.

    ┌──────┬──────┐
    │ a	   │ b    │
    └──────┴──────┘
    """


def escape():
    """An escape is drawn differently from how it is written.

    ┌──────┬──────┐
    │ \u2502    │ b   │
    └──────┴──────┘
    """


def too_wide():
    """Widened, this table would pass Ruff's default line length of 88.

    ┌──────┬────────────────────────────────────────────────────────────┐
    │ Link │ https://example.com/a/very/long/path/that/goes/on/and/on/forever/and/ever/│
    └──────┴────────────────────────────────────────────────────────────┘
    """
