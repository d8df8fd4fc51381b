"""stdlib logging where structlog is wanted (genkit-ai/genkit 846fb0ca google-genai models/utils.py:72)."""

import logging
import sys

logger = logging.getLogger(__name__)
QUIET_LOGGERS = ('httpx', 'httpcore')


def discover(models):
    logging.info('Discovering all models')
    logging.getLogger(__name__).warning('Found %d models', len(models))
    logging.getLogger().error('root logger, logged on at once')
    return logging.getLogger(__name__)


def setup(level):
    # Setting up output for structlog through the stdlib root logger, and tuning third-party loggers.
    root = logging.getLogger()
    root.addHandler(logging.StreamHandler(sys.stdout))
    root.setLevel(logging.DEBUG)
    logging.getLogger(__name__).setLevel(level)
    for name in QUIET_LOGGERS:
        logging.getLogger(name).setLevel(logging.WARNING)
    logging.getLogger('opentelemetry').propagate = False
    logging.basicConfig(level=level)
