"""Processes that stop when the process that started them dies, even by SIGKILL (``kill -9``,
the kernel's out-of-memory killer), which gives it no chance to stop them: without this, the
broker, worker and API of a killed ``civicpulse up`` ran on, and the next ``up`` refused to start
beside them. Linux's ``prctl(PR_SET_PDEATHSIG)``; elsewhere nothing (no such call)."""

from __future__ import annotations

import ctypes
import os
import signal
import sys
from collections.abc import Callable
from typing import Any

__all__ = ("stop_with_parent",)

_PR_SET_PDEATHSIG = 1


def _prctl() -> Any:
    if not sys.platform.startswith("linux"):
        return None
    try:
        return ctypes.CDLL(None, use_errno=True).prctl
    except (OSError, AttributeError):
        return None


_PRCTL = _prctl()  # looked up here: a preexec function should do as little as it can


def stop_with_parent() -> Callable[[], None] | None:
    """A ``preexec_fn`` for ``subprocess.Popen``: the child gets SIGTERM (and stops as it would
    on Ctrl-C) when the thread that starts it dies. Start children from the main thread.
    None where the system has no such call."""
    if _PRCTL is None:
        return None
    parent = os.getpid()
    # Built here: between fork and exec the child should allocate as little as it can, since
    # another thread of the parent may have held the allocator's lock at the fork.
    sent = ctypes.c_ulong(signal.SIGTERM)  # the unsigned long the call reads

    def preexec() -> None:
        _PRCTL(_PR_SET_PDEATHSIG, sent)  # best effort: no check
        if os.getppid() != parent:  # the parent died before the call: stop, as it would
            os._exit(1)

    return preexec
