"""Proof that a change to redaction changes no output, and what it costs: every text of the
redaction sets, 20,000 contacts of ``bench worker``'s CRM export (with the reporters the parser
builds), the demo CRM exports, and starter texts that mention made-up reporters' own details,
redacted in order; a sha256 over all outputs; CPU µs per contact for each group.

    python -m bench redaction-identity [--save FILE] [--compare FILE] [--against REF]

--save writes the digest and every output (gzipped JSON); --compare reports the first contacts
whose output differs from such a file. --against REF also loads the redaction code of git REF
(``classifiers/redaction.py`` and ``classifiers/_redaction*.py``, a frozen copy beside the
current code), compares every output with it and times both in alternating passes, so that
both figures come from the same minutes of a shared machine.
"""

from __future__ import annotations

import argparse
import csv
import gc
import gzip
import hashlib
import importlib
import json
import random
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from rich.console import Console
from rich.table import Table

from bench.redaction_blind import BLIND2, load_blind
from bench.redaction_corpus import load_set
from bench.worker_throughput import write_export
from classifiers import prepare_redaction, redact_personal_data
from config import load_crm_profiles, load_reference_data
from contracts import ContactReceived, Reporter
from ingest import parse_crm_file, resolve_profile
from samples.people import make_resident, personal_details

REPO = Path(__file__).resolve().parents[1]
console = Console(width=120)
Redactor = Callable[[str, Reporter | None], str]


@dataclass(frozen=True)
class Contact:
    """What the worker redacts for one contact: its subject (if any) and text."""

    group: str
    texts: tuple[str, ...]
    reporter: Reporter | None


def corpus(worker_rows: int, seed: int) -> list[Contact]:
    """Every contact, in a fixed order (the same for every run with the same arguments)."""
    labelled = [Contact("redaction set", (c["text"],), None) for c in load_set()]
    labelled += [Contact("blind set", (c["text"],), None) for c in load_blind()]
    labelled += [Contact("blind set", (c["text"],), None) for c in load_blind(BLIND2, "fresh2")]
    with tempfile.TemporaryDirectory() as work:
        export = Path(work) / "export.csv"
        write_export(export, worker_rows)  # the first rows are `bench worker --num N`'s
        worker = list(_parsed("worker CRM export", export, "verint_council"))
    demo = [
        *_parsed("demo exports", REPO / "samples/demo/crm_export.csv", "verint_council"),
        *_parsed("demo exports", REPO / "samples/demo/housing_trust_export.csv", "housing_trust"),
    ]
    return [*labelled, *worker, *demo, *_reporters_told(seed), *_soups(seed)]


def _parsed(group: str, path: Path, profile_name: str) -> Iterator[Contact]:
    reference = load_reference_data(REPO / "config")
    profile = resolve_profile(profile_name, load_crm_profiles(REPO / "config"))
    for row in parse_crm_file(path, profile=profile, reference=reference):
        if isinstance(row, ContactReceived):
            texts = (row.subject, row.text) if row.subject else (row.text,)
            yield Contact(group, texts, row.reporter)


def _reporters_told(seed: int) -> Iterator[Contact]:
    """Starter texts from made-up residents, some giving their own details or signing with
    their name (in its case, in lower case or by first name), with the reporter's details
    partly known."""
    rng = random.Random(seed)
    with (REPO / "classifiers/data/starter_contacts.csv").open(encoding="utf-8") as handle:
        texts = [row["text"] for row in csv.DictReader(handle)]
    for text in texts:
        resident = make_resident(rng, rng.choice(("Mersey", "Halton Lea", "Appleton")))
        first = resident.name.split()[0]
        if rng.random() < 0.5:
            text += " " + personal_details(rng, resident)
        if rng.random() < 0.2:
            text = f"My name is {resident.name} and {text[:1].lower()}{text[1:]}"
        if rng.random() < 0.5:
            sign = rng.choice((resident.name, resident.name.lower(), first, first.upper()))
            text += rng.choice(("\n\nThanks\n", "\n\nKind regards,\n", " cheers ", "\n-- ")) + sign
        flat = f"Flat {rng.randint(1, 9)}, " if rng.random() < 0.2 else ""
        address = f"{flat}{resident.house}, {resident.town} {resident.postcode}"
        reporter = Reporter(
            name=resident.name if rng.random() < 0.8 else None,
            email=resident.email if rng.random() < 0.6 else None,
            phone=resident.phone if rng.random() < 0.6 else None,
            address=address if rng.random() < 0.5 else None,
        )
        yield Contact("starter texts + reporters", (text,), reporter)


# Words that drive the name passes' branches: names that are words, surnames, particles,
# cues, greetings, closings, places, placeholders, capitals, typos and contractions
_SOUP_WORDS = """
    Grace grace Rose Mark mark Will Hope Ruby ruby Jo jo Li Wei Tendai Moyo Siân Ó Murchú
    Mary-Jo van der Berg de la ap Nic bin O'Brien Smith smith Brown Green Hall Field Weeks
    weeks Over over Good good Bev Dave Tony Okonkwo Dhuibhir Farai Seren Ailsa ailsa Olamide
    dear Dear hi Hi hiya hello Hello called named known as ask tell told said rang speaking
    my son wife neighbour mum partner carer Mr Mrs Dr Nurse Cllr PC Sister thanks Thanks ta
    cheers regards Regards Kind best wishes love thank you to in at on from the a and & I
    me is it's I'm this name Name: here from the council on reception Street Road Park Close
    Victoria Grace Road Cottage House Farm Museum Arte emptied pls theres becouse colection
    Bin Van Le Weeks-Smith mary-jo o'clock it's im I am this is my name is with tell
    JOHN SMITH BINS NOT EMPTIED [name] [phone] [email] [address] DOB born 12/03/1990 07700
    900123 WA7 1AB 14 Oak Street , . ! : ( ) - \\n \\n\\n Friend friend Someone Kids
"""
_SOUP = tuple(word.replace("\\n", "\n") for word in _SOUP_WORDS.split())


def _soups(seed: int, count: int = 10_000) -> Iterator[Contact]:
    """Random runs of the words that drive the name passes' branches, so that rare
    combinations ("Dear Friend,", "Museum de Arte", "[name] Dhuibhir") are compared too."""
    rng = random.Random(seed + 1)
    for _ in range(count):
        words = rng.choices(_SOUP, k=rng.randint(3, 30))
        text = "".join(w if w in ",.!:)" else f" {w}" for w in words).strip()
        text = text.lower() if rng.random() < 0.3 else text  # "called mark smith"
        name = rng.choice((None, "Jo Smith", "Mary-Jo van der Berg", "grace brown"))
        yield Contact("word soups", (text,), Reporter(name=name) if name else None)


def redact_all(contacts: list[Contact], redact: Redactor) -> list[tuple[str, ...]]:
    return [tuple(redact(text, c.reporter) for text in c.texts) for c in contacts]


def digest(outputs: list[tuple[str, ...]]) -> str:
    hashed = hashlib.sha256()
    for texts in outputs:
        for text in texts:
            hashed.update(text.encode("utf-8", "surrogatepass") + b"\x00")
        hashed.update(b"\x01")
    return hashed.hexdigest()


def at_ref(ref: str, into: Path) -> Redactor:
    """``redact_personal_data`` as it was at git ``ref``, imported as a package of its own."""
    listed = subprocess.run(
        ["git", "ls-tree", "--name-only", ref, "classifiers/"],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    package = f"redaction_at_{hashlib.sha1(ref.encode()).hexdigest()[:8]}"
    (into / package).mkdir()
    (into / package / "__init__.py").write_text("", encoding="utf-8")
    for path in listed:
        name = path.removeprefix("classifiers/")
        if name == "redaction.py" or name.startswith("_redaction"):
            source = subprocess.run(
                ["git", "show", f"{ref}:{path}"], cwd=REPO, capture_output=True, check=True
            ).stdout.decode("utf-8")
            source = source.replace("classifiers._redaction", f"{package}._redaction")
            (into / package / name).write_text(source, encoding="utf-8")
    sys.path.insert(0, str(into))
    module = importlib.import_module(f"{package}.redaction")
    module.prepare_redaction()
    redact: Redactor = module.redact_personal_data
    return redact


def cpu_us(contacts: list[Contact], redact: Redactor) -> float:
    """CPU µs per contact for one pass."""
    started = time.process_time()
    redact_all(contacts, redact)
    return (time.process_time() - started) / len(contacts) * 1e6


def first_differences(
    contacts: list[Contact], outputs: list[tuple[str, ...]], expected: list[list[str]], count: int
) -> int:
    """Print the first ``count`` contacts whose outputs differ; return how many differ."""
    differing = [i for i, (a, b) in enumerate(zip(outputs, expected, strict=True)) if list(a) != b]
    for index in differing[:count]:
        contact = contacts[index]
        console.print(f"[bold red]#{index} ({contact.group}), reporter {contact.reporter!r}")
        for text, new, old in zip(contact.texts, outputs[index], expected[index], strict=True):
            console.print(f"  text: {text!r}\n  was:  {old!r}\n  now:  {new!r}", markup=False)
    return len(differing)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench redaction-identity", description=__doc__)
    parser.add_argument("--rows", type=int, default=20_000, help="rows of the worker's export")
    parser.add_argument("--seed", type=int, default=20261203, help="seed of the reporter texts")
    parser.add_argument("--save", type=Path, help="write the digest and outputs here (.json.gz)")
    parser.add_argument("--compare", type=Path, help="compare with outputs saved by --save")
    parser.add_argument("--against", metavar="REF", help="also run the code of this git ref")
    parser.add_argument("--repeat", type=int, default=3, help="timed passes (best one counts)")
    parser.add_argument("--show", type=int, default=5, help="differing contacts to print")
    args = parser.parse_args(argv)
    contacts = corpus(args.rows, args.seed)
    prepare_redaction()
    redactors: dict[str, Redactor] = {"current": redact_personal_data}
    with tempfile.TemporaryDirectory() as frozen:
        if args.against:
            redactors = {args.against: at_ref(args.against, Path(frozen)), **redactors}
        outputs = {name: redact_all(contacts, redact) for name, redact in redactors.items()}
        timings = _timings(contacts, redactors, args.repeat)
    current = outputs["current"]
    console.print(f"{len(contacts):,} contacts; sha256 of the outputs: {digest(current)}")
    differ = 0
    if args.against:
        console.print(f"{args.against}: sha256 {digest(outputs[args.against])}")
        wanted = [list(texts) for texts in outputs[args.against]]
        differ += first_differences(contacts, current, wanted, args.show)
        console.print(f"differing from {args.against}: {differ:,} contacts")
    if args.compare:
        saved = json.loads(gzip.decompress(args.compare.read_bytes()))
        console.print(f"saved in {args.compare}: sha256 {saved['sha256']}")
        found = first_differences(contacts, current, saved["outputs"], args.show)
        console.print(f"differing from {args.compare}: {found:,} contacts")
        differ += found
    if args.save:
        saved_json = json.dumps({"sha256": digest(current), "outputs": current}).encode()
        args.save.write_bytes(gzip.compress(saved_json))
        console.print(f"saved to {args.save}")
    _show(contacts, timings)
    return 1 if differ else 0


def _timings(
    contacts: list[Contact], redactors: dict[str, Redactor], repeat: int
) -> dict[tuple[str, str], float]:
    """Best CPU µs per contact of each redactor on each group, passes alternating (and which
    goes first alternating too). The collector is frozen first: its full collections would
    otherwise walk the name lists and the outputs held, and charge that to whichever pass
    they fall in."""
    groups = {c.group: [d for d in contacts if d.group == c.group] for c in contacts}
    groups["all"] = contacts
    best: dict[tuple[str, str], float] = {}
    gc.collect()
    gc.freeze()
    for round_ in range(repeat):
        for group, members in groups.items():
            order = list(redactors.items())
            for name, redact in order[::-1] if round_ % 2 else order:
                us = cpu_us(members, redact)
                best[name, group] = min(us, best.get((name, group), us))
    return best


def _show(contacts: list[Contact], timings: dict[tuple[str, str], float]) -> None:
    names = list(dict.fromkeys(name for name, _ in timings))
    table = Table(title="Redaction: CPU µs per contact (best pass)")
    table.add_column("group")
    table.add_column("contacts", justify="right")
    for name in names:
        table.add_column(name, justify="right")
    if len(names) == 2:
        table.add_column("ratio", justify="right")
    for group in dict.fromkeys(group for _, group in timings):
        count = len(contacts) if group == "all" else sum(c.group == group for c in contacts)
        cells = [f"{timings[name, group]:.1f}" for name in names]
        if len(names) == 2:
            cells.append(f"{timings[names[0], group] / timings[names[1], group]:.2f}x")
        table.add_row(group, f"{count:,}", *cells)
    console.print(table)
