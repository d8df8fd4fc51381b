"""No header: the fix writes the short form."""
