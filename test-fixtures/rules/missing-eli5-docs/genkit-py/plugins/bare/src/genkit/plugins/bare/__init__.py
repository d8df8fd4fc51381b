# Copyright 2026 Google LLC

"""Bare plugin: nothing the guidelines ask for."""
