"""pytest . collects test_*.py outside tests/ too."""
