"""The 503 answer when no broker takes events: it says only that intake is paused (the
reason, with addresses and commands, goes to the server log, not to the public)."""

from __future__ import annotations

import logging

from fastapi import HTTPException, status

from ingest.errors import BrokerUnavailableError

log = logging.getLogger(__name__)

PAUSED = "Intake is paused: nothing was accepted. Please try again in a few minutes."


def intake_paused(exc: BrokerUnavailableError) -> HTTPException:
    log.warning("intake paused: %s", exc)
    return HTTPException(status.HTTP_503_SERVICE_UNAVAILABLE, PAUSED, headers={"Retry-After": "30"})
