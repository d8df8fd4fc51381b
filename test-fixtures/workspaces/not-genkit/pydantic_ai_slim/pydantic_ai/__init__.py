"""Agent framework."""
