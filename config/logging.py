"""Logging set-up, called only from entry points."""

from __future__ import annotations

import logging

from config.settings import Settings

# Logger names whose INFO lines are routine for the library and noise for the operator.
QUIET_LIBRARIES = ("kafka", "aiokafka", "alembic", "httpx", "httpcore")


def configure_logging(settings: Settings) -> None:
    level = settings.log_level.upper()
    logging.basicConfig(level=level, format="%(asctime)s %(levelname)-7s %(name)s: %(message)s")
    # Libraries that are chatty at INFO about routine work stay out of normal output: kafka-python
    # about every connection, Alembic about every migration context it opens, httpx (and
    # httpcore under it) about every request a command sends. CIVICPULSE_LOG_LEVEL=DEBUG shows
    # them again.
    quiet = logging.getLevelName(level) != logging.DEBUG
    for chatty in QUIET_LIBRARIES:
        logging.getLogger(chatty).setLevel(logging.WARNING if quiet else logging.NOTSET)
