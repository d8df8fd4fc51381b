"""Complete plugin: the concepts table, the data flow and the architecture.

Key Concepts (ELI5)::

    ┌─────────────────────┬────────────────────────────────────────────────────┐
    │ Concept             │ ELI5 Explanation                                   │
    ├─────────────────────┼────────────────────────────────────────────────────┤
    │ Plugin              │ A box of tools Genkit can borrow. Like an app on   │
    │                     │ your phone.                                        │
    └─────────────────────┴────────────────────────────────────────────────────┘

Data Flow (Model Calls)::

    ai.generate() ──▶ Plugin ──▶ Provider API

Architecture Overview::

    ┌─────────────────────────────────────────────────────────────────────────┐
    │                        Complete Plugin                                  │
    ├─────────────────────────────────────────────────────────────────────────┤
    │  __init__.py - exports                                                  │
    └─────────────────────────────────────────────────────────────────────────┘
"""

# A module that is not the entry module needs nothing.
