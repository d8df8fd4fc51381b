"""Below a root named tests/, but not in a tests/ directory."""
