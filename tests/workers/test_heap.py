"""The worker freezes what it loaded at start, so the collector stops walking it."""

from __future__ import annotations

import gc
import weakref
from collections.abc import Iterator

import pytest

from workers import freeze_long_lived_objects
from workers.heap import FIRST_GENERATION


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
