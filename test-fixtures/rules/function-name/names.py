"""Function and method names: snake_case, with the exceptions test frameworks and overrides need."""

import typing
import unittest
from typing import overload, override

import typing_extensions


def snake_case_name():
    pass


def _private():
    pass


def __dunder__():
    pass


def trailing_():
    pass


def version2_api():
    pass


def café():
    pass


def camelCase():
    pass


def PascalCase():
    pass


def _Private():
    pass


def __Dunder__():
    pass


def CONSTANT_LOOKING():
    pass


def setUpModule():
    pass


def tearDownModule():
    pass


class Parent:
    def handle(self):
        pass


class Child(Parent):
    @override
    def doWork(self):
        pass

    @typing.override
    def doMore(self):
        pass

    @typing_extensions.override
    def doEvenMore(self):
        pass

    @staticmethod
    def notAnOverride():
        pass

    @overload
    def convert(self, value: int) -> int: ...

    @typing.overload
    def convertAll(self, value: str) -> str: ...

    async def fetchData(self):
        pass


class ExampleTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        pass

    @classmethod
    def tearDownClass(cls):
        pass

    def setUp(self):
        pass

    def tearDown(self):
        pass

    async def asyncSetUp(self):
        pass

    async def asyncTearDown(self):
        pass

    def shortDescription(self):
        return None

    def test_something(self):
        def innerHelper():
            pass

        return innerHelper

    def testCamelCase(self):
        pass


handler = lambda: None  # noqa: E731
text = "def notAFunction(): pass"
# def alsoNotAFunction(): pass
