import os


def half_typed(:
    import json
    return json


def unterminated():
    import sys
    text = "no closing quote
    return sys, text


def still_fine():
    import re
    return re


def
