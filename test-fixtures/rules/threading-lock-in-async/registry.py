"""Registry locks (from firebase/genkit 77656d5e packages/genkit/src/genkit/_core/_registry.py)."""

import asyncio
import threading
from threading import Lock, Semaphore

_module_lock = Lock()
_slots = Semaphore(2)
_async_lock = asyncio.Lock()


class Registry:
    def __init__(self) -> None:
        self._lock: threading.RLock = threading.RLock()
        self._cond = threading.Condition()
        self._entries = {}
        self._tasks = {}

    async def resolve_action(self, kind, name):
        # Cache hit (_registry.py:382)
        with self._lock:
            if kind in self._entries and name in self._entries[kind]:
                return await self._trigger_lazy_loading(self._entries[kind][name])

    async def init_plugin(self, plugin_name):
        # IMPORTANT: Do not hold `_lock` across any `await` (_registry.py:289: sync-only, fine).
        with self._lock:
            task = self._tasks.get(plugin_name)
            if task is None:

                async def run_init() -> None:
                    await asyncio.sleep(0)

                task = asyncio.create_task(run_init())
                self._tasks[plugin_name] = task
        await task

    async def others(self, stream):
        with _module_lock:
            async for chunk in stream:
                print(chunk)
        with _slots, open('x') as f:
            async with _async_lock:
                f.read()
        with self._cond:
            values = [await v for v in stream]
        async with _async_lock:
            await asyncio.sleep(0)
        with self._lock:
            callback = lambda: asyncio.sleep(0)  # noqa: E731
        return values, callback

    def sync(self):
        with self._lock:
            return 1
