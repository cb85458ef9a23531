"""Lessons from reading a real surveillance story's briefing, in sentences we wrote: a law's year is part of its name,
"civil liberties" names rights, and a clause of time or contrast is no frame of what its sentence says."""

from __future__ import annotations

from newsweave import Article, brief
from newsweave.compose.framing import loaded_terms


def test_a_laws_year_dates_nothing():
    """"the Harbour Protection Act of 1994" names a law: the sentence is the meeting's, on its day, whole."""
    b = brief([Article(id="a", source="a", published="2031-03-20", outlet="Port Ledger",
                       text="On March 3, 2031, the harbour committee met in Velsa to review the expiring provisions of "
                            "the Harbour Protection Act of 1994.")])
    assert [(e["date"], e["event"][:26]) for e in b.timeline] == [("2031-03-03", "On March 3, 2031, the harb")], \
        b.timeline


def test_civil_liberties_is_no_loaded_word():
    assert not loaded_terms("Civil liberties groups asked the court to review the surveillance law.")
    assert [t[2] for t in loaded_terms("Liberty is precious, the senator said.")] == ["liberty", "precious"]


def test_a_clause_of_contrast_is_no_reporting_frame():
    """"While rights groups cried foul over the plan, the minister signed the decree": the groups did not say that
    the minister signed it."""
    b = brief([Article(id="a", source="a", published="2031-03-20", outlet="Port Ledger",
                       text="While rights groups cried foul over the plan, the interior minister signed the decree on "
                            "Monday. The decree takes effect in April.")])
    assert not any("signed the decree" in q["text"] for q in b.quotes), b.quotes


def test_a_thing_that_cannot_speak_is_no_speaker_of_a_verb_coordinated_into_its_clause(nlp):
    """'She called the sale of the plan that lets the city ... "shameful" and said ...': the parser (as it did on a
    real report of this shape) hangs "said" on the relative clause's verb; the saying is hers, not the plan's. The
    parse is built here word by word, our words on the parser's tree, so the test does not hang on the model."""
    from spacy.tokens import Doc

    from newsweave.annotate.quotes import extract_quotes

    words = ("She called the sale of the plan that lets the city to sell park land to private builders \" shameful \" "
             "and said the town - hall budget shortfall could grow sharply .").split()
    spaces = [True] * len(words)
    for i in (18, 19, 24, 25, 31, 32):  # ("shameful" in its marks, "town-hall", the full stop)
        spaces[i] = False
    heads = [1, 1, 3, 1, 3, 6, 4, 8, 6, 10, 12, 12, 8, 14, 12, 14, 17, 15, 19, 8, 19, 8, 8, 28, 26, 26, 27, 28, 30,
             30, 22, 30, 1]
    deps = ["nsubj", "ROOT", "det", "dobj", "prep", "det", "pobj", "nsubj", "relcl", "det", "nsubj", "aux", "ccomp",
            "compound", "dobj", "prep", "compound", "pobj", "punct", "ccomp", "punct", "cc", "conj", "det", "compound",
            "punct", "compound", "compound", "nsubj", "aux", "ccomp", "advmod", "punct"]
    tags = ["PRP", "VBD", "DT", "NN", "IN", "DT", "NN", "WDT", "VBZ", "DT", "NN", "TO", "VB", "NN", "NN", "IN", "JJ",
            "NNS", "``", "JJ", "''", "CC", "VBD", "DT", "NN", "HYPH", "NN", "NN", "NN", "MD", "VB", "RB", "."]
    pos = ["PRON", "VERB", "DET", "NOUN", "ADP", "DET", "NOUN", "PRON", "VERB", "DET", "NOUN", "PART", "VERB", "NOUN",
           "NOUN", "ADP", "ADJ", "NOUN", "PUNCT", "ADJ", "PUNCT", "CCONJ", "VERB", "DET", "NOUN", "PUNCT", "NOUN",
           "NOUN", "NOUN", "AUX", "VERB", "ADV", "PUNCT"]
    lemmas = [w.lower() for w in words]
    lemmas[1], lemmas[8], lemmas[17], lemmas[22] = "call", "let", "builder", "say"
    doc = Doc(nlp.vocab, words=words, spaces=spaces, heads=heads, deps=deps, pos=pos, tags=tags, lemmas=lemmas,
              sent_starts=[True] + [False] * (len(words) - 1))
    said = next(a for a in extract_quotes(doc) if doc.text[a.content_start:a.content_end].startswith("the town-hall"))
    assert doc.text[said.speaker_start:said.speaker_end] == "She", doc.text[said.speaker_start:said.speaker_end]
