"""write_rejects: the rejects CSV keeps every raw cell, and none of them runs as a formula."""

from __future__ import annotations

from pathlib import Path

from ingest.sources import RejectedRow, read_table, write_rejects


def test_rejects_file_cells_never_run_as_formulas(tmp_path: Path) -> None:
    rejects = [
        RejectedRow("x.csv", 2, "missing text", {"Name": '=HYPERLINK("http://evil.example","x")'}),
        RejectedRow("x.csv", 3, "=bad reason", {"Tel": "+44 7700 900001", "Ward": "-1"}),
        RejectedRow("x.eml", None, "no usable text", {"=Header": "@cmd"}),
    ]
    out = tmp_path / "rejects.csv"
    assert write_rejects(rejects, out) == 3
    table = read_table(out)
    assert table.headers == ("line", "reason", "Name", "Tel", "Ward", "'=Header")
    rows = [row for _, row in table]
    assert rows[0]["Name"] == '\'=HYPERLINK("http://evil.example","x")'
    assert (rows[1]["reason"], rows[1]["Tel"], rows[1]["Ward"]) == (
        "'=bad reason",
        "'+44 7700 900001",
        "-1",
    )
    assert (rows[2]["line"], rows[2]["'=Header"]) == ("", "'@cmd")
