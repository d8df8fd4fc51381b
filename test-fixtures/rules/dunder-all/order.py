"""`__all__` orders (the genkit-anthropic and embedder lists at 846fb0ca, trimmed)."""

__all__ = [
    'AnthropicConfig',
    'AutoToolChoice',
    'AnyToolChoice',
    'KnownClaude',
]

__all__ += ('b_name', 'a_name')

__all__: list[str] = [
    # Options and capabilities
    'EmbedderSupports',
    'EmbedderOptions',
    # Functions
    'embed',
    'create_embedder',
]


def not_module_level() -> None:
    __all__ = ['z', 'a']
