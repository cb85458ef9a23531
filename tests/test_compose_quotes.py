"""Quotes across outlets (newsweave.compose.quotes): interrupted quotes and first-person speakers.
Articles written for these tests."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="module")
def quotes():
    import os

    os.environ.setdefault("NEWSWEAVE_CACHE", "0")
    from newsweave import Article, brief

    articles = [
        Article(id="wire", source="wire", title="Flood in Dorvan", published="2025-04-02", outlet="Dorvan Wire",
                text="Floods hit the town of Dorvan on Tuesday. The ministry said warning sirens had sounded across "
                     "the town before the levee broke.\n\n\"We are counting every house the water reached,\" said "
                     "Mayor Teodor Vasko, who toured the streets by boat. \"Nobody will be forgotten.\""),
        Article(id="diary", source="diary", title="Our street under water", published="2025-04-03",
                byline="Ana Pirel",
                text="I have lived in Dorvan for twenty years. I heard that the warning sirens sounded across the "
                     "town, but on our side of the river nobody heard a thing."),
    ]
    return brief(articles).quotes


def test_an_interrupted_quote_is_its_quoted_pieces(quotes):
    vasko = [q for q in quotes if q["speaker"] == "Teodor Vasko"]
    texts = sorted(q["text"] for q in vasko)
    assert texts == ["Nobody will be forgotten.", "We are counting every house the water reached"], vasko
    assert all("said" not in t and "boat" not in t for t in texts)


def test_a_first_person_speaker_is_the_writer_and_matches_no_other_outlet(quotes):
    sirens = [q for q in quotes if "sirens" in q["text"]]
    by_source = {tuple(q["sources"]): q for q in sirens}
    assert ("diary",) in by_source and ("wire",) in by_source, sirens  # two statements, not one
    assert by_source[("diary",)]["speaker"] == "Ana Pirel (the writer)"


def test_a_described_speaker_resolves_to_the_one_person_so_described():
    """"the Dorvani president" is Teodor Vasko, Dorvan's President, though another president is named nearer."""
    import os

    os.environ.setdefault("NEWSWEAVE_CACHE", "0")
    from newsweave import Article, brief

    text = ("Estlandic President Anne Morvel met Dorvan's President Teodor Vasko in Kessel on Monday. "
            "President Jon Hale of Marnia welcomed the meeting in a statement.\n\n"
            "The Dorvani president said the talks had opened a new chapter for the two neighbours.")
    b = brief([Article(id="a", source="a", title="Presidents meet", published="2025-05-06", outlet="Kessel Post", text=text)])
    q = next(q for q in b.quotes if "new chapter" in q["text"])
    assert q["speaker"] == "Teodor Vasko", q
