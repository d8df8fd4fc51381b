# Copyright 2025 Google LLC
# SPDX-License-Identifier: Apache-2.0

"""Moves that join a from-import of the same module, on one line or wrapped."""

from collections.abc import Callable
from typing import (
    Any,
    cast,
)

from genkit.blocks.model import GenerateRequest, GenerateResponse, ModelInfo, ModelReference, model_action_metadata


def typed(value: object) -> Callable[..., Any]:
    """Casts a value."""
    from typing import TypeVar

    return cast(Callable[..., Any], (value, TypeVar))


def info() -> object:
    """The model info."""
    from genkit.blocks.model import Constrained

    return (GenerateRequest, GenerateResponse, ModelInfo, ModelReference, model_action_metadata, Constrained)
