"""How long the worker's Kafka consumer lets the broker hold a fetch that has no records yet.

Faust builds its aiokafka consumer with ``fetch_max_wait_ms=1500``, not configurable. The
embedded broker holds an aiokafka fetch for that long even once records arrive (measured:
accepted to consumed, p50 397 ms at 1500 ms, 141 ms at 500 ms, 17 ms at 100 ms), which was
most of a live contact's wait from POST to stored. This swaps in a transport whose consumer
is Faust's own with only that wait changed (``CIVICPULSE_WORKER_FETCH_WAIT_SECONDS``). Under
load a fetch finds records at once, so throughput does not depend on it; idle, the consumer
asks the broker more often (20 times a second at 50 ms), which costs next to nothing.
"""

from __future__ import annotations

import asyncio
from typing import Any

import faust
from faust.transport.drivers import aiokafka as faust_aiokafka


def use_fetch_wait(app: faust.App, seconds: float) -> None:
    """Make ``app``'s consumer let a fetch wait at most ``seconds`` (before its first use)."""
    wait_ms = max(1, round(seconds * 1000))

    class ConsumerThread(faust_aiokafka.AIOKafkaConsumerThread):
        def _create_consumer(self, loop: asyncio.AbstractEventLoop) -> Any:
            consumer = super()._create_consumer(loop)
            consumer._fetch_max_wait_ms = wait_ms  # read by start(), which builds the fetcher
            return consumer

    class Consumer(faust_aiokafka.Consumer):
        def _new_consumer_thread(self) -> ConsumerThread:
            return ConsumerThread(self, loop=self.loop, beacon=self.beacon)

    class Transport(faust_aiokafka.Transport):
        pass

    Transport.Consumer = Consumer
    app.transport = Transport(app.conf.broker_consumer, app)
