"""Apache-2.0 OR MIT allows the configured licence."""
