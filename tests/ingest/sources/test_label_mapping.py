"""Label mapping files: flat YAML, or a two-column table read like every other table."""

from __future__ import annotations

from pathlib import Path

import pytest

from ingest import MalformedMappingError, read_label_mapping

DATA = Path(__file__).resolve().parents[2] / "classifiers" / "data"


def test_yaml_and_csv_mappings() -> None:
    assert read_label_mapping(DATA / "tenant_feedback_synonyms.yaml") == {
        "Anti-Social Behaviour": "ASB",
        "Rent Arrears": "Rent",
    }
    csv_mapping = read_label_mapping(DATA / "tenant_feedback_taxonomy.csv")
    assert csv_mapping["Repairs - Plumbing"] == "leaks_plumbing"
    assert len(csv_mapping) == 9


def test_a_mapping_in_any_dialect_keeps_quoted_labels_whole(tmp_path: Path) -> None:
    mapping = tmp_path / "mapping.csv"
    mapping.write_bytes(
        'Their label;Our label\r\n"Repairs; ""urgent""";leaks_plumbing\r\nCaf\xe9;Rent\r\n'.encode(
            "windows-1252"
        )
    )
    assert read_label_mapping(mapping) == {
        'Repairs; "urgent"': "leaks_plumbing",
        "Caf\xe9": "Rent",
    }


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("nested.yaml", "category:\n  Rent: council_tax_bill\n", "flat mapping"),
        ("bad.yaml", "a: [b\n", "not valid YAML"),
        ("one.csv", "their\nRent\n", "two columns"),
        ("short.csv", "their,ours\nRent\n", r"short\.csv:2: expected two columns"),
        ("wide.csv", "their,ours\nRent,Rent,oops\n", r"wide\.csv:2: .*oops"),
        ("twice.csv", "their,ours\nRent,a\nParking,b\nRent,c\n", r"twice\.csv:4: 'Rent' .*twice"),
    ],
)
def test_unusable_mappings_name_the_file_and_line(
    tmp_path: Path, name: str, content: str, message: str
) -> None:
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    with pytest.raises(MalformedMappingError, match=message):
        read_label_mapping(path)
