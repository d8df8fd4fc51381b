"""Sibling plugin: its architecture diagram lives in typing.py.

Key Concepts (ELI5)::

    ┌──────────┬──────────────────┐
    │ Concept  │ ELI5 Explanation │
    ├──────────┼──────────────────┤
    │ Sibling  │ A file next door │
    └──────────┴──────────────────┘

Data Flow::

    request
       │
       ▼
    response
"""
