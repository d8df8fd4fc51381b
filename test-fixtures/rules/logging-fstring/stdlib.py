"""A stdlib logger: f-strings are flagged, its lazy %-arguments are right for stdlib, no key-value fix."""

import logging

logger = logging.getLogger(__name__)


def run(path, e):
    logger.warning(f'Cannot read {path}')
    logger.warning('Cannot read %s', path)
    logging.info(f'Module-level {path}')
    logging.info('Module-level %s', path)


def unknown(my_logger, path):
    my_logger.info(f'Parameter logger {path}')
    my_logger.info('Parameter logger %s', path)
