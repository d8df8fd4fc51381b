"""Outside any workspace there is no package to prefix with."""
