import ast
import unittest
from http.server import BaseHTTPRequestHandler


class Handler(BaseHTTPRequestHandler):
    def do_GET(self):
        pass

    def doPOST(self):
        pass


class Visitor(ast.NodeVisitor):
    def visit_FunctionDef(self, node):
        pass


class Base(unittest.TestCase):
    def assertJsonEqual(self, a, b):
        pass

    def assert_Json(self, a):
        pass


def legacyApi():
    pass


def legacyApi2():
    pass
