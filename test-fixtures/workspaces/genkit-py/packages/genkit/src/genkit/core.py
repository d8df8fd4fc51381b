# Copyright 2026 Google LLC
#
# Licensed under the Apache License, Version 2.0 (the "License");
# you may not use this file except in compliance with the License.
# You may obtain a copy of the License at
#
#     http://www.apache.org/licenses/LICENSE-2.0
#
# Unless required by applicable law or agreed to in writing, software
# distributed under the License is distributed on an "AS IS" BASIS,
# WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
# See the License for the specific language governing permissions and
# limitations under the License.
#
# SPDX-License-Identifier: Apache-2.0

"""The registry of actions.

Key Concepts (ELI5)::

    ┌─────────────────────┬────────────────────────────────────────────────┐
    │ Concept             │ ELI5 Explanation                               │
    ├─────────────────────┼────────────────────────────────────────────────┤
    │ Registry            │ A phone book of actions. Look one up by name.  │
    └─────────────────────┴────────────────────────────────────────────────┘
"""

import logging

logger = logging.getLogger(__name__)


class Registry:
    """Holds actions by name; a docstring that says import json is not an import."""

    def __init__(self) -> None:
        self.actions: dict[str, object] = {}

    def lookupAction(self, name: str) -> object:
        import json

        logger.debug(json.dumps({'name': name}))
        return self.actions.get(name)


class action_metadata:
    """Metadata of one action."""

    name: str = ''  # type: ignore


def load_plugins() -> list[str]:
    try:
        import importlib.metadata as md
    except ImportError:
        return []
    return [e.name for e in md.entry_points(group='genkit.plugins')]
