"""Names that look like logging's but come from elsewhere or are rebound: never flagged."""

from structlog import get_logger

from genkit.core import logging
from logging import getLogger as make_logger
from logging import info

logger = get_logger(__name__)
logging.info('genkit.core.logging, not the stdlib module')


def make_logger(name):
    return name


make_logger(__name__)
info = print
info('rebound at module level')
