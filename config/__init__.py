"""Settings (one frozen object, read from ``CIVICPULSE_*`` variables) and the reference data
a council edits: the service taxonomy, partners, wards and CRM column profiles."""

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

__all__ = (
    "CONTACT_TYPE_WORDS",
    "CRM_FIELDS",
    "CategoryDefinition",
    "CrmProfile",
    "Partner",
    "ReferenceData",
    "ReferenceDataError",
    "ServiceDefinition",
    "Settings",
    "Taxonomy",
    "Ward",
    "configure_logging",
    "load_crm_profiles",
    "load_reference_data",
    "load_settings",
    "load_taxonomy",
    "normalise_label",
)
