"""The worker's Kafka consumer: Faust's own, with two changes.

- **How long a fetch may wait.** Faust builds its aiokafka consumer with
  ``fetch_max_wait_ms=1500``, not configurable. The embedded broker holds an aiokafka fetch
  for that long even once records arrive (measured: accepted to consumed, p50 397 ms at
  1500 ms, 141 ms at 500 ms, 17 ms at 100 ms), which was most of a live contact's wait from
  POST to stored. Here the wait is ``CIVICPULSE_WORKER_FETCH_WAIT_SECONDS``. Under load a
  fetch finds records at once, so throughput does not depend on it; idle, the consumer asks
  the broker more often (20 times a second at 50 ms), which costs next to nothing.
- **Each message handed on inline** where nothing has to wait (``workers.message_drain``).
"""

from __future__ import annotations

import asyncio
from typing import Any

import faust
from faust.transport.drivers import aiokafka as faust_aiokafka

from workers.message_drain import InlineCallbackConsumer


def use_worker_consumer(app: faust.App, fetch_wait_seconds: float) -> None:
    """Give ``app`` this consumer (before its first use), letting a fetch wait at most
    ``fetch_wait_seconds``."""
    wait_ms = max(1, round(fetch_wait_seconds * 1000))

    class ConsumerThread(faust_aiokafka.AIOKafkaConsumerThread):
        def _create_consumer(self, loop: asyncio.AbstractEventLoop) -> Any:
            consumer = super()._create_consumer(loop)
            consumer._fetch_max_wait_ms = wait_ms  # read by start(), which builds the fetcher
            return consumer

    class Consumer(InlineCallbackConsumer, faust_aiokafka.Consumer):
        def _new_consumer_thread(self) -> ConsumerThread:
            return ConsumerThread(self, loop=self.loop, beacon=self.beacon)

    class Transport(faust_aiokafka.Transport):
        pass

    Transport.Consumer = Consumer
    app.transport = Transport(app.conf.broker_consumer, app)
