"""write_rejects: the rejects CSV keeps every raw cell, and none of them runs as a formula."""

from __future__ import annotations

from pathlib import Path

from ingest.sources import RejectedRow, RejectsFile, read_table, write_rejects


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


def test_rejects_file_writes_as_rows_come_and_only_when_there_is_one(tmp_path: Path) -> None:
    out = tmp_path / "rejects" / "export-rejects.csv"
    rejects = RejectsFile(out, ["Ref", "Text"])
    rejects.close()
    assert not out.exists()  # a clean run leaves no file behind
    rejects = RejectsFile(out, ["Ref", "Text"])
    rejects.add(RejectedRow("x.csv", 7, "missing text", {"Ref": "=1+1", "Text": ""}))
    rejects.add(RejectedRow("x.csv", 9, "bad date", {"Ref": "B9", "(read error)": "?"}))
    rejects.close()
    table = read_table(out)
    # The reader's own reserved names come back renamed (it keeps them for its notes).
    assert table.headers == (
        "line",
        "reason",
        "Ref",
        "Text",
        "(extra cells) (2)",
        "(read error) (2)",
    )
    rows = [row for _, row in table]
    assert [(r["line"], r["reason"], r["Ref"]) for r in rows] == [
        ("7", "missing text", "'=1+1"),
        ("9", "bad date", "B9"),
    ]
    assert rows[1]["(read error) (2)"] == "?" and rejects.written == 2


def test_rejects_file_remembers_only_the_first_few_for_the_summary(tmp_path: Path) -> None:
    rejects = RejectsFile(tmp_path / "rejects.csv", ["Ref"])
    for line in range(2, 30):
        rejects.add(RejectedRow("x.csv", line, f"bad row {line}", {"Ref": str(line)}))
    rejects.close()
    assert rejects.written == 28
    assert rejects.first == [f"{line}: bad row {line}" for line in range(2, 12)]
