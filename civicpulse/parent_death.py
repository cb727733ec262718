"""Processes that stop when the process that started them dies, even by SIGKILL (``kill -9``,
the kernel's out-of-memory killer), which gives it no chance to stop them: without this, the
broker, worker and API of a killed ``civicpulse up`` ran on, and the next ``up`` refused to start
beside them. Linux's ``prctl(PR_SET_PDEATHSIG)``; elsewhere nothing (no such call).

The call is made by the child itself: ``stopping_with_parent(argv)`` starts this module, which
asks for SIGTERM on its parent's death and then becomes ``argv`` (``exec`` keeps the request).
A ``preexec_fn`` would make ``subprocess`` run Python's fork hooks in the parent, and a Ctrl-C
that arrives during one of them is printed as ignored instead of raised (measured: one demo
in four went on after SIGTERM)."""

from __future__ import annotations

import ctypes
import os
import signal
import sys

__all__ = ("stopping_with_parent",)

_PR_SET_PDEATHSIG = 1


def stopping_with_parent(argv: list[str]) -> list[str]:
    """``argv`` started so that it gets SIGTERM (and stops as on Ctrl-C) when the thread that
    starts it dies: start children from the main thread. ``argv`` itself where the system has
    no such call."""
    if not sys.platform.startswith("linux"):
        return argv
    return [sys.executable, "-m", "civicpulse.parent_death", str(os.getpid()), *argv]


def _become(parent: int, argv: list[str]) -> None:
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(_PR_SET_PDEATHSIG, ctypes.c_ulong(signal.SIGTERM))
    except (OSError, AttributeError):
        pass  # best effort: run without it
    if os.getppid() != parent:  # the parent died before the call: stop, as it would have
        sys.exit(1)
    os.execv(argv[0], argv)


if __name__ == "__main__":
    _become(int(sys.argv[1]), sys.argv[2:])
