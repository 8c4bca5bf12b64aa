"""Files people download: CSVs that open safely in Excel."""

from __future__ import annotations

import io
from datetime import date

from pypdf import PdfReader

from echobot.documents import certificate_pdf, csv_bytes


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


def test_a_certificate_keeps_a_long_name_and_statement_on_its_page() -> None:
    name = "Maria de los Ángeles Guadalupe Fernández-Rodríguez y Montenegro-Villanueva Ñúñez"  # 80 characters
    statement = ("This activity has been planned and implemented in accordance with the accreditation requirements "
                 "and policies of the Accreditation Council for Continuing Medical Education. ") * 6  # fmt: skip
    content = certificate_pdf(name=name, credential="MD · Family medicine · Valley Community Clinic",
                              activities=[("Hepatitis C ECHO: " + "very long topic " * 12, date(2026, 11, 10),
                                           "AMA PRA Category 1 Credit™", 1.0)],
                              hub_name="Test Hub", statement=statement, issued=date(2026, 11, 29))  # fmt: skip
    reader = PdfReader(io.BytesIO(content))
    assert len(reader.pages) == 1
    text = reader.pages[0].extract_text()
    assert "Fernández-Rodríguez" in text and "Montenegro-Villanueva" in text  # smaller type, not cut
    assert "Accreditation Council" in text and "Program coordinator" in text
