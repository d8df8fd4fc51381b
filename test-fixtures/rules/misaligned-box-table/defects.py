"""Each defect class found in Genkit's trees, one table per docstring.

Key Concepts (ELI5)::

    ┌─────────────────────┬──────────────────────────────────────────────────────┐
    │ Concept             │ ELI5 Explanation                                     │
    ├─────────────────────┼──────────────────────────────────────────────────────┤
    │ Claude              │ Anthropic's AI assistant. Like a helpful friend     │
    │                     │ who's great at explaining things and writing.       │
    ├─────────────────────┼──────────────────────────────────────────────────────┤
    │ Sonnet              │ The "just right" Claude model. Good at most         │
    │                     │ tasks without being too slow or expensive.          │
    └─────────────────────┴──────────────────────────────────────────────────────┘
"""


def flush():
    """Text flush against the right border is re-wrapped, never split.

    Key Concepts (ELI5)::

        ┌─────────────────────┬──────────────────────────────────────────────────────┐
        │ Concept             │ ELI5 Explanation                                     │
        ├─────────────────────┼──────────────────────────────────────────────────────┤
        │ Workers AI          │ Cloudflare's serverless AI running on data centers  │
        │                     │ in hundreds of cities, across the whole planet today.│
        └─────────────────────┴──────────────────────────────────────────────────────┘
    """


def broken_top():
    """A top border without its junction takes the separator's grid.

    Supported Models:
        ┌─────────────────────────────────────────────────────────────────────────┐
        │ Model                     │ Description                                 │
        ├───────────────────────────┼─────────────────────────────────────────────┤
        │ claude-3-5-sonnet-latest  │ Balanced performance and capability         │
        │ claude-3-5-haiku-latest   │ Fast and cost-effective                     │
        └───────────────────────────┴─────────────────────────────────────────────┘
    """


class Shifted:
    """A concept padded by one extra space moves the middle separator.

    Key Concepts (ELI5)::

        ┌─────────────────────┬──────────────────────────────────────────────────────┐
        │ Concept             │ ELI5 Explanation                                     │
        ├─────────────────────┼──────────────────────────────────────────────────────┤
        │ Middleware           │ A safety layer that wraps model calls. Checks      │
        │                     │ input before sending and output after receiving.     │
        └─────────────────────┴──────────────────────────────────────────────────────┘
    """

    def padding(self):
        """Cells without padding and a line indented differently.

        ┌──────────┬──────────┐
        │Key       │Value     │
        ├──────────┼──────────┤
          │ a        │ 1        │
        │ b        │ 2        │   
        └──────────┴──────────┘
        """


def grouped():
    """Rows the author grouped stay grouped; separators are not added.

    Key Components:
        ┌─────────────────────────────────────────────────────────────────────────┐
        │ Component                    │ Purpose                                  │
        ├──────────────────────────────┼──────────────────────────────────────────┤
        │ define_firestore_vector_store│ Create a Firestore-backed vector store   │
        │ add_firebase_telemetry()     │ Enable Cloud Trace/Monitoring export     │
        └──────────────────────────────┴──────────────────────────────────────────┘

    A header row with no separator under it, then a second table after a blank line:

        ┌───────┬────────┐
        │ Flag  │ Effect │
        │ -v   │ verbose │
        └───────┴────────┘

        ┌───────┬────────┐
        │ Flag  │ Effect │
        ├───────┼────────┤
        │ -q    │ quiet  │
        └───────┴──────┴─┘
    """
