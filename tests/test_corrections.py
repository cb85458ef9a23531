"""An outlet that corrects its own figure (a story we wrote): the correction note explains the change, and the
summary tells the corrected value."""

from __future__ import annotations

import pytest

import newsweave


C1 = """Title: Bus plunges into gorge in Velia, killing 21
Source: Continental Wire
Published: 2028-04-02T10:00:00+02:00

A bus carrying pilgrims plunged into a gorge in northern Velia on Sunday, killing 21 people and injuring 15, police said.

The bus left the road on a mountain pass near the town of Ravno in heavy rain, police spokesman Marko Ilic said.
"""
C2 = """Title: Bus crash in Velia kills 12
Source: The Ledger
Published: 2028-04-02T18:00:00+02:00

A bus carrying pilgrims plunged into a gorge in northern Velia on Sunday, killing 12 people and injuring 15, police said.

The bus left the road on a mountain pass near Ravno in heavy rain, police spokesman Marko Ilic said.

Correction: An earlier version of this article said 21 people were killed, citing police. Police later corrected the toll to 12.
"""


@pytest.fixture(scope="module")
def corrected(tmp_path_factory):
    # (through ingest, which sets the correction note apart from the report's statements)
    folder = tmp_path_factory.mktemp("corrected")
    (folder / "c1.txt").write_text(C1, encoding="utf-8")
    (folder / "c2.txt").write_text(C2, encoding="utf-8")
    return newsweave.brief([folder])


def test_a_correction_note_that_gives_the_other_value_makes_an_update(corrected):
    (d,) = [d for d in corrected.disagreements if d["kind"] == "number"]
    assert d["status"] == "update", d["explanation"]
    assert [p["value"] for p in d["positions"]] == ["21 people", "12 people"]
    assert "The Ledger's correction note" in d["explanation"]


def test_the_summary_tells_the_corrected_value(corrected):
    toll = [i for i in corrected.summary if "killing" in i.text]
    assert toll and "12 people" in toll[0].text and "21" not in toll[0].text, [i.text for i in corrected.summary]
