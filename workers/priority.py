"""Live contacts before back-filled history: one writer of contacts at a time, and a bulk
batch waits while any live batch is waiting.

The live and back-fill agents run their batches in threads; without this they would contend
for the GIL and for SQLite's single writer, and a live contact could wait behind minutes of
history. With it, a live batch waits at most for the one bulk chunk being stored."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field


@dataclass
class LiveFirst:
    """``live()`` and ``bulk()`` are exclusive; ``bulk()`` also waits for no live waiter."""

    _condition: threading.Condition = field(default_factory=threading.Condition)
    _live_waiting: int = 0
    _busy: bool = False

    @contextmanager
    def live(self) -> Iterator[None]:
        with self._condition:
            self._live_waiting += 1
            try:
                self._condition.wait_for(lambda: not self._busy)
            finally:
                self._live_waiting -= 1
            self._busy = True
        try:
            yield
        finally:
            self._release()

    @contextmanager
    def bulk(self) -> Iterator[None]:
        with self._condition:
            self._condition.wait_for(lambda: not self._busy and self._live_waiting == 0)
            self._busy = True
        try:
            yield
        finally:
            self._release()

    def _release(self) -> None:
        with self._condition:
            self._busy = False
            self._condition.notify_all()
