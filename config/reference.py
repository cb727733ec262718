"""Reference data a council edits as YAML: service taxonomy, partners, wards, CRM profiles.

Loaded by entry points and passed down like settings. Lookups are forgiving about case,
spacing and punctuation, because source systems spell things their own way.
"""

from __future__ import annotations

import html
import re
from functools import cached_property
from pathlib import Path
from typing import Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, PrivateAttr, ValidationError

from contracts import ContactType, PipelineError

CRM_FIELDS: tuple[str, ...] = (
    "source_ref",
    "received_at",
    "channel",
    "partner",
    "contact_type",
    "service",
    "category",
    "subject",
    "text",
    "ward",
    "postcode",
    "reporter_name",
    "reporter_email",
    "reporter_phone",
    "reporter_address",
    # Optional case lifecycle columns (ingest.sources.crm_lifecycle).
    "acknowledged_at",
    "responded_at",
    "closed_at",
    "stage",
    "outcome",
)


class ReferenceDataError(PipelineError):
    """A reference-data file is missing or does not describe what it should."""


_NOT_LABEL = re.compile(r"[^a-z0-9]+")


def normalise_label(text: str) -> str:
    """Case-, space- and punctuation-insensitive form of a label, for lookups. HTML character
    references are read first: an escaped export's "St Mary&#039;s" is the ward "St Mary's"."""
    return _NOT_LABEL.sub(" ", html.unescape(text).lower()).strip()


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class CategoryDefinition(_Frozen):
    id: str
    name: str
    aliases: tuple[str, ...] = ()


class ServiceDefinition(_Frozen):
    id: str
    name: str
    lgsl: int | None = None
    aliases: tuple[str, ...] = ()
    categories: tuple[CategoryDefinition, ...]


class Taxonomy(_Frozen):
    """Services and their categories; category ids are unique across services."""

    services: tuple[ServiceDefinition, ...]

    @cached_property
    def _service_lookup(self) -> dict[str, str]:
        lookup: dict[str, str] = {}
        for service in self.services:
            for label in (service.id, service.name, *service.aliases):
                lookup.setdefault(normalise_label(label), service.id)
        return lookup

    @cached_property
    def _category_lookup(self) -> dict[str, str]:
        lookup: dict[str, str] = {}
        for service in self.services:
            for category in service.categories:
                for label in (category.id, category.name, *category.aliases):
                    lookup.setdefault(normalise_label(label), category.id)
        return lookup

    @cached_property
    def service_of_category(self) -> dict[str, str]:
        return {c.id: s.id for s in self.services for c in s.categories}

    @property
    def service_ids(self) -> tuple[str, ...]:
        return tuple(s.id for s in self.services)

    def service(self, service_id: str) -> ServiceDefinition:
        for service in self.services:
            if service.id == service_id:
                return service
        raise KeyError(service_id)

    def resolve_service(self, label: str) -> str | None:
        return self._service_lookup.get(normalise_label(label))

    def resolve_category(self, label: str) -> str | None:
        return self._category_lookup.get(normalise_label(label))

    def service_name(self, service_id: str) -> str:
        try:
            return self.service(service_id).name
        except KeyError:
            return service_id


class Partner(_Frozen):
    id: str
    name: str
    aliases: tuple[str, ...] = ()
    email_domains: tuple[str, ...] = ()


class Ward(_Frozen):
    name: str
    population: int | None = None


class CrmProfile(_Frozen):
    """How one source system's CSV export maps onto our fields."""

    name: str
    source_system: str
    description: str = ""
    channel: str = "crm_export"
    partner: str | None = None
    date_format: Literal["dayfirst", "monthfirst", "iso"] | str = "dayfirst"
    encoding: str | None = None
    delimiter: str | None = None
    columns: dict[str, str] = Field(default_factory=dict)
    values: dict[str, dict[str, str]] = Field(default_factory=dict)

    # ``values`` keyed by normalised label, with the ``values`` object it was built from: built
    # at construction (so equal profiles stay equal) and again after a ``model_copy`` that
    # replaced ``values``. It is read for every row of an export.
    _value_maps: tuple[object, dict[str, dict[str, str]]] | None = PrivateAttr(default=None)

    def model_post_init(self, context: Any, /) -> None:
        self._value_maps = (self.values, self._build_value_maps())

    def value_map(self, field: str) -> dict[str, str]:
        """``values[field]`` keyed by normalised label."""
        cached = self._value_maps
        if cached is None or cached[0] is not self.values:
            cached = self._value_maps = (self.values, self._build_value_maps())
        return cached[1].get(field, {})

    def _build_value_maps(self) -> dict[str, dict[str, str]]:
        return {
            name: {normalise_label(k): v for k, v in mapping.items()}
            for name, mapping in self.values.items()
        }


class ReferenceData(_Frozen):
    """Taxonomy, partners and wards, with forgiving lookups."""

    taxonomy: Taxonomy
    partners: tuple[Partner, ...] = ()
    default_partner: str | None = None
    wards: tuple[Ward, ...] = ()

    @cached_property
    def _partner_lookup(self) -> dict[str, str]:
        lookup: dict[str, str] = {}
        for partner in self.partners:
            for label in (partner.id, partner.name, *partner.aliases):
                lookup.setdefault(normalise_label(label), partner.id)
        return lookup

    @cached_property
    def _ward_lookup(self) -> dict[str, str]:
        return {normalise_label(w.name): w.name for w in self.wards}

    def resolve_partner(self, label: str) -> str | None:
        return self._partner_lookup.get(normalise_label(label))

    def resolve_partner_by_email(self, address: str) -> str | None:
        """The partner whose mail domain ``address`` (e.g. complaints@halton.gov.uk) belongs to."""
        domain = address.rsplit("@", 1)[-1].strip().lower().rstrip(">")
        for partner in self.partners:
            if any(domain == d or domain.endswith("." + d) for d in partner.email_domains):
                return partner.id
        return None

    def resolve_ward(self, label: str) -> str | None:
        return self._ward_lookup.get(normalise_label(label))

    def ward_population(self, ward: str) -> int | None:
        for w in self.wards:
            if w.name == ward:
                return w.population
        return None


def _read_yaml(path: Path) -> object:
    try:
        with path.open(encoding="utf-8") as handle:
            return yaml.safe_load(handle)
    except FileNotFoundError as exc:
        raise ReferenceDataError(f"{path}: file not found") from exc
    except yaml.YAMLError as exc:
        raise ReferenceDataError(f"{path}: not valid YAML: {exc}") from exc


def _read_mapping(path: Path) -> dict[str, Any]:
    data = _read_yaml(path)
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise ReferenceDataError(f"{path}: expected a mapping at the top level")
    return data


def _validate(model: type[_Frozen], data: object, path: Path) -> _Frozen:
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        raise ReferenceDataError(f"{path}: {exc}") from exc


def load_taxonomy(config_dir: Path) -> Taxonomy:
    path = config_dir / "taxonomy.yaml"
    taxonomy = _validate(Taxonomy, _read_yaml(path), path)
    assert isinstance(taxonomy, Taxonomy)
    ids = [c.id for s in taxonomy.services for c in s.categories]
    duplicates = sorted({i for i in ids if ids.count(i) > 1})
    if duplicates:
        raise ReferenceDataError(f"{path}: category ids must be unique: {', '.join(duplicates)}")
    return taxonomy


def load_reference_data(config_dir: Path) -> ReferenceData:
    taxonomy = load_taxonomy(config_dir)
    partners_path, wards_path = config_dir / "partners.yaml", config_dir / "wards.yaml"
    partners = _read_mapping(partners_path) if partners_path.exists() else {}
    wards = _read_mapping(wards_path) if wards_path.exists() else {}
    data = {
        "taxonomy": taxonomy,
        "partners": partners.get("partners", []),
        "default_partner": partners.get("default_partner"),
        "wards": wards.get("wards", []),
    }
    reference = _validate(ReferenceData, data, config_dir)
    assert isinstance(reference, ReferenceData)
    return reference


def load_crm_profiles(config_dir: Path) -> dict[str, CrmProfile]:
    """Every ``profiles/*.yaml`` in ``config_dir``, by profile name."""
    profiles: dict[str, CrmProfile] = {}
    for path in sorted((config_dir / "profiles").glob("*.yaml")):
        profile = _validate(CrmProfile, _read_yaml(path), path)
        assert isinstance(profile, CrmProfile)
        unknown = sorted(set(profile.columns) - set(CRM_FIELDS))
        if unknown:
            raise ReferenceDataError(
                f"{path}: unknown field(s) {', '.join(unknown)}; fields are {', '.join(CRM_FIELDS)}"
            )
        profiles[profile.name] = profile
    return profiles


CONTACT_TYPE_WORDS: dict[str, ContactType] = {
    "complaint": ContactType.complaint,
    "complaints": ContactType.complaint,
    "compliment": ContactType.compliment,
    "compliments": ContactType.compliment,
    "praise": ContactType.compliment,
    "thanks": ContactType.compliment,
    "enquiry": ContactType.enquiry,
    "enquiries": ContactType.enquiry,
    "inquiry": ContactType.enquiry,
    "question": ContactType.enquiry,
    "request": ContactType.enquiry,
    "service request": ContactType.enquiry,
    "suggestion": ContactType.suggestion,
    "suggestions": ContactType.suggestion,
    "idea": ContactType.suggestion,
    "feedback": ContactType.suggestion,
}
