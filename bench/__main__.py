"""``python -m bench <suite>``: see each suite's --help."""

from __future__ import annotations

import sys

SUITES = {
    "alerts": "bench.alerts",
    "worker": "bench.worker_throughput",
    "classifier": "bench.classifier_speed",
    "digest": "bench.digest",
    "embeddings": "bench.embeddings",
    "export": "bench.export_search",
    "reviews": "bench.reviews",
    "families": "bench.families",
    "glm": "bench.glm_statsmodels",
    "tables": "bench.table_reading",
    "redaction": "bench.redaction",
    "redaction-identity": "bench.redaction_identity",
    "outbox": "bench.outbox_intake",
    "startup": "bench.startup",
    "intake": "bench.intake_load",
    "latency": "bench.intake_latency",
    "backfill": "bench.backfill",
    "envelopes": "bench.envelopes",
    "store": "bench.store_growth",
}


def main() -> int:
    if len(sys.argv) < 2 or sys.argv[1] not in SUITES:
        print(f"usage: python -m bench {{{','.join(SUITES)}}} [options]")
        return 2
    module = __import__(SUITES[sys.argv[1]], fromlist=["main"])
    return int(module.main(sys.argv[2:]))


if __name__ == "__main__":
    raise SystemExit(main())
