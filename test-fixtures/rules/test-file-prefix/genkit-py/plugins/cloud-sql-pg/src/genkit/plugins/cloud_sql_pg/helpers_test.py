"""Not under the member's tests/ directory."""
