"""Display width, not code points: wide, zero-width and ambiguous characters.

Key Concepts (ELI5)::

    ┌─────────────────────┬────────────────────────────────────────────────┐
    │ Concept             │ ELI5 Explanation                               │
    ├─────────────────────┼────────────────────────────────────────────────┤
    │ 漢字                │ Two columns each, as the editor draws them.    │
    ├─────────────────────┼────────────────────────────────────────────────┤
    │ ✅ Done             │ The check mark is wide too.                    │
    ├─────────────────────┼────────────────────────────────────────────────┤
    │ Café                │ A decomposed é: e plus a combining accent.     │
    ├─────────────────────┼────────────────────────────────────────────────┤
    │ Arrow               │ Input → Output ▶ counts one column, as in VS   │
    │                     │ Code.                                          │
    └─────────────────────┴────────────────────────────────────────────────┘
"""


def long_words():
    """A URL longer than its column widens the column; a hyphen-broken word joins again.

    ┌─────────────┬────────────────────────────────────────────┐
    │ Link        │ Where                                      │
    ├─────────────┼────────────────────────────────────────────┤
    │ Docs        │ https://genkit.dev/docs/plugins/anthropic/ │
    ├─────────────┼────────────────────────────────────────────┤
    │ Routing     │ Picks a model per-task and falls back to   │
    │             │ the next one when it fails.                │
    └─────────────┴────────────────────────────────────────────┘
    """
