"""staff tokens and audit

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-03 03:20:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op


revision: str = '0004'
down_revision: str | None = '0003'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table('staff_token',
    sa.Column('token_id', sa.String(length=32), nullable=False),
    sa.Column('holder', sa.String(length=200), nullable=False),
    sa.Column('token_sha256', sa.String(length=64), nullable=False),
    sa.Column('scopes', sa.JSON(), nullable=False),
    sa.Column('issued_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('revoked_at', sa.DateTime(timezone=True), nullable=True),
    sa.PrimaryKeyConstraint('token_id', name=op.f('pk_staff_token')),
    sa.UniqueConstraint('token_sha256', name=op.f('uq_staff_token_token_sha256'))
    )
    op.create_table('staff_audit',
    sa.Column('audit_id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('token_id', sa.String(length=32), nullable=False),
    sa.Column('holder', sa.String(length=200), nullable=False),
    sa.Column('action', sa.String(length=20), nullable=False),
    sa.Column('contact_id', sa.Uuid(), nullable=True),
    sa.Column('outcome', sa.String(length=300), nullable=False),
    sa.PrimaryKeyConstraint('audit_id', name=op.f('pk_staff_audit'))
    )
    op.create_index('ix_staff_audit_at', 'staff_audit', ['at'], unique=False)


def downgrade() -> None:
    op.drop_index('ix_staff_audit_at', table_name='staff_audit')
    op.drop_table('staff_audit')
    op.drop_table('staff_token')
