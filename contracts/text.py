"""What text an event may carry: any Unicode string except one holding a NUL character.

PostgreSQL text columns cannot store U+0000, so an event carrying one would be accepted and then
fail in the sink. Lone surrogates (not encodable as UTF-8) pydantic already refuses for ``str``.
"""

from __future__ import annotations

__all__ = ("storable_text",)


def storable_text(value: str) -> str:
    """``value`` unchanged; ValueError (a validation error in a model) if it holds a NUL."""
    if "\x00" in value:
        raise ValueError(
            f"contains a NUL character (U+0000) at position {value.index(chr(0))}, "
            "which cannot be stored"
        )
    return value
