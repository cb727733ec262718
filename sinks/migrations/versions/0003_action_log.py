"""action log ("you said, we did")

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-03 03:50:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op


revision: str = '0003'
down_revision: str | None = '0002'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table('action',
    sa.Column('action_id', sa.Uuid(), nullable=False),
    sa.Column('service', sa.String(length=200), nullable=False),
    sa.Column('category', sa.String(length=200), nullable=False),
    sa.Column('contact_type', sa.String(length=20), nullable=False),
    sa.Column('ward', sa.String(length=200), nullable=True),
    sa.Column('period', sa.String(length=20), nullable=True),
    sa.Column('outcome', sa.String(length=20), nullable=False),
    sa.Column('summary', sa.Text(), nullable=False),
    sa.Column('taken_on', sa.Date(), nullable=False),
    sa.Column('recorded_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('recorded_by', sa.String(length=200), nullable=False),
    sa.PrimaryKeyConstraint('action_id', name=op.f('pk_action'))
    )
    with op.batch_alter_table('action', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_action_service'), ['service'], unique=False)

    op.create_table('action_contact',
    sa.Column('action_id', sa.Uuid(), nullable=False),
    sa.Column('contact_id', sa.Uuid(), nullable=False),
    sa.Column('told_at', sa.DateTime(timezone=True), nullable=True),
    sa.PrimaryKeyConstraint('action_id', 'contact_id', name=op.f('pk_action_contact'))
    )


def downgrade() -> None:
    op.drop_table('action_contact')
    with op.batch_alter_table('action', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_action_service'))
    op.drop_table('action')
