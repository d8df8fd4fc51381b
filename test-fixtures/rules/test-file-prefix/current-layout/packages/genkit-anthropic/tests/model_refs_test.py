"""Not prefixed: anthropic_ is suggested."""
