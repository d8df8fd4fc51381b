"""Neither is tests_util/."""
