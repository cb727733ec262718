"""``python -m samples starter|demo``: regenerate the starter CSV or the demo intake files.

The only place in the package that reads arguments or loads reference data.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from config import load_reference_data
from samples import DEMO_SEED, STARTER_SEED, write_demo, write_starter_csv

REPO = Path(__file__).resolve().parents[1]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m samples", description=__doc__)
    parser.add_argument("--config", type=Path, default=REPO / "config", help="reference data")
    jobs = parser.add_subparsers(dest="job", required=True)
    starter = jobs.add_parser("starter", help="write the labelled starter training CSV")
    starter.add_argument("--out", type=Path, default=REPO / "classifiers/data/starter_contacts.csv")
    starter.add_argument("--seed", type=int, default=STARTER_SEED)
    demo = jobs.add_parser("demo", help="write samples/demo/webforms.json and ratings.json")
    demo.add_argument("--out-dir", type=Path, default=REPO / "samples/demo")
    demo.add_argument("--seed", type=int, default=DEMO_SEED)
    args = parser.parse_args(argv)

    reference = load_reference_data(args.config)
    if args.job == "starter":
        rows = write_starter_csv(args.out, reference.taxonomy, args.seed)
        print(f"wrote {rows} rows to {args.out}")
    else:
        for name, count in write_demo(args.out_dir, reference, args.seed).items():
            print(f"wrote {count} records to {args.out_dir / name}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
