"""Imports at every depth inside functions and methods are findings."""

import os


def plain():
    import json
    return json


async def coroutine():
    from asyncio import sleep
    await sleep(0)


def nested_blocks(paths):
    with open(paths[0]) as handle:
        import csv
    for path in paths:
        import glob
    while paths:
        import shutil
        break
    try:
        import pathlib
    finally:
        pass
    return handle, csv, glob, shutil, pathlib


def outer():
    def inner():
        import textwrap
        return textwrap

    class Local:
        import decimal

        def method(self):
            import fractions
            return fractions

    return inner, Local


class Service:
    def method(self):
        import logging
        return logging

    @staticmethod
    def helper(): import string

    async def run(self):
        if os.name:
            from collections import (
                OrderedDict,
                defaultdict,
            )
            return OrderedDict, defaultdict


lambda_holder = [lambda: __import__("json")]
