"""case lifecycle: case events and states, rating revisions, follow-ups

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-03 03:10:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_UTC = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "case_event",
        sa.Column("event_id", sa.Uuid(), nullable=False),
        sa.Column("contact_id", sa.Uuid(), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("stage", sa.Integer(), nullable=True),
        sa.Column("outcome", sa.String(length=20), nullable=True),
        sa.Column("occurred_at", _UTC, nullable=False),
        sa.Column("source_system", sa.String(length=200), nullable=False),
        sa.PrimaryKeyConstraint("event_id", name=op.f("pk_case_event")),
    )
    op.create_index(op.f("ix_case_event_contact_id"), "case_event", ["contact_id"])
    op.create_table(
        "case_state",
        sa.Column("contact_id", sa.Uuid(), nullable=False),
        sa.Column("acknowledged_at", _UTC, nullable=True),
        sa.Column("responded_at", _UTC, nullable=True),
        sa.Column("closed_at", _UTC, nullable=True),
        sa.Column("stage", sa.Integer(), nullable=False),
        sa.Column("escalated_at", _UTC, nullable=True),
        sa.Column("stage_responded_at", _UTC, nullable=True),
        sa.Column("outcome", sa.String(length=20), nullable=True),
        sa.Column("events", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("contact_id", name=op.f("pk_case_state")),
    )
    op.create_index(op.f("ix_case_state_responded_at"), "case_state", ["responded_at"])
    op.create_table(
        "rating_revision",
        sa.Column("rating_id", sa.Uuid(), nullable=False),
        sa.Column("rated_at", _UTC, nullable=False),
        sa.Column("contact_id", sa.Uuid(), nullable=False),
        sa.Column("score", sa.Integer(), nullable=False),
        sa.Column("follow_up_requested", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("rating_id", "rated_at", name=op.f("pk_rating_revision")),
    )
    op.create_index(op.f("ix_rating_revision_contact_id"), "rating_revision", ["contact_id"])
    op.create_table(
        "follow_up",
        sa.Column("followup_id", sa.Uuid(), nullable=False),
        sa.Column("rating_id", sa.Uuid(), nullable=False),
        sa.Column("contact_id", sa.Uuid(), nullable=False),
        sa.Column("opened_at", _UTC, nullable=False),
        sa.Column("reason", sa.String(length=200), nullable=False),
        sa.Column("status", sa.String(length=30), nullable=False),
        sa.Column("status_reason", sa.Text(), nullable=True),
        sa.Column("owner", sa.String(length=200), nullable=True),
        sa.Column("updated_at", _UTC, nullable=False),
        sa.PrimaryKeyConstraint("followup_id", name=op.f("pk_follow_up")),
        sa.UniqueConstraint("rating_id", name=op.f("uq_follow_up_rating_id")),
    )
    op.create_index(op.f("ix_follow_up_contact_id"), "follow_up", ["contact_id"])
    op.create_index(op.f("ix_follow_up_status"), "follow_up", ["status"])
    op.create_table(
        "follow_up_update",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("followup_id", sa.Uuid(), nullable=False),
        sa.Column("updated_at", _UTC, nullable=False),
        sa.Column("status", sa.String(length=30), nullable=False),
        sa.Column("note", sa.Text(), nullable=True),
        sa.Column("owner", sa.String(length=200), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_follow_up_update")),
    )
    op.create_index(op.f("ix_follow_up_update_followup_id"), "follow_up_update", ["followup_id"])


def downgrade() -> None:
    for table in ("follow_up_update", "follow_up", "rating_revision", "case_state", "case_event"):
        op.drop_table(table)
