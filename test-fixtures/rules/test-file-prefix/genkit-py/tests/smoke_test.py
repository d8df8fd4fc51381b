"""Workspace-level tests belong to no member."""
