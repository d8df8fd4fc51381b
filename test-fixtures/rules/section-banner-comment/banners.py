# ==========================================================================
"""Section banners, from Genkit's trees, and comments that are not banners."""

import os


class Genkit:
    """The sandwich of genkit-ai/genkit _ai/_aio.py:207-209."""

    def __init__(self) -> None:
        self.registry = {}

    # -------------------------------------------------------------------------
    # Registry methods
    # -------------------------------------------------------------------------

    def flow(self) -> None:
        pass

    # ===== Typed Action Lookups =====
    def lookup(self) -> None:
        pass


# ---- Routing and validation -------------------------------------------------


def route() -> None:
    pass


##########################################################################


def helpers() -> None:
    # ------------------------------------------------------------------ #

    x = 1

    return x


# =============================
# =============================
VALUE = os.sep  # ----------------------------
TEXT = '# -------------------'

# Comments that are not banners:
# --- three dashes only
# +--------+--------+
# | name   | value  |
# +--------+--------+
# ----------
# | a | b |
# ----------
# -*- not a banner -*-
# ---------- ----------
# ============================================================================
