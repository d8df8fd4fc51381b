"""MIT package, no header: no Apache header is asked for."""
