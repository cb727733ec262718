"""worker heartbeat problem and database identity

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-03 03:10:00
"""

import uuid
from collections.abc import Sequence
from datetime import UTC, datetime

import sqlalchemy as sa
from alembic import op

revision: str = '0005'
down_revision: str | None = '0004'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table('worker_heartbeat', schema=None) as batch_op:
        batch_op.add_column(sa.Column('problem', sa.Text(), nullable=True))
    identity = op.create_table(
        'database_identity',
        sa.Column('identity', sa.Uuid(), nullable=False),
        sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint('identity', name=op.f('pk_database_identity')),
    )
    op.bulk_insert(identity, [{'identity': uuid.uuid4(), 'created_at': datetime.now(UTC)}])


def downgrade() -> None:
    op.drop_table('database_identity')
    with op.batch_alter_table('worker_heartbeat', schema=None) as batch_op:
        batch_op.drop_column('problem')
