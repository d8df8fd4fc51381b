"""`if ...: pytest.fail(...)` cases (the first from genkit-google-genai tests/part_converter_test.py:38)."""

import pytest


def test_is_text() -> None:
    got = is_text('x')
    if not got:
        pytest.fail(f'is_text(x) = {got}, want True')


def test_flips() -> None:
    if result is not None:
        pytest.fail('want None')
    if 'key' not in data:
        pytest.fail(reason=f'missing key in {data!r}')
    if got is None:
        pytest.fail()
    if item in seen:  # a comment keeps the statement as it is
        pytest.fail('duplicate')


def test_conventional() -> None:
    if got != want:
        pytest.fail(f'got {got}, want {want}')
    if len(graph) == 0:
        pytest.fail(f'Expected a graph, got {len(graph)}')


def test_wrapped() -> None:
    if a < b:
        pytest.fail('order')
    if x and y:
        pytest.fail('both')
    if compute(x):
        pytest.fail('computed')
    if very_long_function_name_for_the_value(argument_number_one) != expected_value_for_it:
        pytest.fail(f'very_long_function_name_for_the_value returned {very_long_function_name_for_the_value(argument_number_one)!r}')


class TestInClass:
    async def test_method(self) -> None:
        if not await self.ready():
            pytest.fail('not ready')


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
