"""The worker's heap: what it loads at start (the model's vocabulary, the redaction gazetteers,
Faust, SQLAlchemy: about 340,000 objects) lives as long as the process, and Python's cyclic
garbage collector would walk all of it again and again while batches allocate. Measured on a
6,000-contact run of the batch function: collections took 810 ms of CPU, about 135 µs a
contact (a fifth of it); with the start-up objects frozen and a larger first generation, 76 ms.

Below Python, glibc's allocator gives each new thread an arena of its own (up to eight per
core), and an arena keeps the high-water mark of the batches its thread ran. The worker's
batches run on several executor threads, so its resident memory crept up by one batch's peak
each time another thread took a batch: +17 MB over a million back-filled rows. With two
arenas, +5 MB at the same speed (bench/PROFILE.md).
"""

from __future__ import annotations

import ctypes
import ctypes.util
import gc
import sys

FIRST_GENERATION = 10_000
"""Allocations between young collections (Python's default is 700): a batch of 2,000 contacts
allocates hundreds of thousands of short-lived objects, freed by reference counting anyway."""


def freeze_long_lived_objects() -> None:
    """Move every object alive now out of the collector's reach (``gc.freeze``): call once the
    model and everything else loaded at start are in place, and again after loading another
    model. Frozen objects are still freed by reference counting when nothing holds them."""
    gc.collect()
    gc.freeze()
    gc.set_threshold(FIRST_GENERATION, *gc.get_threshold()[1:])


MALLOC_ARENAS = 2
_M_ARENA_MAX = -8  # glibc's mallopt parameter (malloc.h)


def limit_malloc_arenas(arenas: int = MALLOC_ARENAS) -> bool:
    """Cap glibc's malloc arenas for threads started from now on, as ``MALLOC_ARENA_MAX`` would
    (call before the worker starts its threads). False where the C library is not glibc."""
    if not sys.platform.startswith("linux"):
        return False
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6")
        mallopt = libc.mallopt
    except (OSError, AttributeError):
        return False  # a C library without mallopt: nothing to cap
    return bool(mallopt(_M_ARENA_MAX, arenas))
