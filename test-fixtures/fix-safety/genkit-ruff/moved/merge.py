# Copyright 2025 Google LLC
# SPDX-License-Identifier: Apache-2.0

"""Moves that join a from-import of the same module, on one line or wrapped."""

from collections.abc import Callable
from typing import (
    Any,
    TypeVar,
    cast,
)

from genkit.blocks.model import (
    Constrained,
    GenerateRequest,
    GenerateResponse,
    ModelInfo,
    ModelReference,
    model_action_metadata,
)


def typed(value: object) -> Callable[..., Any]:
    """Casts a value."""
    return cast(Callable[..., Any], (value, TypeVar))


def info() -> object:
    """The model info."""
    return (GenerateRequest, GenerateResponse, ModelInfo, ModelReference, model_action_metadata, Constrained)
