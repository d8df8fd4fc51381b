"""Methods the standard library calls by name: Ruff N802's exemptions (excerpt of Ruff's N802.py, MIT)."""

import ast
import ast as python_ast
import http.server
from ast import NodeTransformer
from http import server
from http.server import BaseHTTPRequestHandler as Handler


class Visitor(ast.NodeVisitor):
    def visit_Constant(self, node):
        pass

    def bad_Name(self):
        pass


class ExtendsVisitor(Visitor):
    def visit_Constant(self, node):
        pass


class Transformer(NodeTransformer):
    def visit_Constant(self, node):
        pass


class AliasedVisitor(python_ast.NodeTransformer):
    def visit_Name(self, node):
        def visit_Inner():
            pass


class MyRequestHandler(Handler):
    def do_GET(self):
        pass

    def dont_GET(self):
        pass


class ModuleHandler(server.SimpleHTTPRequestHandler):
    def do_OPTIONS(self):
        pass


class DottedHandler(http.server.CGIHTTPRequestHandler):
    def do_POST(self):
        pass


class NotAVisitor:
    def visit_Constant(self, node):
        pass


class WrongBase(ast.AST):
    def visit_Constant(self, node):
        pass


class VisitorHandler(ast.NodeVisitor):
    def do_GET(self):
        pass


def visit_Module(node):
    pass


class Loop(Loop):
    def visit_Constant(self, node):
        pass
