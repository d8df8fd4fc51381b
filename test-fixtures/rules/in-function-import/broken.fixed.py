import json
import os
import re


def half_typed(:
    return json


def unterminated():
    import sys
    text = "no closing quote
    return sys, text


def still_fine():
    return re


def
