"""Sync structlog calls in coroutines (from genkit-ai/genkit 846fb0ca _aio.py dev_runner)."""

import logging

import structlog

from genkit._core._logger import get_logger

logger = get_logger(__name__)
std = logging.getLogger(__name__)


class Runner:
    def __init__(self):
        self._log = structlog.get_logger().bind(part='runner')

    async def dev_runner(self, coro):
        try:
            await coro
            logger.debug('User coroutine completed successfully.')
        except Exception:
            self._log.exception('Startup failed')
        await logger.adebug('awaited already')
        std.info('stdlib logger: no async methods')
        value = logger.info('not a statement') or 1
        get_logger('inline').warning('made in place')

        def callback():
            logger.info('a sync def inside a coroutine')

        handler = lambda: logger.info('a lambda')  # noqa: E731
        total = sum(logger.info('generator') or 1 for _ in range(2))
        return value, callback, handler, total

    def sync(self):
        logger.info('a sync method')


async def unknown(log):
    log.info('a logger the module does not bind')
    logger.info('module-level logger')  # pyguide: ignore[sync-log-in-async]
