"""Graph utils."""


def test_utils():
    assert True
