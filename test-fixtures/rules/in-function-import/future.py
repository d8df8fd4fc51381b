def misplaced():
    from __future__ import annotations
