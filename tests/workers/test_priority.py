"""LiveFirst: contacts are stored one batch at a time, and a waiting live batch goes before
any waiting back-fill chunk."""

from __future__ import annotations

import threading
import time

from workers.priority import LiveFirst


def wait_for(check: object, timeout: float = 10.0) -> None:
    deadline = time.monotonic() + timeout
    while not check():  # type: ignore[operator]
        assert time.monotonic() < deadline
        time.sleep(0.01)


def test_a_waiting_live_batch_goes_before_waiting_bulk_chunks() -> None:
    gate = LiveFirst()
    order: list[str] = []
    release_first = threading.Event()

    def first_bulk() -> None:
        with gate.bulk():
            order.append("bulk 1 start")
            release_first.wait(10)
            order.append("bulk 1 end")

    def work(kind: str, name: str) -> None:
        with getattr(gate, kind)():
            order.append(name)

    holder = threading.Thread(target=first_bulk)
    holder.start()
    wait_for(lambda: order == ["bulk 1 start"])
    waiting_bulk = threading.Thread(target=work, args=("bulk", "bulk 2"))
    waiting_bulk.start()
    time.sleep(0.05)  # bulk 2 queues first ...
    live = threading.Thread(target=work, args=("live", "live"))
    live.start()
    wait_for(lambda: gate._live_waiting == 1)  # ... then a live batch arrives
    assert order == ["bulk 1 start"]  # nothing runs beside the batch being stored
    release_first.set()
    for thread in (holder, waiting_bulk, live):
        thread.join(10)
    assert order == ["bulk 1 start", "bulk 1 end", "live", "bulk 2"]


def test_live_batches_are_exclusive_too() -> None:
    gate = LiveFirst()
    inside, most = 0, 0
    lock = threading.Lock()

    def live() -> None:
        nonlocal inside, most
        with gate.live():
            with lock:
                inside += 1
                most = max(most, inside)
            time.sleep(0.01)
            with lock:
                inside -= 1

    threads = [threading.Thread(target=live) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(10)
    assert most == 1
