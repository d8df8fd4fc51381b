"""Log calls on a structlog logger (from genkit-ai/genkit 846fb0ca _aio.py and openai model.py)."""

import logging

import structlog

from genkit._core._logger import get_logger

logger = get_logger(__name__)
log = structlog.get_logger().bind(component='aio')


async def reflection(spec, server, e):
    if server.should_exit:
        logger.warning(f'Reflection server at {spec.url} failed to start.')
    await logger.adebug(f'Genkit Dev UI reflection server running at {spec.url}')
    logger.error('Startup failed: %s: %s', type(e).__name__, e)
    logger.info('Loaded %s from %s', spec.name, spec.path)
    logger.error(f'Failed to initialize runtime file: {e}', exc_info=True)
    logger.debug(f'eval_stepper_fn error: {e!s}')
    logger.debug(f'Registered prompt "{spec.key}" from "{spec.file_path}"')
    logger.debug(f'{spec}')
    logger.info('Request: ' + spec.body)
    logger.info('Request: %s' % spec.body)
    logger.info('Request: {}'.format(spec.body))
    log.info(f'Bound logger {spec.url}')
    logger.log(logging.INFO, f'Level first {spec.url}')
    logger.info(f'Clash {spec.url}', url='x')
    logger.info(f'Reserved {spec.event}')
    logger.info(f'Same key {a.url} and {b.url}')
    logger.info(f'Braces {{literal}} {spec.url}')
    logger.info(f'Splat {spec.url}', **spec.extra)


def fine(spec):
    logger.debug('OpenAI generate request', model=spec.model, streaming=False)
    logger.info('Two literals ' + 'joined')
    logger.info(f'no placeholders')
    logger.info(*spec.args)
    catalog.info(f'not a logger {spec}')
    logger.info('Percent %s kept in text', url=spec.url)
