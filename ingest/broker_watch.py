"""Whether a broker answers, remembered for a moment: the intake API asks on every request,
and a TCP connect per request (what it did) cost the broker an accept and the API a socket
each time. The answer is reused for ``ttl`` seconds, so intake pauses (503) within about
``ttl`` of losing the broker, and resumes as soon after its return."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field

from config import Settings
from ingest._kafka import check_reachable
from ingest.errors import BrokerUnavailableError


@dataclass
class BrokerWatch:
    settings: Settings
    ttl: float = 1.0
    connect_timeout: float = 0.5
    clock: Callable[[], float] = time.monotonic
    _checked_at: float | None = None
    _problem: BrokerUnavailableError | None = None
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def fresh(self) -> bool:
        """Whether the last answer may be reused without asking the broker again."""
        checked = self._checked_at
        return checked is not None and self.clock() - checked < self.ttl

    def require(self) -> None:
        """Raise BrokerUnavailableError unless a broker answered within the last ``ttl``."""
        if not self.fresh():
            self.check()
        self.raise_if_down()

    def raise_if_down(self) -> None:
        """Raise the last answer's BrokerUnavailableError, if it was one (never asks)."""
        problem = self._problem
        if problem is not None:
            raise problem

    def check(self) -> None:
        """Ask the broker now (one TCP connect, at most ``connect_timeout``); one caller at a
        time asks, the others wait for its answer."""
        with self._lock:
            if self.fresh():
                return
            try:
                check_reachable(self.settings, timeout=self.connect_timeout)
            except BrokerUnavailableError as exc:
                self._problem = exc
            else:
                self._problem = None
            self._checked_at = self.clock()
