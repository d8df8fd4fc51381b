#!/usr/bin/env bash
uv run src/main.py
