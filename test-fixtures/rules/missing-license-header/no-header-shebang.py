#!/usr/bin/env python3
"""No header after the shebang: the finding is on the first line."""
