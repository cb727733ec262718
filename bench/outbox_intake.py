"""What the intake outbox costs: contacts per second accepted through ``OutboxPublisher``
(committed to the outbox file, then sent) against ``KafkaPublisher`` publishing directly, in
the same run on the same embedded broker. Two shapes: ``ingest``-style chunks of 1,000 and
API-style one contact per call.

    python -m bench outbox --num 20000 --single 1000
"""

from __future__ import annotations

import argparse
import json
import tempfile
import time
import uuid
from datetime import UTC, datetime
from pathlib import Path

from rich.console import Console
from rich.table import Table

from civicpulse.embedded_broker import EmbeddedBroker
from config import Settings
from contracts import Channel, ContactReceived
from ingest import KafkaPublisher, Outbox, OutboxPublisher, OutboxRelay, Publisher, publish_contacts

console = Console()


def contacts(n: int, run: str) -> list[ContactReceived]:
    now = datetime.now(UTC)
    return [
        ContactReceived(
            contact_id=uuid.uuid5(uuid.NAMESPACE_URL, f"{run}-{i}"),
            received_at=now,
            channel=Channel.web,
            source_system="bench",
            text=f"The street light outside number {i} has been out for a week " * 3,
        )
        for i in range(n)
    ]


def timed(publisher: Publisher, items: list[ContactReceived], chunk: int) -> float:
    started = time.perf_counter()
    for start in range(0, len(items), chunk):
        publish_contacts(publisher, items[start : start + chunk])
    return time.perf_counter() - started


def run(num: int, single: int) -> list[dict[str, object]]:
    rows: list[dict[str, object]] = []
    with EmbeddedBroker() as broker, tempfile.TemporaryDirectory() as tmp:
        settings = Settings(home=Path(tmp), kafka_bootstrap=broker.bootstrap, topic_partitions=4)
        direct = KafkaPublisher(settings, idempotent=False)
        relay = OutboxRelay(
            outbox=Outbox(settings.outbox_file),
            producer_factory=lambda: KafkaPublisher(settings, idempotent=False),
            stored=lambda _t, _ids: set(),
        )
        durable = OutboxPublisher(settings, relay, strict=True)
        shapes: list[tuple[str, int, int]] = [
            ("chunks of 1000", num, 1000),
            ("one per call", single, 1),
        ]
        for shape, count, chunk in shapes:
            publishers: dict[str, Publisher] = {"direct": direct, "outbox": durable}
            timings = {
                name: timed(publisher, contacts(count, f"{name}-{shape}"), chunk)
                for name, publisher in publishers.items()
            }
            rows.append(
                {
                    "shape": shape,
                    "contacts": count,
                    "direct_per_s": round(count / timings["direct"]),
                    "outbox_per_s": round(count / timings["outbox"]),
                    "outbox_vs_direct": round(timings["direct"] / timings["outbox"], 3),
                }
            )
        direct.close()
        relay.stop()
    return rows


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench outbox", description=__doc__)
    parser.add_argument("--num", type=int, default=20000, help="contacts sent in chunks of 1000")
    parser.add_argument("--single", type=int, default=1000, help="contacts sent one per call")
    args = parser.parse_args(argv)
    rows = run(args.num, args.single)
    table = Table(title="Intake: outbox (durable before the acknowledgement) vs direct publish")
    for column in rows[0]:
        table.add_column(column, justify="right")
    for row in rows:
        table.add_row(*(str(v) for v in row.values()))
    console.print(table)
    print(json.dumps(rows))
    return 0
