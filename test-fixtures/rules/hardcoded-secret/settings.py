"""Credentials written into the source, and what only looks like them.

A key in a docstring is documentation: api_key = 'q8Zr2mK7vX4pL9nB3tW6yH1c'.
"""

import os

api_key = 'q8Zr2mK7vX4pL9nB3tW6yH1c'
self_token = os.environ['TOKEN']


class Client:
    def __init__(self, password: str = 'Zx9Qw8Er7Ty6Ui5Op4As3Df2') -> None:
        self.client_secret = 'a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6'
        self.config = {'api_key': '9f8e7d6c5b4a39281706f5e4d3c2b1a0'}


connect(host='db', token='Kp3Lm8Nq2Rs7Tu1Vw6Xy4Za9')

# Not credentials:
# api_key = 'q8Zr2mK7vX4pL9nB3tW6yH1c' in a comment
_using_api_key = 'AWS_BEARER_TOKEN_BEDROCK' in os.environ
API_KEY = 'GOOGLE_GENERATIVE_AI_API_KEY'
token = 'reset-password-token-name'
password = 'short'
api_key_env = 'q8Zr2mK7vX4pL9nB3tW6yH1c'
fake_api_key = 'q8Zr2mK7vX4pL9nB3tW6yH1c'
api_key = 'your-api-key-goes-here-please'
api_key = 'xxxxxxxxxxxxxxxxxxxxxxxxxxxx'
api_key = f'{prefix}q8Zr2mK7vX4pL9nB3tW6yH1c'
secret = 'mock_secret_value_for_local_runs'
key = 'sk-type-ignored-on-embedding-2'
"""A bare string statement is a comment: token = 'Kp3Lm8Nq2Rs7Tu1Vw6Xy4Za9'."""
