"""What a CRM export row's cells mean: its cells looked up through the profile's column map,
and the contact type, channel, service, category, partner and ward they name (profile value
maps first, then the taxonomy and reference data). Labels that map to nothing are noted."""

from __future__ import annotations

from collections.abc import Callable, Mapping

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


class Cells:
    """One row's cells, looked up by our field names through the column map."""

    def __init__(self, row: Mapping[str, str], columns: Mapping[str, str]) -> None:
        self.row, self.columns = row, columns

    def __call__(self, name: str) -> str:
        header = self.columns.get(name)
        return (self.row.get(header) or "").strip() if header is not None else ""

    def label(self, name: str) -> str:
        return " ".join(self(name).split())

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
