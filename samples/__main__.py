"""``python -m samples starter|demo|export``: regenerate the starter CSV, the demo intake files,
or an export-like benchmark set (a 9-theme feedback survey, a 3-year council CRM export).

The only place in the package that reads arguments or loads reference data.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from config import load_reference_data
from samples import (
    CRM_SEED,
    DEMO_SEED,
    FEEDBACK_SEED,
    STARTER_SEED,
    write_crm_csv,
    write_demo,
    write_feedback_csv,
    write_starter_csv,
)

REPO = Path(__file__).resolve().parents[1]
EXPORTS = REPO / "samples" / "exports"


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
    export = jobs.add_parser("export", help="write an export-like labelled benchmark CSV")
    export.add_argument("kind", choices=("feedback", "crm"))
    export.add_argument("--out", type=Path, help="default: samples/exports/<kind>_export.csv")
    export.add_argument("--seed", type=int, help=f"default: {FEEDBACK_SEED} / {CRM_SEED}")
    args = parser.parse_args(argv)

    reference = load_reference_data(args.config)
    if args.job == "starter":
        rows = write_starter_csv(args.out, reference.taxonomy, args.seed)
        print(f"wrote {rows} rows to {args.out}")
    elif args.job == "export":
        out = args.out or EXPORTS / f"{args.kind}_export.csv"
        if args.kind == "feedback":
            rows = write_feedback_csv(out, FEEDBACK_SEED if args.seed is None else args.seed)
        else:
            seed = CRM_SEED if args.seed is None else args.seed
            rows = write_crm_csv(out, reference.taxonomy, seed)
        print(f"wrote {rows} rows to {out}")
    else:
        for name, count in write_demo(args.out_dir, reference, args.seed).items():
            print(f"wrote {count} records to {args.out_dir / name}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
