"""Threading locks made through aliases of the module or of its lock types."""

import threading as th
from threading import Lock as L
from threading import RLock as ReentrantLock

from anyio import Lock as AnyioLock

_module_lock = L()
_reentrant = ReentrantLock()
_sema = th.BoundedSemaphore(3)
_anyio = AnyioLock()


class Cache:
    def __init__(self) -> None:
        self._lock = th.Lock()
        self._other = L()

    async def get(self, key):
        with self._lock:
            return await self._load(key)

    async def put(self, key, value):
        with _module_lock:
            await self._store(key, value)
        with _reentrant, _sema:
            await self._store(key, value)
        with _anyio:
            await self._store(key, value)


def make(L):
    return L()


class Shadowed:
    def __init__(self, th) -> None:
        self._guard = th.Lock()

    async def run(self):
        with self._guard:
            await self.step()
