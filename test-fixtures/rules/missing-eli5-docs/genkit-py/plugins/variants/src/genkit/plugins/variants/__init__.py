"""Variants plugin: the headings as the team sometimes wrote them.

Key Concepts:

    ┌─────────────────────┬────────────────────────────────────────────────────┐
    │ Concept             │ ELI5 Explanation                                   │
    ├─────────────────────┼────────────────────────────────────────────────────┤
    │ Variant             │ The same section under another name.               │
    └─────────────────────┴────────────────────────────────────────────────────┘

Data Flow (Embeddings):

    text ──▶ Embedder ──▶ vector
"""
