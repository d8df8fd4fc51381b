"""`if ...: pytest.fail(...)` cases (the first from genkit-google-genai tests/part_converter_test.py:38)."""

import pytest


def test_is_text() -> None:
    got = is_text('x')
    assert got, f'is_text(x) = {got}, want True'


def test_flips() -> None:
    assert result is None, 'want None'
    assert 'key' in data, f'missing key in {data!r}'
    assert got is not None
    if item in seen:  # a comment keeps the statement as it is
        pytest.fail('duplicate')


def test_conventional() -> None:
    assert got == want, f'got {got}, want {want}'
    assert len(graph) != 0, f'Expected a graph, got {len(graph)}'


def test_wrapped() -> None:
    assert not (a < b), 'order'
    assert not (x and y), 'both'
    assert not compute(x), 'computed'
    assert very_long_function_name_for_the_value(argument_number_one) == expected_value_for_it, (
        f'very_long_function_name_for_the_value returned {very_long_function_name_for_the_value(argument_number_one)!r}'
    )


class TestInClass:
    async def test_method(self) -> None:
        assert await self.ready(), 'not ready'


def test_no_fix() -> None:
    try:
        if broken:
            pytest.fail('broken')
    except Exception:
        pass
    with patch('x'):
        if broken:
            pytest.fail('broken')
    if (n := count()) > 3:
        pytest.fail(f'{n}')
    if broken:
        pytest.fail('broken', pytrace=False)
    if broken:
        # why this fails
        pytest.fail('broken')


def helper(value: object) -> None:
    if value is None:
        pytest.fail('no value')


def test_not_flagged() -> None:
    if broken:
        pytest.fail('broken')
    else:
        pass
    if broken:
        log('x')
        pytest.fail('broken')
    if broken:
        pytest.skip('later')
    assert got, 'fine'
