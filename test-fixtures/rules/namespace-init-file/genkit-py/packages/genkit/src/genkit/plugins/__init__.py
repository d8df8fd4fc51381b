"""Not a namespace member either."""
