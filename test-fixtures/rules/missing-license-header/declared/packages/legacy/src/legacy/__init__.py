"""The table form holds free text, not an SPDX expression: the configuration applies."""
