"""Builds the labelled redaction set: contacts in residents' words with character spans per
entity type, from seeded templates. The held-out part uses other templates and word pools.

    python -m bench.redaction_corpus     # rewrites bench/data/redaction_set.jsonl

``{slot}`` fills a value from ``bench.redaction_values``; ``<<text>>`` marks text that must be
kept (a negative: "HTML only", a council case reference, a date that is not a birth date, a
member of staff thanked by first name, which the redactor keeps by design).
"""

from __future__ import annotations

import json
import random
import re
from pathlib import Path
from typing import Any

from bench.redaction_values import SLOTS, Part
from bench.redaction_words import HELD_OUT, TUNING, Pool

__all__ = ("DATA", "build_set", "load_set")

DATA = Path(__file__).resolve().parent / "data" / "redaction_set.jsonl"
_MARK = re.compile(r"\{(\w+)\}|<<(.+?)>>")

TUNING_TEMPLATES = (
    "Bins not emptied again on {street}.\nthanks, {full}",
    "thanks, {full}",
    "It's {full} here, the street light outside {house} has been out for a week.",
    "My neighbour {full} keeps parking across my drive, reg {vehicle}.",
    "neighbour {first} says the fence is council land. Can someone ring me on {phone}?",
    "Please call {phone} or email {email} about the missed collection at {postcode}.",
    "My son {first} (DOB {dob}) needs a school transport pass. Our postcode is {postcode}.",
    "Applying for a blue badge. DOB {dob}, NI number {nino}.",
    "I was charged twice, card {card}. Please refund to {bank}. Case ref <<{ref}>>.",
    "Subject: <<HTML only>>\nThe newsletter arrives as <<HTML only>> and I cannot read it.",
    "She posts abuse about the staff as {handle}, see {profile}",
    "A van {vehicle} has been dumped on {street} since <<{when}>>.",
    "Hi, I am {full} from {house}, {town} {postcode}. Tel {phone}",
    "Please can {titled} contact me about the planning objection. {email}",
    "Kind regards\n{full}\n{phone}",
    "Cheers {first}",
    "my name is {full} and my dob is {dob}. ni {nino}",
    "The rose bushes on the roundabout need cutting. <<Mark>> the date in the diary.",
    "Your ref <<{ref}>>: still no reply. Contact me at {email} or {phone}.",
    "The green bin at {street}, {town} {postcode} was not collected on <<{when}>>.",
    "Yours sincerely,\n{titled}",
    "Report from {full}, {phone}. Potholes on the A56 near the 2nd exit.",
    "Please find me on facebook ({profile}) or instagram {handle}.",
    "Our daughter {full}, date of birth {dob}, has been refused a place.",
    "Thank you to <<{first}>> in the contact centre, very helpful. <<Case {ref}>>",
    # added with the held-out set's second batch (names where no rule looked)
    "{full}\n{street}\n{town}\n{postcode}\n\nRe: missed bins",
    "I am writing on behalf of {full}, my father, about the blue badge.",
    "{first} and I reported this in March.",
    "Please ask for {full} on {phone}.",
    "Message from {full} <{email}>:",
    "Our landlord {titled} will not fix the damp.",
    # added with the held-out set's third batch
    "My dad, {full}, has waited a year for a ramp.",
    "{full} here, the alley gate is broken again.",
    "Resident: {full}\nStreet: {street}\nTel: {phone}",
    "Written on behalf of {titled} by his son.",
    "The van ({vehicle}) is owned by {full} next door.",
    "Yours, {full} (Mr)",
    # added with the held-out set's fifth batch
    "Hello, {full} here from the top flat. The boiler is off.",
    "Photo attached. {full}, {street}",
    "Please let {full} know the bulky waste date.",
    "Assisted collection for resident {full}, who is 88.",
    "me and {first} have rung every day",
    "Applicant: {full}. Reason: rent arrears.",
    "Signed {full}\n{phone}",
)

HELD_OUT_TEMPLATES = (
    "Fly tipping behind {house} again.\ncheers {full}",
    "regards {full}",
    "Hello it's {full} again about the damp.",
    "My neighbour {full} lets his dog foul the path outside {street}.",
    "neighbour {full} has blocked the alley. Mobile {phone}",
    "Text me on {phone} or write to {email}. Postcode {postcode}.",
    "Our grandson {first} (DOB {dob}) cannot get a bus pass. {postcode}",
    "Free school meals form: D.O.B. {dob}, National Insurance {nino}.",
    "Refund the parking fine to {bank} not card {card}. Your ref <<{ref}>>",
    "Re: <<HTML only>> emails. I only get <<HTML only>> newsletters and my reader fails.",
    "He threatened me online as {handle} ({profile}).",
    "Abandoned car {vehicle} outside {street} since <<{when}>>",
    "This is {full} from {street}, {postcode}. Ring {phone}",
    "Can {titled} phone me back please on {phone}",
    "Many thanks\n{full}\n{email}",
    "thanks {first}",
    "name: {full}\ndob {dob}\nNI no {nino}",
    "The daisy beds in the park are lovely. Well done to <<Drew Park>> staff.",
    "Complaint <<{ref}>> not answered. {email}, {phone}.",
    "Missed brown bin at {street}, {postcode} on <<{when}>>.",
    "Yours faithfully\n{titled}",
    "From {full} ({phone}): the A5080 lights at the 3rd junction are stuck.",
    "Profile: {profile} - handle {handle}",
    "My wife {full}, born {dob}, is housebound.",
    "Big thank you to <<{first}>> at the tip. <<Ref {ref}>>",
    # written after the redactor was tuned, and not tuned on: names where no rule looks
    "{full}\n{street}\n{postcode}\n\nThe street light is out again.",
    "Complaint on behalf of {full} (my mother) about her carers.",
    "{first} and I have waited three weeks for the repair.",
    "Ask for {full} when you call back on {phone}.",
    "email from {full} <{email}> forwarded by reception",
    "My landlord {titled} ignores every letter.",
    # a third batch, written blind after the rules for the second batch: not tuned on
    "Hi\n\nMy mum, {full}, fell on the broken pavement outside {street}. She is 84.",
    "{full} here. Bins missed again, third week running.",
    "Dear Sir or Madam, I am {first}'s carer and she has had no assisted collection.",
    "Sent on behalf of {titled} by her daughter.",
    "Tenant: {full}\nAddress: {street}\nPhone: {phone}",
    "spoke to your colleague yesterday, my name's {first}, still no callback on {phone}",
    "Regards, {full} (Mrs)",
    "The abandoned car ({vehicle}) belongs to {full} at number 12.",
    # the fourth batch (blind until its name recall of 0.396 was measured)
    "To whom it may concern,\nI care for {full} who lives alone at {street}.",
    "{titled}'s hedge is blocking the footpath on {street}.",
    "My ex-partner {full} keeps dumping rubbish in my garden.",
    "Please forward this to the housing officer. Signed, {full}",
    "Contact name {full}, best number {phone}",
    "I'm ringing for my nan {first}, she can't get her bin out.",
    "Cllr {last_name} promised to look into it months ago.",
    "from: {full}\nsent: Monday\nsubject: bins",
    # the fifth batch (blind until its name recall of 0.568 was measured)
    "Hiya, {full} from the flats. The lift is broken again.",
    "I have attached a photo. {full}, {street}",
    "Can you let {full} know the skip permit is ready?",
    "Assisted collection needed - resident {full}, aged 91.",
    "we (me and {first}) have reported this 4 times",
    "Complainant: {full}. Nature of complaint: noise from no. 14.",
    "Signed {full}\n{email}",
    "{full} rang 3 times and nobody called back. Ref <<{ref}>>",
)

# A sixth held-out batch, written blind after every rule and never tuned on; the bench reports
# it on its own ("blind") as the figure to expect from wording nobody has seen. (The fourth
# and fifth batches, now in HELD_OUT_TEMPLATES, were blind until their name recall was
# measured: 0.396 and 0.568; rules followed each.)
BLIND_TEMPLATES = (
    "Good morning, my grandmother {full} has had no post for a fortnight.",
    "Both {full} and her husband are disabled and the ramp is broken.",
    "Re: {full} - housing benefit",
    "I'm a friend of {full} and I'm worried about her.",
    "Mrs {last_name} at number 9 leaves her bins out all week.",
    "Gas smell reported by {full} ({phone}) at 3am.",
    "I called and spoke with someone called {first} who said it would be sorted.",
    "{full}\n{email}\n{phone}",
)

NEGATIVE_TEMPLATES = (
    "The bin was not emptied on Monday and the lid is broken.",
    "Street lights out on the bypass since <<{when}>>.",
    "Council tax account query, case <<{ref}>>.",
    "Subject: <<HTML only>>",
    "Grass verge needs cutting, it is a hazard for drivers. Will you send someone?",
    "I paid £45.50 on <<{when}>> and nobody came.",
    "Potholes on the A56, take the 2nd exit, big ones near the Mark 2 garage.",
    "Please send the leaflet as plain text, not <<HTML only>>.",
    "<<It's Grim>> here, the estate is a mess and nobody cares.",
    "The <<Ivy House>> pub car park floods every time it rains.",
    "Thanks\n<<CCTV>> still not working on the precinct.",
    "I am <<Writing>> again about the <<ASB>> on the green.",
    "My neighbour's <<Rose>> bushes block the path, and my son <<Has>> to walk in the road.",
    "Regards the <<Bin Collection>> Calendar, it has the wrong dates for <<May>>.",
    "Take the <<M56>> to junction 12, then the <<A533>>, the <<B5155>> is shut.",
)


def _fill(template: str, rng: random.Random, pool: Pool) -> list[Part]:
    parts: list[Part] = []
    position = 0
    for mark in _MARK.finditer(template):
        parts.append((template[position : mark.start()], None))
        if mark.group(1):
            parts += SLOTS[mark.group(1)](rng, pool)
        else:  # a kept span; a slot inside it is kept too
            inner = _fill(mark.group(2), rng, pool)
            parts.append(("".join(text for text, _ in inner), "keep"))
        position = mark.end()
    parts.append((template[position:], None))
    return parts


def _contact(parts: list[Part], case: str) -> dict[str, Any]:
    text, spans = "", []
    for value, kind in parts:
        if kind and value:
            spans.append({"start": len(text), "end": len(text) + len(value), "type": kind})
        text += value
    cased = text.lower() if case == "lower" else text.upper() if case == "upper" else text
    if len(cased) != len(text):
        cased = text
    return {"text": cased, "spans": spans}


def build_set(
    count: int = 800, held_out: float = 0.4, seed: int = 20261203
) -> list[dict[str, Any]]:
    """``count`` contacts; the last ``held_out`` share from the held-out templates and pool."""
    rng = random.Random(seed)
    contacts: list[dict[str, Any]] = []
    tuning_count = round(count * (1 - held_out))
    for index in range(count):
        split = "tuning" if index < tuning_count else "held_out"
        templates, pool = (
            (TUNING_TEMPLATES, TUNING)
            if split == "tuning"
            else (HELD_OUT_TEMPLATES + BLIND_TEMPLATES, HELD_OUT)
        )
        template = rng.choice(NEGATIVE_TEMPLATES if rng.random() < 0.12 else templates)
        case = rng.choices(("as is", "lower", "upper"), (0.82, 0.15, 0.03))[0]
        contact = _contact(_fill(template, rng, pool), case)
        blind = template in BLIND_TEMPLATES
        contacts.append(
            {"id": f"{split}-{index:04d}", "split": split, "blind": blind, "case": case, **contact}
        )
    return contacts


def contact_from(template: str, rng: random.Random, pool: Pool) -> dict[str, Any]:
    """One contact from ``template`` in the case its template gives (no case change)."""
    return {"case": "as is", **_contact(_fill(template, rng, pool), "as is")}


def load_set(path: Path = DATA) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def main() -> int:
    from bench.redaction_tuning2 import build_tuning2
    from bench.redaction_word_names import build_word_names

    contacts = build_set() + build_tuning2() + build_word_names()
    DATA.parent.mkdir(parents=True, exist_ok=True)
    with DATA.open("w", encoding="utf-8") as handle:
        for contact in contacts:
            handle.write(json.dumps(contact, ensure_ascii=False) + "\n")
    print(f"wrote {len(contacts)} contacts to {DATA}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
