"""A statement and its negation across outlets (kind "claim"), on stories we write. A story's claims share
topics without sharing statements, so only a pair that says the same thing apart from "not" may be flagged."""

from __future__ import annotations

import newsweave
from newsweave.model import Article


def _article(i: int, outlet: str, text: str, published: str = "2026-05-12") -> Article:
    return Article(id=f"n{i}", source=f"n{i}", outlet=outlet, published=published, text=text)


def _claims(b):
    return [d for d in b.disagreements if d["kind"] == "claim"]


def test_a_resignation_denied_by_another_outlet_is_a_contradiction():
    b = newsweave.brief([
        _article(1, "Valley Post", "Regional governor Anton Velik resigned on Thursday over the handling of the floods, "
                 "the regional council said.\n\nThe floods killed nine people in the Ovrat valley last week."),
        _article(2, "Kestpress", "Regional governor Anton Velik did not resign on Thursday over the handling of the "
                 "floods, his office said.\n\nRescue teams were still searching for two fishermen on Friday."),
    ])
    hits = _claims(b)
    assert len(hits) == 1 and hits[0]["status"] == "contradiction"
    assert {p["value"]: p["sources"] for p in hits[0]["positions"]} == {"not resign": ["n2"], "resign": ["n1"]}


def test_a_topic_shared_by_two_different_statements_is_not_a_contradiction():
    # One outlet reports a demand about the bombing ("should not use ... as an excuse"), the other an act after
    # it ("put off a vote"): the same bombing, two statements, no contradiction.
    b = newsweave.brief([
        _article(1, "Valley Post", "Opposition leaders said the government should not use Friday's bombing in Ostrun, "
                 "which killed two people and wounded 21, as an excuse to delay the regional election."),
        _article(2, "Kestpress", "The government put off the regional election after a bombing in Ostrun on Friday that "
                 "killed two people and wounded 21."),
    ])
    assert not _claims(b)


def test_a_paraphrase_through_another_negative_word_is_not_a_contradiction():
    # "not ... any other than" says "only"; "a man without sin" says "not a sinful man".
    b = newsweave.brief([
        _article(1, "Valley Post", "Prime minister Ilse Varga has said she would not govern with any coalition other "
                 "than the one that elected her in 2024."),
        _article(2, "Kestpress", "Prime minister Ilse Varga has said she will govern only with the coalition that "
                 "elected her in 2024."),
    ])
    assert not _claims(b)


def test_two_speakers_own_words_are_not_a_contradiction():
    b = newsweave.brief([
        _article(1, "Valley Post", "\"I don't know who ordered the evacuation of the dam,\" the mayor of Ostrun told "
                 "reporters."),
        _article(2, "Kestpress", "\"I know who ordered the evacuation of the dam,\" a council member told reporters "
                 "in Ostrun."),
    ])
    assert not _claims(b)
