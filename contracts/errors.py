"""Root of every CivicPulse error, and the contract's own errors.

PipelineError            root: catch this to catch anything CivicPulse raises on purpose
└── ContractError        bytes or dicts that are not a valid event of the expected type
"""


class PipelineError(Exception):
    """Root of every error CivicPulse raises on purpose."""


class ContractError(PipelineError):
    """A payload is not a valid event: bad JSON, unknown schema version or invalid fields."""

    def __init__(self, message: str, *, key: str | None = None) -> None:
        super().__init__(message if key is None else f"record {key}: {message}")
        self.key = key
        self.reason = message
