"""Files people download: CSVs that open safely in Excel."""

from __future__ import annotations

from echobot.documents import csv_bytes


def test_csv_has_a_bom_quotes_commas_and_defuses_formulas() -> None:
    content = csv_bytes(["name", "comment", "hours"], [
        ("Núñez, José", '=HYPERLINK("http://x.example","click")', 1.25),
        ("Ann", "+1 for more HBV talks", 0.5),
        ("Bo", None, 1),
    ])  # fmt: skip
    text = content.decode("utf-8")
    assert text.startswith("\ufeffname,comment,hours\r\n")
    lines = text.splitlines()
    assert lines[1] == '"Núñez, José","\'=HYPERLINK(""http://x.example"",""click"")",1.25'
    assert lines[2] == "Ann,'+1 for more HBV talks,0.5"
    assert lines[3] == "Bo,,1"
