"""Configuration types of the sibling plugin.

    ┌─────────────────────────────────────────────┐
    │  typing.py - Type-Safe Configuration        │
    │  └── SiblingConfig                          │
    └─────────────────────────────────────────────┘
"""
