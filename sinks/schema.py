"""Schema management: bring any database to the latest Alembic revision, or say how far
behind it is (for processes that must not migrate, e.g. one of several workers)."""

from __future__ import annotations

import logging
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Engine

from sinks.db.engine import write_transaction
from sinks.db.errors import database_errors
from sinks.errors import SchemaNewerError, SchemaOutOfDateError

if TYPE_CHECKING:
    from alembic.config import Config
    from alembic.script import ScriptDirectory

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

    _refuse_unknown_revision(engine, schema_revision(engine))
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
    head = _migration_scripts().get_current_head()
    assert head is not None, f"no migrations in {MIGRATIONS_DIR}"
    return head


def require_current_schema(engine: Engine) -> None:
    """SchemaOutOfDateError unless the database is at this code's head revision
    (SchemaNewerError when it is at one this code does not know)."""
    found, wanted = schema_revision(engine), head_revision()
    if found == wanted:
        return
    _refuse_unknown_revision(engine, found)
    raise SchemaOutOfDateError(
        engine.url.render_as_string(hide_password=True), found=found, wanted=wanted
    )


def _refuse_unknown_revision(engine: Engine, found: str | None) -> None:
    """SchemaNewerError when ``found`` is no revision of this code's migrations."""
    from alembic.util import CommandError

    if found is None:
        return
    try:
        _migration_scripts().get_revision(found)
    except CommandError:
        url = engine.url.render_as_string(hide_password=True)
        raise SchemaNewerError(url, found=found, wanted=head_revision()) from None


@cache
def _migration_scripts() -> ScriptDirectory:
    """This code's migrations, read once a process (they do not change while it runs)."""
    from alembic.script import ScriptDirectory

    return ScriptDirectory(str(MIGRATIONS_DIR))
