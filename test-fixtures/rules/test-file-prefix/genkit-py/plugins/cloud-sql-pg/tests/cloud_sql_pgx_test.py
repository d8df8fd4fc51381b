"""Starts with the name but not with name_."""
