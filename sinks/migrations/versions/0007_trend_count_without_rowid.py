"""trend_count without a rowid on SQLite: each cell is stored in its key's b-tree only

A back-fill writes about five new cells per contact at keys all over the table. With a rowid,
each cell went into two b-trees (the table and the index of its primary key), together 40% of
the file's pages; without, a flush costs 10-15% less from 60,000 contacts stored and the file
is a quarter smaller (bench/PROFILE.md). PostgreSQL is unchanged.

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-03 18:50:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0007"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_KEY = ("period_kind", "period", "partner", "service", "category", "contact_type", "ward")


def upgrade() -> None:
    _rebuild(with_rowid=False)


def downgrade() -> None:
    _rebuild(with_rowid=True)


def _rebuild(*, with_rowid: bool) -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    op.rename_table("trend_count", "trend_count_before_0007")
    op.create_table(
        "trend_count",
        sa.Column("period_kind", sa.String(length=8), nullable=False),
        sa.Column("period", sa.String(length=16), nullable=False),
        sa.Column("partner", sa.String(length=200), nullable=False),
        sa.Column("service", sa.String(length=200), nullable=False),
        sa.Column("category", sa.String(length=200), nullable=False),
        sa.Column("contact_type", sa.String(length=20), nullable=False),
        sa.Column("ward", sa.String(length=200), nullable=False),
        sa.Column("count", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint(*_KEY, name=op.f("pk_trend_count")),
        sqlite_with_rowid=with_rowid,
    )
    columns = ", ".join((*_KEY, "count"))
    op.execute(
        f"INSERT INTO trend_count ({columns}) SELECT {columns} FROM trend_count_before_0007"
    )
    op.drop_table("trend_count_before_0007")
