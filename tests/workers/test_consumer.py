"""The worker's Faust app consumes through the worker's own consumer."""

from __future__ import annotations

import faust

from workers.consumer import use_worker_consumer
from workers.message_drain import InlineCallbackConsumer


def test_the_worker_app_hands_each_message_on_inline() -> None:
    app = faust.App("civicpulse-consumer-test", broker="kafka://127.0.0.1:9")
    use_worker_consumer(app, fetch_wait_seconds=0.05)
    consumer = app.transport.Consumer
    assert issubclass(consumer, InlineCallbackConsumer)
    assert consumer.wait_first is InlineCallbackConsumer.wait_first  # not Faust's race first
