"""Moves that could change behaviour are offered but left out of fix-all."""

import csv
import string
import sys

config = {"debug": False}


def optional_dependency():
    try:
        import ujson as json
    except ImportError:
        import json
    return json


def broad_handlers():
    try:
        import orjson
    except Exception:
        orjson = None
    try:
        import simplejson
    except (ValueError, ModuleNotFoundError):
        simplejson = None
    try:
        import yaml
    except:  # noqa: E722
        yaml = None
    return orjson, simplejson, yaml


def conditional(kind):
    if sys.platform == "win32":
        import winreg
        return winreg
    elif kind:
        import posixpath
        return posixpath
    match kind:
        case "toml":
            import tomllib
            return tomllib
    return None


def clash():
    from settings import config
    return config


def not_guarded():
    try:
        pass
    except ImportError:
        pass
    else:
        return csv
    try:
        import zipfile
    except OSError:
        zipfile = None
    return zipfile


def parameter(json=None):
    import json
    return json


def closure():
    pathlib = None

    def inner():
        import pathlib
        return pathlib

    return inner, pathlib


def class_attribute():
    class Holder:
        import decimal

    return Holder.decimal


def same_import_twice():
    if sys:
        import string
    return string
