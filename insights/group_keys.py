"""Group keys for rows grouped by ``--by`` dimensions: a tuple of values in the order of the
dimensions, checked against them, sorted with unknown (None) values last."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from insights.errors import InsightError

GroupKey = tuple[str | None, ...]


def check_dimensions(by: Sequence[str], row_fields: Sequence[str]) -> None:
    """``by`` names are distinct and none collides with a row's own JSON keys."""
    clashes = sorted(set(by) & set(row_fields))
    if len(set(by)) != len(by) or clashes:
        raise InsightError(
            f"--by {','.join(by)}: dimensions must be distinct and not one of "
            f"{', '.join(row_fields)}"
        )


def check_key(key: GroupKey, by: Sequence[str]) -> GroupKey:
    if len(key) != len(by):
        raise InsightError(f"group key {key!r} does not match --by {','.join(by)}")
    return key


def sorted_keys(keys: Iterable[GroupKey]) -> list[GroupKey]:
    return sorted(set(keys), key=lambda key: tuple((v is None, v or "") for v in key))
