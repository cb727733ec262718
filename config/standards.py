"""Customer service standards a council publishes (``config/standards.yaml``): working days to
acknowledge and to respond, per partner, service, contact type and complaint stage, and which
satisfaction scores count as satisfied. Only reads and checks the file; matching a contact
to its standard and measuring against it belong to ``insights``."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from config.reference import ReferenceData, ReferenceDataError, _read_mapping
from contracts import ContactType

WorkingDays = Annotated[int, Field(ge=0, le=250)]
DEFAULT_SATISFIED_SCORES: tuple[int, ...] = (4, 5)


class ServiceStandard(BaseModel):
    """One published standard. Unset keys match anything; ``None`` targets mean none is set
    (a compliment is acknowledged but not "responded to")."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    partner: str | None = None
    service: str | None = None
    contact_type: ContactType | None = None
    stage: Annotated[int, Field(ge=1, le=3)] | None = None
    acknowledge: WorkingDays | None = None
    respond: WorkingDays | None = None

    @property
    def scope(self) -> tuple[str | None, str | None, str | None, int | None]:
        return (self.partner, self.service, self.contact_type, self.stage)

    def describe(self) -> str:
        keys = zip(("partner", "service", "contact_type", "stage"), self.scope, strict=True)
        return ", ".join(f"{k}={v}" for k, v in keys if v is not None) or "every contact"


class FollowUpRule(BaseModel):
    """Which ratings open a follow-up, and how long the service has to act on one: a score in
    ``scores``, or (when ``when_requested``) a rating that asks to be contacted."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    scores: tuple[Annotated[int, Field(ge=1, le=5)], ...] = (1, 2)
    when_requested: bool = True
    due_working_days: WorkingDays = 5

    def reason(self, score: int, follow_up_requested: bool) -> str | None:
        """Why a rating opens a follow-up, or None when it does not."""
        if score in self.scores:
            return f"score {score}"
        if self.when_requested and follow_up_requested:
            return "follow-up requested"
        return None


class ServiceStandards(BaseModel):
    """Every standard in the file, the scores (1-5) that count as satisfied and the rule for
    following up dissatisfaction."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    standards: tuple[ServiceStandard, ...] = ()
    satisfied_scores: tuple[Annotated[int, Field(ge=1, le=5)], ...] = DEFAULT_SATISFIED_SCORES
    follow_up: FollowUpRule = FollowUpRule()

    @field_validator("satisfied_scores")
    @classmethod
    def _some_scores(cls, scores: tuple[int, ...]) -> tuple[int, ...]:
        if not scores:
            raise ValueError("name at least one score that counts as satisfied")
        return tuple(sorted(set(scores)))


def parse_service_standards(
    data: object, source: str, reference: ReferenceData | None = None
) -> ServiceStandards:
    """Standards from the file's mapping; with ``reference``, partner and service ids must be
    ones it knows. Two standards for exactly the same scope are refused."""
    try:
        standards = ServiceStandards.model_validate(data or {})
    except ValidationError as exc:
        raise ReferenceDataError(f"{source}: {exc}") from exc
    seen: dict[tuple[object, ...], int] = {}
    for number, standard in enumerate(standards.standards, start=1):
        where = f"{source}: standard {number} ({standard.describe()})"
        if standard.scope in seen:
            raise ReferenceDataError(f"{where}: same scope as standard {seen[standard.scope]}")
        seen[standard.scope] = number
        if reference is None:
            continue
        if standard.partner and reference.resolve_partner(standard.partner) != standard.partner:
            known = ", ".join(p.id for p in reference.partners)
            raise ReferenceDataError(f"{where}: unknown partner id; known: {known}")
        if standard.service and standard.service not in reference.taxonomy.service_ids:
            raise ReferenceDataError(f"{where}: unknown service id (see taxonomy.yaml)")
    return standards


def load_service_standards(
    config_dir: Path, reference: ReferenceData | None = None
) -> ServiceStandards:
    """``standards.yaml`` in ``config_dir``; an absent file means no standards are set."""
    path = config_dir / "standards.yaml"
    if not path.exists():
        return ServiceStandards()
    return parse_service_standards(_read_mapping(path), str(path), reference)
