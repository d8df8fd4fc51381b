"""Claude models, without a license header."""


class Claude:
    """A Claude model."""

    def generate(self, prompt: str) -> str:
        return prompt  # noqa
