"""Schema management: bring any database to the latest Alembic revision, or say how far
behind it is (for processes that must not migrate, e.g. one of several workers)."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Engine

from sinks.db.engine import write_transaction
from sinks.db.errors import database_errors
from sinks.errors import SchemaNewerError, SchemaOutOfDateError

if TYPE_CHECKING:
    from alembic.config import Config

# Alembic (with Mako and Pygments) is imported inside the functions that use it: every reader
# of the database imports this package, and only migrating or checking the schema needs it.

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
log = logging.getLogger(__name__)


def alembic_config(engine: Engine) -> Config:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    cfg.set_main_option("sqlalchemy.url", engine.url.render_as_string(hide_password=False))
    return cfg


def migrate(engine: Engine) -> None:
    """Run every pending migration (idempotent; safe to call at every start)."""
    from alembic import command

    refuse_unknown_revision(engine, schema_revision(engine))
    cfg = alembic_config(engine)
    with database_errors("migration"), write_transaction(engine) as connection:
        cfg.attributes["connection"] = connection
        command.upgrade(cfg, "head")


def schema_revision(engine: Engine) -> str | None:
    """The revision the database is at; None for an empty (never migrated) database."""
    from alembic.runtime.migration import MigrationContext

    with database_errors("read"), engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def head_revision() -> str:
    """The revision this code's migrations end at."""
    from alembic.script import ScriptDirectory

    head = ScriptDirectory(str(MIGRATIONS_DIR)).get_current_head()
    assert head is not None, f"no migrations in {MIGRATIONS_DIR}"
    return head


def require_current_schema(engine: Engine) -> None:
    """SchemaOutOfDateError unless the database is at this code's head revision."""
    found, wanted = schema_revision(engine), head_revision()
    refuse_unknown_revision(engine, found)
    if found != wanted:
        raise SchemaOutOfDateError(
            engine.url.render_as_string(hide_password=True), found=found, wanted=wanted
        )


def refuse_unknown_revision(engine: Engine, found: str | None) -> None:
    """SchemaNewerError when ``found`` is no revision of this code's migrations."""
    from alembic.script import ScriptDirectory
    from alembic.util import CommandError

    if found is None:
        return
    try:
        ScriptDirectory(str(MIGRATIONS_DIR)).get_revision(found)
    except CommandError:
        url = engine.url.render_as_string(hide_password=True)
        raise SchemaNewerError(url, found=found, wanted=head_revision()) from None
