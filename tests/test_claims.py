"""Claim units: a sentence that joins independent statements becomes one claim per clause, also when the
sentence ends with its attribution ("..., officials said"); no clause is lost. Sentences written for
these tests."""

from __future__ import annotations

import pytest

from newsweave.annotate import annotate
from newsweave.model import Article


def _claims(text: str) -> list[tuple[str, bool]]:
    (doc,) = annotate([Article(id="t", source="test", text=text)], cache=False)
    return [(c.text, c.attributed) for c in doc.claims]


def test_coordinated_clauses_before_a_trailing_attribution_are_split():
    # the main verb ("said") comes last: its clause is the first one, and the second is reported too
    assert _claims(
        "PORT ALVEN, Nov. 3 (Harbour Wire) - At least 9 people were killed and around 4,000 were forced from "
        "their homes after the river burst its banks late on Sunday, officials said."
    ) == [
        ("At least 9 people were killed", True),
        ("around 4,000 were forced from their homes after the river burst its banks late on Sunday, officials said.", True),
    ]


def test_two_figures_in_a_reported_sentence_become_two_claims():
    claims = _claims("Nine people died in the flood and 40 were injured, the ministry said.")
    assert [t for t, _ in claims] == ["Nine people died in the flood", "40 were injured, the ministry said."]
    assert all(attributed for _, attributed in claims)


def test_main_clause_first_is_split_as_before():
    assert _claims("The mayor resigned on Friday, and villagers set fire to the town hall.") == [
        ("The mayor resigned on Friday", False),
        ("villagers set fire to the town hall.", False),
    ]


def test_an_opening_participle_phrase_is_not_a_claim_of_its_own():
    # spaCy makes "losing" the root and the main clause its conjunct: the sentence is one claim, about what the
    # ferry company announced
    text = ("Recognizing the fast ferry might be losing ground, Ovrat Airlines -- which operates seven of them -- "
            "announced earlier this year that it would spend millions of dollars to make the interiors brighter.")
    (doc,) = annotate([Article(id="t", source="test", text=text)], cache=False)
    assert [(c.text, c.predicate, c.attributed) for c in doc.claims] == [(text, "spend", True)]


def test_a_short_clause_stays_with_its_neighbour():
    # "Two bridges collapsed" alone is under four words: it is kept with the next clause, not dropped
    texts = [t for t, _ in _claims(
        "Two bridges collapsed and a school was closed, the council said on Monday, and the army was called in."
    )]
    assert texts == ["Two bridges collapsed and a school was closed, the council said on Monday", "the army was called in."]


@pytest.mark.parametrize("text", [
    "The ferry sailed at noon and the bridge was reopened, port officials said on Friday.",
    "Heavy rain fell overnight and the river rose by two metres before dawn, the weather service said.",
])
def test_claims_cover_every_word_of_the_sentence(text):
    claims = _claims(text)
    assert len(claims) == 2
    joined = " ".join(t for t, _ in claims)
    assert [w.strip(",.") for w in joined.split() if w not in ("and",)] == \
        [w.strip(",.") for w in text.split() if w not in ("and",)]


def test_a_short_last_clause_joins_the_one_before():
    texts = [t for t, _ in _claims("The regional council approved the new budget on Monday, and taxes rose.")]
    assert texts[-1].endswith("taxes rose.")
    assert " ".join(texts).count("budget") == 1


def test_the_attribution_span_of_a_claim():
    (doc,) = annotate([Article(id="t", source="test", text=(
        "Nine people are still missing, the coastguard said on Friday morning. Police said on Friday that "
        "three men were arrested."))], cache=False)
    spans = [[doc.article.text[s:e] for s, e in c.attribution] for c in doc.claims]
    assert spans[0] == [", the coastguard said on Friday morning."]
    assert "Police said on Friday" in spans[1]


def test_plural_titles_do_not_cut_a_sentence():
    """'Govs. Anna Berg and Ilse Tamm met': the shipped tokenizer splits 'Govs' from its period and the parser
    ends a sentence there ('Govs.' alone; in a real report 'former Sens. John Ashcroft' gave a claim starting
    '. John Ashcroft')."""
    from newsweave import Article
    from newsweave.annotate import annotate

    for text in ("Govs. Anna Berg and Ilse Tamm met on Monday.", "Drs. Anna Berg and Ilse Tamm wrote the report."):
        doc = annotate([Article(id="t", source="t", text=text)])[0]
        assert [s.text for s in doc.sentences] == [text]
        assert [c.text for c in doc.claims] == [text]


def test_a_question_makes_no_claim():
    """'So who is Ana Pirel, and how did she win 40 percent of the vote?' asserts nothing: no claim (and so
    no fact, figure or disagreement) comes from it; a reported question is a statement about the asking."""
    texts = [c for c, _ in _claims("Ana Pirel won the port district on Sunday. So who is Ana Pirel, and how did "
                                   "she win 40 percent of the vote? The mayor asked whether the count was right.")]
    assert texts and not any("who is" in t or "40 percent" in t for t in texts), texts
    assert any("asked whether" in t for t in texts), texts


def test_a_sentence_is_not_cut_after_an_abbreviation_when_the_rest_has_no_verb():
    """spaCy ends a sentence at 'Ariz.' in 'calling for Ariz. Gov. Jan Brewer to veto ...': the piece after it
    has no finite verb, so the two are one sentence; 'He moved to Calif. He later returned.' stays two."""
    (doc,) = annotate([Article(id="t", source="test", text=(
        "Harbour deputies are calling for Calif. Gov. Ana Pirel to veto the port bill. "
        "The summit was held in Paris. Details to follow. "
        "He moved to Calif. He later returned to the port."))], cache=False)
    texts = [s.text for s in doc.sentences]
    assert texts[0] == "Harbour deputies are calling for Calif. Gov. Ana Pirel to veto the port bill.", texts
    assert "The summit was held in Paris." in texts, texts  # a full stop, not an abbreviation
    assert "He later returned to the port." in texts, texts


def test_no_sentence_starts_in_lower_case_in_text_written_in_both_cases():
    """'... have called Councillor Ivo Darn (H-Ost.) to account for ...' was cut after '(H-Ost.)', and 'to
    account for ...' became a summary sentence. Text all in lower case is split as spaCy
    splits it."""
    text = ("More than 40 teachers have called Councillor Ivo Darn (H-Ost.) to account for his use of school "
            "funds. He did not reply.")
    (doc,) = annotate([Article(id="t", source="test", text=text)], cache=False)
    assert [s.text for s in doc.sentences] == [text[:text.index(" He did")], "He did not reply."]
    (doc,) = annotate([Article(id="t", source="test", text="the storm hit the port. the town flooded.")], cache=False)
    assert [s.text for s in doc.sentences] == ["the storm hit the port.", "the town flooded."]


def test_a_piece_after_an_abbreviation_whose_only_finite_verb_is_in_a_relative_clause_joins_it():
    text = ("Harbour deputies are calling for Calif. Gov. Ana Pirel to veto a port bill that would let firms refuse "
            "service.")
    (doc,) = annotate([Article(id="t", source="test", text=text)], cache=False)
    assert [s.text for s in doc.sentences] == [text]


def test_no_sentence_ends_in_mid_paragraph_without_a_stop():
    """The parser cut a BASIL sentence after an ordinal, before the noun it numbers ("... the 14th | Amendment,
    which ..."). The split is rebuilt here by hand; a paragraph break still ends a sentence."""
    from spacy.tokens import Doc
    from spacy.vocab import Vocab

    from newsweave.annotate.pipeline import _joined_at_abbreviations

    words = ["Children", "born", "here", "are", "citizens", "under", "the", "14th", "Article", ",", "which", "no",
             "decree", "can", "change", "."]
    starts = [True] + [False] * 7 + [True] + [False] * 7
    doc = Doc(Vocab(), words=words, spaces=[True] * 8 + [False] + [True] * 5 + [False, False], sent_starts=starts)
    assert _joined_at_abbreviations(doc, doc.text) == [(0, len(doc.text))]
    # (a paragraph break ends a sentence in any case: test_a_lower_case_... and annotate's own split)
    (parsed,) = annotate([Article(id="t", source="test", text="Storm hits coast\n\nThe storm hit the coast on Monday.")],
                         cache=False)
    assert [s.text for s in parsed.sentences] == ["Storm hits coast", "The storm hit the coast on Monday."]


def test_no_cut_at_the_last_as_of_as_well_as():
    """A DUC 2006 briefing had a claim opening on the last "as" of "as well as ... does": the parser had that
    "as" join two clauses (the parse is rebuilt here)."""
    from spacy.tokens import Doc
    from spacy.vocab import Vocab

    from newsweave.annotate.claims import extract_claims
    from newsweave.model import Sentence

    words = ["The", "balm", "eases", "pain", "as", "well", "as", "aspirin", "does", ",", "but", "without", "stomach",
             "trouble", "."]
    heads = [1, 2, 2, 2, 5, 2, 2, 8, 2, 8, 8, 8, 13, 11, 2]
    deps = ["det", "nsubj", "ROOT", "dobj", "advmod", "advmod", "cc", "nsubj", "conj", "punct", "cc", "prep", "amod",
            "pobj", "punct"]
    tags = ["DT", "NN", "VBZ", "NN", "RB", "RB", "CC", "NN", "VBZ", ",", "CC", "IN", "NN", "NN", "."]
    pos = ["DET", "NOUN", "VERB", "NOUN", "ADV", "ADV", "CCONJ", "NOUN", "VERB", "PUNCT", "CCONJ", "ADP", "NOUN",
           "NOUN", "PUNCT"]
    spaces = [True] * 8 + [False] + [True] * 4 + [False, False]
    doc = Doc(Vocab(), words=words, spaces=spaces, heads=heads, deps=deps, tags=tags, pos=pos,
              lemmas=[w.lower() for w in words])
    sentence = Sentence(article="t", index=0, start=0, end=len(doc.text), text=doc.text, paragraph=0)
    assert [c.text for c in extract_claims(doc, [sentence])] == [doc.text]


def test_a_lower_case_piece_after_a_wire_dash_is_part_of_the_sentence():
    text = ("The harbour plan includes dredging and ``soft defence'' _ the idea that marshes stop floods, not walls _ "
            "under the heading ``coastal care.''")
    (doc,) = annotate([Article(id="t", source="test", text="Few people read it. " + text)], cache=False)
    assert [s.text for s in doc.sentences] == ["Few people read it.", text]


def test_a_said_clause_after_a_closing_quote_is_part_of_the_sentence():
    text = '"Show the harbour some respect!" added Ada Lorne, who works for Rep. Ivo Darn.'
    (doc,) = annotate([Article(id="t", source="test", text=text)], cache=False)
    assert [s.text for s in doc.sentences] == [text]


def test_two_adjectives_joined_by_and_are_no_two_clauses():
    """The parser read a BASIL sentence's "... after N former and current senators urged ..." as two clauses
    joined by "and" (the parse is rebuilt here by hand): the cut would leave "Velik raised his objection after
    four former"."""
    from spacy.tokens import Doc
    from spacy.vocab import Vocab

    from newsweave.annotate.claims import extract_claims
    from newsweave.model import Sentence

    words = ["Velik", "raised", "his", "objection", "after", "four", "former", "and", "current", "Ostmark", "senators",
             "urged", "Darn", "to", "resign", "."]
    heads = [1, 1, 3, 1, 1, 6, 4, 1, 10, 10, 11, 1, 11, 14, 11, 1]
    deps = ["nsubj", "ROOT", "poss", "dobj", "prep", "nummod", "pobj", "cc", "amod", "compound", "nsubj", "conj",
            "dobj", "aux", "xcomp", "punct"]
    tags = ["NNP", "VBD", "PRP$", "NN", "IN", "CD", "JJ", "CC", "JJ", "NNP", "NNS", "VBD", "NNP", "TO", "VB", "."]
    pos = ["PROPN", "VERB", "PRON", "NOUN", "ADP", "NUM", "ADJ", "CCONJ", "ADJ", "PROPN", "NOUN", "VERB", "PROPN",
           "PART", "VERB", "PUNCT"]
    doc = Doc(Vocab(), words=words, spaces=[True] * 14 + [False, False], heads=heads, deps=deps, tags=tags, pos=pos,
              lemmas=[w.lower() for w in words])
    sentence = Sentence(article="t", index=0, start=0, end=len(doc.text), text=doc.text, paragraph=0)
    assert [c.text for c in extract_claims(doc, [sentence])] == [doc.text]


def test_a_clause_opening_with_a_subordinating_conjunction_is_no_claim_of_its_own():
    """'Since the owners reopened the deal' states nothing alone: it stays with the clause it depends on."""
    texts = [c for c, _ in _claims(
        "Since the council re-opened the budget because 40 percent of the money was going to salaries, the new "
        "figure would have to come down for the mayor to agree.")]
    assert len(texts) == 1 and "come down" in texts[0], texts
    # one that goes on past a comma holds its main clause and stays a claim
    texts = [c for c, _ in _claims("Although the ministry said the repairs were done, engineers found new cracks on "
                                   "Monday and the road stayed shut.")]
    assert texts == ["Although the ministry said the repairs were done, engineers found new cracks on Monday",
                     "the road stayed shut."], texts


@pytest.mark.parametrize("text", [
    # the parser joins "Friday and Velian negotiators" as two clauses: no conjunction or comma before the
    # second one's first word, so no cut there (it gave a claim ending "... for the harbour")
    "Officials in Ostrun and Velian negotiators were to sign a protocol for the harbour Friday and Velian "
    "negotiators said the harbour would reopen Sunday.",
    # a participle set off by commas, which the parser tags as the main verb: "and" joins two subjects
    "Velin, believed to be hiding in Ostmark, and a top aide were charged on Monday by a court in Brevik and are "
    "accused of plotting to bomb the harbour.",
])
def test_no_clause_cut_where_the_parse_joins_no_clauses(text):
    assert [t for t, _ in _claims(text)] == [text]


def test_a_good_cut_stays_when_another_in_the_sentence_is_dropped():
    claims = [t for t, _ in _claims(
        "Talks on a new cabinet have stalled in Ostrun, and officials in Ostrun and Velian negotiators were to sign "
        "a protocol for the harbour Friday and Velian negotiators said the harbour would reopen Sunday.")]
    assert claims == ["Talks on a new cabinet have stalled in Ostrun",
                      "officials in Ostrun and Velian negotiators were to sign a protocol for the harbour Friday and "
                      "Velian negotiators said the harbour would reopen Sunday."]


def test_an_apposition_between_subject_and_verb_does_not_stop_the_cut():
    assert [t for t, _ in _claims("Velin, the mayor of Ostrun, resigned on Monday, and villagers set fire to the "
                                  "town hall.")] == ["Velin, the mayor of Ostrun, resigned on Monday",
                                                     "villagers set fire to the town hall."]


@pytest.mark.parametrize("sentence, finite", [
    # the tagger reads "reopened" as a participle; with its own subject as the root it is a past tense
    ("The harbour reopened on Monday after two weeks of repairs.", True),
    # photo captions: a name and a place, or people "pictured" somewhere
    ("Members of the fishing fleet pictured at the harbour wall in Ostrun on Sunday.", False),
    ("Members of the caravan at the border wall on Sunday.", False),
    ("Fishermen and their families looking out over the harbour in Ostrun on May 10, 2026.", False),
])
def test_a_past_tense_read_as_a_participle_is_still_a_finite_verb(sentence, finite):
    (doc,) = annotate([Article(id="t", source="test", text="The port was shut. " + sentence)], cache=False)
    assert [c.finite for c in doc.claims if c.text.startswith(sentence[:20])] == [finite]


@pytest.mark.parametrize("text", [
    "\"We did not want this strike, but our members are exhausted,\" union leader Edvin Sorra told reporters.",
    "\u201cThe ferry is safe, and the crew knows the route,\u201d the harbour master said on Monday.",
])
def test_a_quote_is_not_cut_between_its_clauses(text):
    # the speaker's two clauses are one statement of theirs; a cut inside the marks leaves a claim that
    # opens a quote it never closes
    assert [t for t, _ in _claims(text)] == [text]


def test_a_trailing_attribution_the_parse_made_a_clause_is_no_claim_of_its_own():
    # "..., airport director Pavel Sorensen told reporters.": who said the rest, not a claim (it became a fact
    # of its own in a briefing, "airport director Pavel Sorensen told reporters.")
    from newsweave import Article
    from newsweave.annotate import annotate

    text = ("Flight NV417 from Ostrun touched down at 14:32 local time (1332 GMT) and overshot the runway by about "
            "300 metres before coming to rest in a field, airport director Pavel Sorensen told reporters.")
    doc = annotate([Article(id="x", source="x", text=text)], cache=False)[0]
    assert [c.text for c in doc.claims] == [text]


def test_an_expectation_with_its_own_subject_is_planned():
    # the parser makes "expects Halvar to weaken" a clausal complement, not an open one
    from newsweave import Article
    from newsweave.annotate import annotate

    text = "The weather office expects Halvar to weaken as it moves over the main island on Monday."
    doc = annotate([Article(id="x", source="x", text=text)], cache=False)[0]
    assert [c.modality for c in doc.claims] == ["planned"]


def test_a_clause_ending_in_a_bracket_keeps_its_closing_bracket():
    assert [t for t, _ in _claims(
        "Overnight temperatures in the hills have fallen to 2 degrees Celsius (36 degrees Fahrenheit), and rain is "
        "forecast for Tuesday.")] == [
        "Overnight temperatures in the hills have fallen to 2 degrees Celsius (36 degrees Fahrenheit)",
        "rain is forecast for Tuesday.",
    ]
