"""What a CRM export row's cells mean: its cells looked up through the profile's column map,
and the contact type, channel, service, category, partner and ward they name (profile value
maps first, then the taxonomy and reference data). Labels that map to nothing are noted."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any, TypeVar

from config import CONTACT_TYPE_WORDS, CrmProfile, ReferenceData, normalise_label
from contracts import Channel, ContactType
from ingest.errors import IngestError

CHANNEL_WORDS: dict[str, Channel] = {
    **{normalise_label(c.value): c for c in Channel},
    **dict.fromkeys(("telephone", "tel", "call", "phone call", "contact centre"), Channel.phone),
    **dict.fromkeys(("e mail", "mail"), Channel.email),
    **dict.fromkeys(("online", "website", "web form", "webform", "online form"), Channel.web),
    **dict.fromkeys(("face to face", "in person", "walk in", "visit"), Channel.in_person),
    **dict.fromkeys(("post", "letter"), Channel.letter),
    **dict.fromkeys(("social media", "twitter", "facebook"), Channel.social_media),
}


# What a row parsed with but could not place or doubts: (partner | ward | label | early_date,
# value). Never a reject.
Notes = list[tuple[str, str]]
T = TypeVar("T")

REMEMBERED_LABELS = 10_000
"""Labels ``ProfileLabels`` keeps the meaning of; past that it starts again (memory stays flat
whatever an export holds; a real one repeats a few hundred labels)."""


class Cells:
    """One row's cells, looked up by our field names through the column map (each mapped cell
    stripped once, when the row is read: a row's fields are asked for about twenty times)."""

    __slots__ = ("columns", "values")

    def __init__(self, row: Mapping[str, str], columns: Mapping[str, str]) -> None:
        self.columns = columns
        self.values = {name: (row.get(header) or "").strip() for name, header in columns.items()}

    def __call__(self, name: str) -> str:
        return self.values.get(name, "")

    def label(self, name: str) -> str:
        return " ".join(self.values.get(name, "").split())

    def where(self, name: str) -> str:
        header = self.columns.get(name)
        return f"column {header!r}" if header is not None else f"{name} (no column mapped)"


def profile_channel(profile: CrmProfile) -> Channel:
    channel = CHANNEL_WORDS.get(normalise_label(profile.channel))
    if channel is None:
        choices = ", ".join(c.value for c in Channel)
        raise IngestError(f"profile {profile.name!r}: channel {profile.channel!r} not in {choices}")
    return channel


def contact_type_of(value: str, profile: CrmProfile) -> ContactType | None:
    if not value:
        return None
    mapped = profile.value_map("contact_type").get(normalise_label(value))
    if mapped == "":
        return None
    word = normalise_label(mapped if mapped is not None else value)
    found = CONTACT_TYPE_WORDS.get(word)
    if found is not None:
        return found
    if mapped is not None:
        raise ValueError(f"profile maps contact type {value!r} to {mapped!r}, not a contact type")
    known = ", ".join([*(t.value for t in ContactType), *profile.values.get("contact_type", {})])
    raise ValueError(f"unknown contact type {value!r} (known: {known})")


def channel_of(value: str, profile: CrmProfile, notes: Notes) -> Channel:
    if value:
        mapped = profile.value_map("channel").get(normalise_label(value), value)
        found = CHANNEL_WORDS.get(normalise_label(mapped))
        if found is not None:
            return found
        notes.append(("label", f"channel: {value}"))
    return profile_channel(profile)


def service_and_category(
    cells: Cells, profile: CrmProfile, reference: ReferenceData, notes: Notes
) -> tuple[str | None, str | None]:
    """Profile value maps first, then taxonomy names and aliases; a known category decides
    the service. Labels that map to nothing are noted and left as None."""
    tax = reference.taxonomy
    service = _label(cells.label("service"), "service", profile, tax.resolve_service, notes)
    category = _label(cells.label("category"), "category", profile, tax.resolve_category, notes)
    if category is not None:
        service = tax.service_of_category.get(category, service)
    return service, category


def _label(
    value: str, name: str, profile: CrmProfile, resolve: Callable[[str], str | None], notes: Notes
) -> str | None:
    if not value:
        return None
    mapped = profile.value_map(name).get(normalise_label(value))
    if mapped == "":  # the profile says: this label means nothing to us, and that is fine
        return None
    found = resolve(mapped if mapped is not None else value)
    if found is None:
        notes.append(("label", f"{name}: {value}"))
    return found


def known_or_given(
    name: str, cells: Cells, resolve: Callable[[str], str | None], notes: Notes
) -> str | None:
    """The canonical partner id or ward name for a cell, else the cell as given (noted)."""
    value = cells.label(name)
    found = resolve(value) if value else None
    if value and found is None:
        notes.append((name, value))
    return found or value or None


def default_partner(profile: CrmProfile, reference: ReferenceData) -> str | None:
    default = profile.partner or reference.default_partner
    return (reference.resolve_partner(default) or default) if default else None


class ProfileLabels:
    """What labels mean under one profile and reference data, each label worked out once.

    The same functions as above, remembered by (field, label) with the notes they made and the
    ValueError they raised: an export repeats a few hundred labels over a million rows, and
    normalising and resolving every label of every row was a third of the parse (profiled).
    """

    def __init__(self, profile: CrmProfile, reference: ReferenceData) -> None:
        self.profile, self.reference = profile, reference
        self._known: dict[tuple[str, str], tuple[Any, tuple[tuple[str, str], ...], str | None]]
        self._known = {}

    def contact_type(self, value: str) -> ContactType | None:
        """``contact_type_of``; raises ValueError."""
        return self._remember(
            "contact_type", value, [], lambda _: contact_type_of(value, self.profile)
        )

    def channel(self, value: str, notes: Notes) -> Channel:
        """``channel_of``."""
        return self._remember(
            "channel", value, notes, lambda noted: channel_of(value, self.profile, noted)
        )

    def service_and_category(self, cells: Cells, notes: Notes) -> tuple[str | None, str | None]:
        """``service_and_category``."""
        tax = self.reference.taxonomy
        service = self._remember(
            "service",
            cells.label("service"),
            notes,
            lambda noted: _label(
                cells.label("service"), "service", self.profile, tax.resolve_service, noted
            ),
        )
        category = self._remember(
            "category",
            cells.label("category"),
            notes,
            lambda noted: _label(
                cells.label("category"), "category", self.profile, tax.resolve_category, noted
            ),
        )
        if category is not None:
            service = tax.service_of_category.get(category, service)
        return service, category

    def partner(self, cells: Cells, notes: Notes) -> str | None:
        """``known_or_given`` for the partner, else the profile's (or reference's) default."""
        given = self._remember(
            "partner",
            cells.label("partner"),
            notes,
            lambda noted: known_or_given("partner", cells, self.reference.resolve_partner, noted),
        )
        return given or self._remember(
            "default_partner", "", notes, lambda _: default_partner(self.profile, self.reference)
        )

    def ward(self, cells: Cells, notes: Notes) -> str | None:
        """``known_or_given`` for the ward."""
        return self._remember(
            "ward",
            cells.label("ward"),
            notes,
            lambda noted: known_or_given("ward", cells, self.reference.resolve_ward, noted),
        )

    def _remember(self, field: str, value: str, notes: Notes, work: Callable[[Notes], T]) -> T:
        """``work(notes)`` for this label, the first time worked out and then remembered."""
        known = self._known.get((field, value))
        if known is None:
            noted: Notes = []
            try:
                known = (work(noted), tuple(noted), None)
            except ValueError as exc:
                known = (None, (), str(exc))
            if len(self._known) >= REMEMBERED_LABELS:
                self._known.clear()
            self._known[(field, value)] = known
        result, noted_before, problem = known
        if problem is not None:
            raise ValueError(problem)
        notes.extend(noted_before)
        return result  # type: ignore[return-value]  # None only with a problem, raised above
