"""`__all__` orders (the genkit-anthropic and embedder lists at 846fb0ca, trimmed)."""

__all__ = [
    'AnthropicConfig',
    'AnyToolChoice',
    'AutoToolChoice',
    'KnownClaude',
]

__all__ += ('a_name', 'b_name')

__all__: list[str] = [
    # Options and capabilities
    'EmbedderOptions',
    'EmbedderSupports',
    # Functions
    'create_embedder',
    'embed',
]


def not_module_level() -> None:
    __all__ = ['z', 'a']
