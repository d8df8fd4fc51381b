"""Aligned tables and every kind of drawing that is not a table: nothing here is reported.

Key Concepts (ELI5)::

    ┌─────────────────────┬──────────────────────────────────────────────────────┐
    │ Concept             │ ELI5 Explanation                                     │
    ├─────────────────────┼──────────────────────────────────────────────────────┤
    │ Span                │ A "timer" that records how long something took.      │
    │                     │ Like a stopwatch for one task.                       │
    └─────────────────────┴──────────────────────────────────────────────────────┘

Data Flow::

    ┌─────────────────────────────────────────────────────────────────────────┐
    │                     HOW CLAUDE PROCESSES YOUR REQUEST                  │
    │    ┌─────────────────┐                                                  │
    │    │  Anthropic      │   Plugin adds API key to request               │
    │    └────────┬────────┘                                                  │
    └─────────────────────────────────────────────────────────────────────────┘

Data Flow (Tracing)::

    ┌─────────┐     ┌─────────┐     ┌─────────┐
    │ Flow A  │ ──▶ │ Model   │ ──▶ │ Tool    │
    │ (span) │     │ (span)  │     │ (span)  │
    └─────────┘     └─────────┘     └─────────┘
         │               │               │
         └───────────────┼───────────────┘
                         ▼
                  ┌─────────────┐
                  │  Exporter   │  ──▶  AWS X-Ray / GCP Trace
                  └─────────────┘

Architecture Overview::

    ┌─────────────────────────────────────────────────────────────────────────┐
    │                        Anthropic Plugin                                │
    ├─────────────────────────────────────────────────────────────────────────┤
    │  Plugin Entry Point (__init__.py)                                       │
    │  ├── Anthropic - Plugin class                                          │
    │  └── anthropic_name() - Helper to create namespaced model names         │
    └─────────────────────────────────────────────────────────────────────────┘

A table with an arrow after its right edge is part of a diagram:

    ┌──────┬──────┐
    │ a    │ b  │  ──▶  next
    └──────┴──────┘

A two-column table followed by a line of the same drawing:

    ┌──────┬──────┐
    │ a    │ b  │
    └──────┴──────┘
        │

Double lines and reST grid tables are other formats:

    ╔══════╦══════╗
    ║ a    ║ b  ║
    ╚══════╩══════╝

    +------+------+
    | a    | b  |
    +------+------+
"""

NOT_A_DOCSTRING = """
┌──────┬──────┐
│ a    │ b  │
└──────┴──────┘
"""

# ┌──────┬──────┐
# │ a    │ b  │
# └──────┴──────┘


def f_string():
    f"""An f-string is not a docstring {NOT_A_DOCSTRING}.

    ┌──────┬──────┐
    │ a    │ b  │
    └──────┴──────┘
    """


def closing_quotes():
    """The last row shares its line with the closing quotes: not a block pyguide redraws.

    ┌──────┬──────┐
    │ a    │ b  │
    └──────┴──────┘"""


def raw():
    r"""A raw docstring's backslashes are text: \u2502 is six columns.

    ┌──────────┬──────┐
    │ \u2502   │ b    │
    └──────────┴──────┘
    """
