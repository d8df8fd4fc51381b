"""Loggers and level calls reached through names imported from `logging`."""

import logging as log
from logging import getLogger, info
from logging import getLogger as get_stdlib_logger
from logging import warning as warn

logger = getLogger(__name__)
other = get_stdlib_logger(__name__)


def report(count):
    info('Found %d models', count)
    warn('Slow')
    log.error('Failed')
    log.getLogger().critical('root logger, logged on at once')
    getLogger(__name__).setLevel(log.DEBUG)
    getLogger('httpx').setLevel(log.WARNING)
    root = get_stdlib_logger()
    root.addHandler(log.StreamHandler())


def shadowed(info, getLogger):
    info('a parameter, not logging.info')
    return getLogger(__name__)


def local_warn():
    def warn(message):
        return message

    warn('a local def, not logging.warning')


def in_expressions(handlers, names):
    sinks = [info(name) for info in handlers for name in names]
    makers = map(lambda getLogger: getLogger(__name__), handlers)
    return sinks, makers, [getLogger(name) for name in names], (info(n) for n in names)
