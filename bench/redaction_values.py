"""Seeded generators of labelled personal-data values for the redaction set: each returns the
parts of a value, each part with its entity type (``None`` for plain words around it)."""

from __future__ import annotations

import random
import unicodedata
from collections.abc import Callable

from bench.redaction_words import Pool

__all__ = ("SLOTS", "Part", "Slot")

Part = tuple[str, str | None]
Slot = Callable[[random.Random, Pool], list[Part]]
_LETTERS = "ABCDEFGHJKLMNPRSTUVWXY"
_NINO_FIRST = "ABCEGHJKLMNOPRSTWXYZ"
_NINO_SECOND = "ABCEGHJKLMNPRSTWXYZ"
_MONTHS = "January February March April May June July August September October November December"


def _digits(rng: random.Random, count: int) -> str:
    return "".join(rng.choice("0123456789") for _ in range(count))


def _first(rng: random.Random, pool: Pool) -> str:
    return rng.choice(pool.word_first if rng.random() < 0.15 else pool.first)


def _last(rng: random.Random, pool: Pool) -> str:
    return rng.choice(pool.word_last if rng.random() < 0.15 else pool.last)


def full(rng: random.Random, pool: Pool) -> list[Part]:
    return [(f"{_first(rng, pool)} {_last(rng, pool)}", "name")]


def first(rng: random.Random, pool: Pool) -> list[Part]:
    return [(_first(rng, pool), "name")]


def last_name(rng: random.Random, pool: Pool) -> list[Part]:
    return [(_last(rng, pool), "name")]


def titled(rng: random.Random, pool: Pool) -> list[Part]:
    title = rng.choice(("Mr", "Mrs", "Ms", "Miss", "Dr", "mrs", "Mr."))
    name = _last(rng, pool) if rng.random() < 0.6 else f"{_first(rng, pool)} {_last(rng, pool)}"
    return [(f"{title} {name}", "name")]


def _ascii(text: str) -> str:
    """Addresses and handles are ASCII: "Wiśniewski" is written "wisniewski" in them."""
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().replace("'", "")


def email(rng: random.Random, pool: Pool) -> list[Part]:
    f, last = _ascii(_first(rng, pool).lower()), _ascii(_last(rng, pool).lower())
    local = rng.choice(
        (f"{f}.{last}", f"{f}{last}{_digits(rng, 2)}", f"{f[0]}.{last}", f"{f}_{last}")
    )
    value = f"{local}@{rng.choice(pool.domains)}"
    return [(value.upper() if rng.random() < 0.05 else value, "email")]


def phone(rng: random.Random, _: Pool) -> list[Part]:
    mobile = "7" + rng.choice("12345789") + _digits(rng, 8)
    area, local = rng.choice((("1928", 6), ("151", 7), ("20", 8), ("161", 7), ("1244", 6)))
    line = _digits(rng, 1).replace("0", "5") + _digits(rng, local - 1)
    forms = (
        f"0{mobile[:4]} {mobile[4:]}",
        f"0{mobile}",
        f"0{mobile[:4]} {mobile[4:7]} {mobile[7:]}",
        f"0{mobile[:4]}-{mobile[4:]}",
        f"+44 {mobile[:4]} {mobile[4:]}",
        f"+44{mobile}",
        f"+44 (0){mobile[:4]} {mobile[4:]}",
        f"0044 {mobile[:4]} {mobile[4:]}",
        f"(0{area}) {line}",
        f"0{area} {line}",
        f"0{area}-{line}",
        f"0{area}{line}",
        f"+44 {area} {line}",
        f"0{area} {line[:3]} {line[3:]}",
    )
    return [(rng.choice(forms), "phone")]


def postcode(rng: random.Random, pool: Pool) -> list[Part]:
    inward = (
        _digits(rng, 1) + rng.choice("ABDEFGHJLNPQRSTUWXYZ") + rng.choice("ABDEFGHJLNPQRSTUWXYZ")
    )
    outward = rng.choice(pool.outward)
    value = rng.choice((f"{outward} {inward}", f"{outward}{inward}", f"{outward}  {inward}"))
    return [(value.lower() if rng.random() < 0.25 else value, "postcode")]


def nino(rng: random.Random, _: Pool) -> list[Part]:
    prefix = rng.choice(_NINO_FIRST) + rng.choice(_NINO_SECOND)
    if prefix in ("BG", "GB", "KN", "NK", "NT", "TN", "ZZ"):
        prefix = "JH"
    d, suffix = _digits(rng, 6), rng.choice("ABCD")
    forms = (
        f"{prefix} {d[:2]} {d[2:4]} {d[4:]} {suffix}",
        f"{prefix}{d}{suffix}",
        f"{prefix} {d} {suffix}",
    )
    value = rng.choice(forms)
    return [(value.lower() if rng.random() < 0.2 else value, "nino")]


def card(rng: random.Random, _: Pool) -> list[Part]:
    body = rng.choice("45") + _digits(rng, 14)
    total = 0
    for index, char in enumerate(reversed(body)):
        value = int(char) * (2 if index % 2 == 0 else 1)
        total += value - 9 if value > 9 else value
    number = body + str((10 - total % 10) % 10)
    sep = rng.choice((" ", "-", ""))
    return [(sep.join(number[i : i + 4] for i in range(0, 16, 4)), "card")]


def bank(rng: random.Random, _: Pool) -> list[Part]:
    code, account = _digits(rng, 6), _digits(rng, 8)
    shown = rng.choice(
        (f"{code[:2]}-{code[2:4]}-{code[4:]}", f"{code[:2]} {code[2:4]} {code[4:]}", code)
    )
    return [("sort code ", None), (shown, "bank"), (rng.choice((", account ", " acc no ")), None),
            (account, "bank")]  # fmt: skip


def vehicle(rng: random.Random, _: Pool) -> list[Part]:
    area = rng.choice(_LETTERS) + rng.choice(_LETTERS)
    age, tail = rng.choice(("12", "65", "19", "70", "23", "08")), "".join(rng.sample(_LETTERS, 3))
    forms = (
        f"{area}{age} {tail}",
        f"{area}{age}{tail}",
        f"{rng.choice(_LETTERS)}{_digits(rng, 3)} {tail}",
    )
    value = rng.choice(forms)
    return [(value.lower() if rng.random() < 0.2 else value, "vehicle")]


def dob(rng: random.Random, _: Pool) -> list[Part]:
    day, month, year = rng.randint(1, 28), rng.randint(1, 12), rng.randint(1935, 2022)
    forms = (
        f"{day:02d}/{month:02d}/{year}",
        f"{day}/{month}/{year % 100:02d}",
        f"{day:02d}.{month:02d}.{year}",
        f"{day:02d}-{month:02d}-{year}",
        f"{day} {_MONTHS.split()[month - 1]} {year}",
    )
    return [(rng.choice(forms), "dob")]


def handle(rng: random.Random, pool: Pool) -> list[Part]:
    base = _first(rng, pool).lower() + rng.choice(("_", "", ".")) + _last(rng, pool).lower()
    return [("@" + _ascii(base) + rng.choice(("", _digits(rng, 2))), "social")]


def profile(rng: random.Random, pool: Pool) -> list[Part]:
    base = _ascii(f"{_first(rng, pool).lower()}.{_last(rng, pool).lower()}")
    scheme = rng.choice(("https://www.", "https://", "www.", ""))
    return [(f"{scheme}{rng.choice(pool.networks)}/{base}{_digits(rng, 1)}", "social")]


def house(rng: random.Random, pool: Pool) -> list[Part]:
    return [(rng.choice(pool.houses), "address")]


def street(rng: random.Random, pool: Pool) -> list[Part]:
    kind = rng.choice(("Street", "Road", "Close", "Avenue", "Lane", "Drive"))
    return [(f"{rng.randint(1, 140)} {rng.choice(pool.streets)} {kind}", "address")]


def town(rng: random.Random, pool: Pool) -> list[Part]:
    return [(rng.choice(pool.towns), None)]


def council_ref(rng: random.Random, _: Pool) -> list[Part]:
    forms = (
        f"CR-2024-{_digits(rng, 6)}",
        f"WST/{_digits(rng, 6)}",
        f"ENQ{_digits(rng, 7)}",
        _digits(rng, 8),
    )
    return [(rng.choice(forms), "keep")]


def when(rng: random.Random, _: Pool) -> list[Part]:
    return [(f"{rng.randint(1, 28):02d}/{rng.randint(1, 12):02d}/2025", "keep")]


def full_upper(rng: random.Random, pool: Pool) -> list[Part]:
    return [(text.upper(), kind) for text, kind in full(rng, pool)]


def initial_last(rng: random.Random, pool: Pool) -> list[Part]:
    initial = _first(rng, pool)[0] + rng.choice((".", ""))
    return [(f"{initial} {_last(rng, pool)}", "name")]


def full_lower(rng: random.Random, pool: Pool) -> list[Part]:
    return [(text.lower(), kind) for text, kind in full(rng, pool)]


def first_lower(rng: random.Random, pool: Pool) -> list[Part]:
    return [(text.lower(), kind) for text, kind in first(rng, pool)]


SLOTS: dict[str, Slot] = {
    "full": full,
    "first": first,
    "full_lower": full_lower,
    "full_upper": full_upper,
    "initial_last": initial_last,
    "first_lower": first_lower,
    "titled": titled,
    "last_name": last_name,
    "email": email,
    "phone": phone,
    "postcode": postcode,
    "nino": nino,
    "card": card,
    "bank": bank,
    "vehicle": vehicle,
    "dob": dob,
    "handle": handle,
    "profile": profile,
    "house": house,
    "street": street,
    "town": town,
    "ref": council_ref,
    "when": when,
}
