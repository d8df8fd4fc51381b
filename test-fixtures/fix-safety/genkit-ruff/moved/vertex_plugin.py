# Copyright 2025 Google LLC
# SPDX-License-Identifier: Apache-2.0

"""A plugin shaped like genkit_google_genai/google.py: a deferred import in a method, with its comment."""

import json
import os
from typing import Any

from google import genai

# Deferred import to avoid circular dependency
from genkit import Action, Genkit


class VertexAI:
    """Registers models and evaluators."""

    def actions(self) -> list[Any]:
        """Lists the plugin's actions."""
        actions: list[Any] = [Action]

        # Register Vertex AI evaluators

        if not os.environ.get('GOOGLE_CLOUD_PROJECT'):
            raise ValueError('VertexAI plugin requires a project ID to use evaluators.')
        actions.append(Genkit)
        return actions

    def client(self) -> object:
        """The client, built on first use."""
        return genai.Client(http_options=json.loads('{}'))
