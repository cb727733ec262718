"""The worker freezes what it loaded at start, so the collector stops walking it."""

from __future__ import annotations

import gc
import platform
import subprocess
import sys
import weakref
from collections.abc import Iterator
from pathlib import Path

import pytest

from workers import freeze_long_lived_objects
from workers.heap import FIRST_GENERATION, MALLOC_ARENAS


@pytest.fixture()
def collector_restored() -> Iterator[None]:
    threshold = gc.get_threshold()
    yield
    gc.unfreeze()
    gc.set_threshold(*threshold)


@pytest.mark.usefixtures("collector_restored")
def test_objects_alive_at_the_call_are_out_of_the_collectors_reach() -> None:
    loaded = [{"word": n} for n in range(50_000)]  # a vocabulary, say
    freeze_long_lived_objects()
    assert gc.get_freeze_count() >= len(loaded)
    tracked = {id(o) for o in gc.get_objects()}
    assert not any(id(o) in tracked for o in loaded[:100])
    assert gc.get_threshold()[0] == FIRST_GENERATION


class OldModel:
    pass


@pytest.mark.usefixtures("collector_restored")
def test_a_frozen_model_no_longer_held_is_still_freed() -> None:
    model = OldModel()
    held = weakref.ref(model)
    freeze_long_lived_objects()
    del model  # a promoted model replaced it
    assert held() is None


# Six threads each allocate (above pymalloc's 512-byte objects, so from glibc) and hold it
# while glibc's ``malloc_stats`` prints one "Arena N:" block per arena to stderr.
_ARENA_PROBE = """
import ctypes, sys, threading
from workers.heap import limit_malloc_arenas
if sys.argv[1] == "limit":
    assert limit_malloc_arenas()
barrier = threading.Barrier(7)
def allocate():
    held = [bytearray(4096) for _ in range(100)]
    barrier.wait()
    barrier.wait()
threads = [threading.Thread(target=allocate) for _ in range(6)]
for thread in threads:
    thread.start()
barrier.wait()
ctypes.CDLL("libc.so.6").malloc_stats()
barrier.wait()
"""


def _arenas(mode: str) -> int:
    done = subprocess.run(
        [sys.executable, "-c", _ARENA_PROBE, mode],
        capture_output=True,
        text=True,
        check=True,
        cwd=Path(__file__).resolve().parents[2],
    )
    return sum(line.startswith("Arena ") for line in done.stderr.splitlines())


@pytest.mark.skipif(platform.libc_ver()[0] != "glibc", reason="glibc's per-thread arenas")
def test_worker_threads_share_two_malloc_arenas_instead_of_one_each() -> None:
    assert _arenas("default") > MALLOC_ARENAS  # what the worker's threads would get
    assert _arenas("limit") <= MALLOC_ARENAS
