"""Settings (one frozen object, read from ``CIVICPULSE_*`` variables) and the reference data
a council edits: the service taxonomy, partners, wards, CRM column profiles and service
standards."""

from config.logging import configure_logging
from config.reference import (
    CONTACT_TYPE_WORDS,
    CRM_FIELDS,
    CategoryDefinition,
    CrmProfile,
    Partner,
    ReferenceData,
    ReferenceDataError,
    ServiceDefinition,
    Taxonomy,
    Ward,
    load_crm_profiles,
    load_reference_data,
    load_taxonomy,
    normalise_label,
)
from config.settings import Settings, load_settings
from config.standards import (
    DEFAULT_SATISFIED_SCORES,
    FollowUpRule,
    ServiceStandard,
    ServiceStandards,
    load_service_standards,
    parse_service_standards,
)

__all__ = (
    "CONTACT_TYPE_WORDS",
    "CRM_FIELDS",
    "DEFAULT_SATISFIED_SCORES",
    "CategoryDefinition",
    "CrmProfile",
    "FollowUpRule",
    "Partner",
    "ReferenceData",
    "ReferenceDataError",
    "ServiceDefinition",
    "ServiceStandard",
    "ServiceStandards",
    "Settings",
    "Taxonomy",
    "Ward",
    "configure_logging",
    "load_crm_profiles",
    "load_reference_data",
    "load_service_standards",
    "load_settings",
    "load_taxonomy",
    "normalise_label",
    "parse_service_standards",
)
