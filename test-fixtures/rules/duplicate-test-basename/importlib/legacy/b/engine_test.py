"""Under legacy/pytest.ini: prepend mode."""
