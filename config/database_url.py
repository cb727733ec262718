"""Checking ``CIVICPULSE_DATABASE_URL`` when settings are read: a mistyped URL stops every
command with one line naming the variable and the problem, not a SQLAlchemy traceback from
its first query (or, in a worker, from its first batch)."""

from __future__ import annotations

EXAMPLES = (
    "postgresql+psycopg://user:password@host:5432/civicpulse or sqlite:////path/civicpulse.db"
)


def checked_database_url(url: str) -> str:
    """``url`` if SQLAlchemy can open it with an installed driver; ``postgres://`` and
    ``postgresql://`` (as hosting platforms and libpq write them) name psycopg, the driver
    CivicPulse installs. ValueError says what is wrong."""
    from sqlalchemy.engine import make_url  # only when a URL is set: --help stays light
    from sqlalchemy.exc import ArgumentError, NoSuchModuleError

    try:
        parsed = make_url(url.strip())
    except ArgumentError:
        raise ValueError(f"is not a database URL: write it like {EXAMPLES}") from None
    renamed = parsed.drivername in ("postgres", "postgresql")
    if renamed:
        parsed = parsed.set(drivername="postgresql+psycopg")
    try:
        dialect = parsed.get_dialect()
    except NoSuchModuleError:
        raise ValueError(
            f"names a database SQLAlchemy does not know ({parsed.drivername!r}): write it like "
            f"{EXAMPLES}"
        ) from None
    try:
        dialect.import_dbapi()
    except ImportError as exc:
        raise ValueError(
            f"needs the {parsed.drivername!r} driver ({exc.name or exc}), which is not "
            "installed: install it, or use PostgreSQL (postgresql+psycopg://...)"
        ) from None
    return parsed.render_as_string(hide_password=False) if renamed else url.strip()
