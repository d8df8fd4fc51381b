"""A bare type: ignore next to another checker's error."""

count: int = "three"  # type: ignore
