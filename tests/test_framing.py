"""Framing per outlet: loaded terms with offsets, voices and word choices. All sentences are ours."""

from __future__ import annotations

import json

import pytest

from newsweave.compose.framing import build_framing, loaded_terms
from newsweave.model import Article, Briefing


def test_loaded_terms_offsets_and_categories():
    text = "The mayor slammed the utterly disastrous plan and called its backers radical thugs."
    found = {text[s:e]: (term, cat) for s, e, term, cat, _score in loaded_terms(text)}
    assert found["slammed"] == ("slam", "loaded")
    assert found["utterly"][1] == "intensifier"
    assert found["disastrous"][1] == "subjective"
    assert found["thugs"] == ("thug", "name-calling")
    assert found["radical"][1] == "name-calling"
    for neutral in ("mayor", "plan", "called", "backers", "The"):
        assert neutral not in found
    for s, e, term, _cat, score in loaded_terms(text):
        assert text[s:e].lower().startswith(term[:3]) and 0 < score <= 1


def test_a_compound_headed_by_a_label_is_a_label():
    text = "The eco-zealots of the Green Alliance and a well-known, long-serving mayor."
    got = [(text[s:e], term, cat) for s, e, term, cat, _ in loaded_terms(text)]
    assert got == [("eco-zealots", "zealot", "name-calling")]
    # ... as is one headed by a word on our loaded list; the rioters another outlet calls marchers are labelled
    text = "Rioters wrecked the square after a march against the long-overdue reform."
    got = [(text[s:e], term, cat) for s, e, term, cat, _ in loaded_terms(text)]
    assert got == [("Rioters", "rioter", "name-calling"), ("long-overdue", "overdue", "loaded")], got
    # a side's words for the other side's acts and for its own dead
    text = "Nine soldiers were martyred in a week of unprovoked aggression."
    got = [term for s, e, term, cat, _ in loaded_terms(text)]
    assert got == ["martyr", "unprovoked", "aggression"], got
    # hype for a finding
    text = "A miracle walk, a groundbreaking study."
    assert [term for s, e, term, cat, _ in loaded_terms(text)] == ["miracle", "groundbreaking"]
    text = "Rioters wrecked the square after a march against the long-overdue reform."
    got = [(text[s:e], term, cat) for s, e, term, cat, _ in loaded_terms(text)]
    assert got == [("Rioters", "rioter", "name-calling"), ("long-overdue", "overdue", "loaded")], got


def test_neutral_reporting_has_no_loaded_terms():
    text = ("The council voted on Tuesday to extend the bus route to the harbour. Two people were injured "
            "in a collision on the bridge, police said, and the road was closed for three hours.")
    assert loaded_terms(text) == []


@pytest.fixture(scope="module")
def story():
    from newsweave.pipeline import align_stage, annotate_stage

    texts = {
        "north": ("The town of Veldmark was liberated by the Tarsin Brigade on Monday after a week of heavy fighting "
                  "near the river, officials said. \"We are finally free,\" said Anna Kovel, a teacher in the town. "
                  "The brutal occupation had lasted three years, and residents celebrated in the square."),
        "south": ("The town of Veldmark was handed over to the Tarsin Brigade on Monday after a week of heavy fighting "
                  "near the river, officials said. \"The handover was orderly,\" said General Piet Marin, who led the "
                  "withdrawal. The administration had run the town for three years."),
        "east": ("Aid convoys are expected to reach the valley later this week, the Red Cross said. "
                 "Schools in the region will stay closed until the roads are repaired."),
    }
    arts = [Article(id=k, source=f"{k}.txt", outlet=k.title() + " Daily", text=v) for k, v in texts.items()]
    st = annotate_stage(arts)
    briefing = Briefing(articles=arts)
    align_stage(st, briefing)
    from newsweave.compose.quotes import build_quotes

    briefing.quotes = build_quotes(st.docs, st.entities)
    return st, briefing


def test_build_framing_terms_voices_word_choices(story):
    st, briefing = story
    framing = build_framing(st.docs, st.facts, briefing.quotes, st.claim_index)
    by = {f["article"]: f for f in framing}
    assert set(by) == {"north", "south", "east"}

    north_text = st.docs[0].article.text
    terms = {t["term"]: t for t in by["north"]["terms"]}
    assert "brutal" in terms
    ev = terms["brutal"]["evidence"][0]
    assert ev["article"] == "north" and north_text[ev["start"]:ev["end"]] == "brutal"
    assert terms["brutal"]["count"] == len(terms["brutal"]["evidence"]) == 1
    assert "free" not in terms  # inside the direct quote: the speaker's word, not the outlet's

    assert any("Kovel" in v for v in by["north"]["voices"])
    assert any("Marin" in v for v in by["south"]["voices"])
    assert not any("Kovel" in v for v in by["south"]["voices"])
    assert by["east"]["word_choices"] == []

    north_choices = by["north"]["word_choices"]
    assert north_choices, by["north"]
    wc = north_choices[0]
    assert "liberated" in wc["this_outlet"]
    assert wc["others"] == {"south": ["handed over"]}
    assert wc["fact"] in {f.id for f in st.facts}
    south = by["south"]["word_choices"][0]
    assert south["this_outlet"] == ["handed over"] and "liberated" in south["others"]["north"]


def test_build_framing_loaded_sentences(story):
    st, briefing = story
    by = {f["article"]: f for f in build_framing(st.docs, st.facts, briefing.quotes, st.claim_index)}
    docs = {d.article.id: d for d in st.docs}
    for aid, item in by.items():
        assert item["loaded_share"] is None or 0 <= item["loaded_share"] <= 1
        for ev in item["loaded_sentences"]:
            assert ev["article"] == aid and ev["score"] >= 0
            assert "We are finally free" not in docs[aid].article.text[ev["start"]:ev["end"]]  # a direct quote
        scores = [ev["score"] for ev in item["loaded_sentences"]]
        assert scores == sorted(scores, reverse=True)
    north = by["north"]["loaded_sentences"]
    assert any("brutal occupation" in docs["north"].article.text[e["start"]:e["end"]] for e in north), north
    assert by["east"]["loaded_sentences"] == [] and by["east"]["loaded_share"] == 0
    # without the claim index every claim is encoded here and scored by the model
    again = {f["article"]: f for f in build_framing(st.docs, st.facts, briefing.quotes)}
    assert any("brutal occupation" in docs["north"].article.text[e["start"]:e["end"]]
               for e in again["north"]["loaded_sentences"])
    # with an index, claims it has not embedded are scored by the lexicon alone: nothing new is encoded
    from newsweave.compose import framing

    class NothingEmbedded:
        def computed_vectors(self, spans):
            return [None] * len(spans)

    lex_only = {f["article"]: f for f in build_framing(st.docs, st.facts, briefing.quotes, NothingEmbedded())}
    assert lex_only["north"]["loaded_sentences"]
    for ev in lex_only["north"]["loaded_sentences"]:
        text = docs["north"].article.text[ev["start"]:ev["end"]]
        assert ev["score"] == round(framing.loaded_score(text) - framing.LEXICON_THRESHOLD, 4)
    off = build_framing(st.docs, st.facts, briefing.quotes, sentences=False)
    assert all("loaded_sentences" not in f for f in off)


def test_build_framing_without_quotes_uses_doc_speakers(story):
    st, _ = story
    framing = build_framing(st.docs, st.facts, None)
    by = {f["article"]: f for f in framing}
    assert any("Kovel" in v for v in by["north"]["voices"])


def test_bias_model_is_shipped_with_its_licence():
    from newsweave.compose import framing

    data = json.loads(framing.BIAS_MODEL.read_text(encoding="utf-8"))
    assert data["licence"] == "CC-BY-SA-4.0" and "BABE" in data["about"] and "No BABE data" in data["about"]
    assert set(data["probes"]) == {"word_probe", "word_choice_probe"}
    for part in data["probes"].values():
        assert len(part["coef"]) == data["dim"] == 384 and part["std"] > 0
    model = framing.bias_model()
    assert model is not None and model["coef"].shape == (384,)
    readme = (framing.BIAS_MODEL.parent / "README.md").read_text(encoding="utf-8")
    assert "bias_probe.json" in readme and "CC BY-SA 4.0" in readme and "NewsWCL50" in readme


def test_sentence_bias_separates_loaded_from_neutral_reporting():
    from newsweave.compose.framing import sentence_bias

    loaded = [
        "The radical mayor's disgraceful scheme is a shameless attack on hardworking families.",
        "Once again the reckless governor rammed through a ludicrous plan that only his cronies could love.",
        "This outrageous power grab shows how utterly corrupt the council has become.",
    ]
    neutral = [
        "The council voted 7-2 on Tuesday to extend the bus route to the harbour, officials said.",
        "The company reported revenue of $3.1 billion for the quarter, up 4 percent from a year earlier.",
        "The bridge will be closed for repairs from June 3 to June 10, according to the transport office.",
    ]
    scores = sentence_bias(loaded + neutral)
    assert len(scores) == 6
    assert all(s >= 0 for s in scores[:3]), scores  # >= 0: at or above BIAS_THRESHOLD
    assert all(s < 0 for s in scores[3:]), scores
    assert min(scores[:3]) > max(scores[3:])
    assert sentence_bias([]) == []


def test_sentence_bias_uses_given_vectors_and_falls_back_to_the_lexicon():
    import numpy as np

    from newsweave.compose import framing

    text = "The mayor slammed the utterly disastrous plan."
    zero = np.zeros((1, 384), dtype=np.float32)
    model = framing.bias_model()
    expected = (model["intercept"] + model["lex_weight"] * (framing.loaded_score(text) - model["lex_mean"])
                / model["lex_std"] - framing.BIAS_THRESHOLD)
    assert framing.sentence_bias([text], zero)[0] == pytest.approx(expected, abs=1e-3)
    # vectors of another encoder (e.g. the static one, 256 dimensions): the lexicon score instead
    other = np.zeros((1, 256), dtype=np.float32)
    assert framing.sentence_bias([text], other)[0] == pytest.approx(
        framing.loaded_score(text) - framing.LEXICON_THRESHOLD, abs=1e-3)


def test_sentence_bias_with_the_static_encoder_uses_the_lexicon(monkeypatch):
    from newsweave.compose import framing

    monkeypatch.setenv("NEWSWEAVE_EMBEDDINGS", "static")
    text = "The council voted on Tuesday to extend the bus route to the harbour."
    assert framing.sentence_bias([text]) == [pytest.approx(-framing.LEXICON_THRESHOLD)]


def test_word_forms_of_one_word_are_not_a_word_choice():
    from newsweave.compose.framing import _word_choices
    from newsweave.pipeline import annotate_stage, align_stage
    from newsweave.model import Article, Briefing

    texts = {
        "a": "The party named Ilse Tamm its nominee for governor of Ostrun on Monday after a long primary fight.",
        "b": "The party nominated Ilse Tamm for governor of Ostrun on Monday after a long primary fight.",
    }
    arts = [Article(id=k, source=k, outlet=k.upper(), text=v) for k, v in texts.items()]
    st = annotate_stage(arts)
    align_stage(st, Briefing(articles=arts))
    for choices in _word_choices(st.docs, st.facts).values():
        for wc in choices:
            words = {w.lower() for w in wc["this_outlet"]} | {w.lower() for ws in wc["others"].values() for w in ws}
            assert not ({"nominee", "nominated"} <= words), wc


def test_a_word_of_a_name_is_no_loaded_term():
    """"Supreme" in "the Supreme Court" is part of a name, not the outlet's word choice; a loaded word the
    outlet chose beside it still counts."""
    from newsweave.pipeline import annotate_stage

    text = ("The Supreme Court of Marnia on Monday struck down the port tax in a brutal blow to the harbour "
            "authority, which had defended it for years.")
    # (a capitalised word inside a name of several is left out by its capitals alone, as the summary's count
    # of loaded words reads text without entities; a title-case headline is read word for word)
    assert not any(t[2] == "supreme" for t in loaded_terms(text))
    assert any(t[2] == "supreme" for t in loaded_terms("Supreme Leader Vows Brutal Revenge"))
    st = annotate_stage([Article(id="court", source="court.txt", outlet="Harbour Post", text=text)])
    assert any(m.text.endswith("Supreme Court of Marnia") or m.text.endswith("Supreme Court") for m in st.docs[0].entities)
    terms = {t["term"] for t in build_framing(st.docs, sentences=False)[0]["terms"]}
    assert "supreme" not in terms and "brutal" in terms, terms


def test_a_quantifier_is_no_voice():
    """'many admitted they did not know ...' quotes no one in particular: 'many' is no voice of the outlet."""
    from newsweave.compose.quotes import build_quotes
    from newsweave.pipeline import annotate_stage

    text = ("Harbour deputies were so stunned by the result that many admitted they did not know the winner's name. "
            "Mayor Ilse Varga said the count had been fair.")
    st = annotate_stage([Article(id="v", source="v.txt", outlet="Harbour Post", text=text)])
    quotes = build_quotes(st.docs, st.entities)
    assert any((q["speaker"] or "").lower() == "many" for q in quotes), quotes  # the quote list keeps it as written
    voices = build_framing(st.docs, quotes=quotes, sentences=False)[0]["voices"]
    assert "many" not in [v.lower() for v in voices] and any("Varga" in v for v in voices), voices


def test_documents_are_no_voices():
    """'records', 'the statement', 'a Harbour Post report which includes video ...' are where words come
    from, not who speaks; the students (not 'the students who') and named bodies are voices."""
    from newsweave.compose.framing import _document

    for doc in ("records", "the statement", "a written statement", "a Harbour Post report which includes video of him",
                "The resolution", "a memo from the company's ad team"):
        assert _document(doc), doc
    for voice in ("the students", "Bill Hennessy", "Kessel Tea Party Coalition", "Political observers", "Marine Reserve",
                  "Most of the harbour pilots", "Many economists"):
        assert not _document(voice), voice


def test_an_outlets_earlier_text_and_a_microphone_are_no_voices():
    """A correction's "an earlier version of this post said ..." is the outlet about itself; "was caught on a hot mic in
    the Senate ripping the agenda" names what recorded a senator, not who spoke."""
    from newsweave.compose.framing import _document

    for doc in ("an earlier version of this post", "a hot mic in the Senate", "an open microphone"):
        assert _document(doc), doc
    assert not _document("Version Media") and not _document("Senator Kessel")


def test_a_persons_surname_is_no_loaded_word():
    """"Earnest would not say whether ..." is White House press secretary Josh Earnest, not an earnest tone."""
    import newsweave
    from conftest import report

    text = ("White House Press Secretary Josh Earnest was asked about the emails on Tuesday.\n\n"
            "Earnest would not say whether the rules had been broken.")
    b = newsweave.brief([report("a", "Meridian Press", text, "2047-03-03")])
    assert not [t for f in b.framing for t in f["terms"] if t["term"] == "earnest"], b.framing


def test_a_voice_is_named_without_what_the_report_adds_about_it():
    """"Prime Minister Tony Blair's Labor Party government, which replaced a Conservative Party administration 18
    months ago" is the government; "A delegation of Chilean legislators lobbying against ..." the delegation."""
    from newsweave.compose.framing import _voices

    class _Doc:
        class article:
            id = "a"
    speakers = ["Prime Minister Tony Blair's Labor Party government, which replaced a Conservative Party administration",
                "A delegation of Chilean legislators lobbying against the possible extradition", "people living nearby",
                "Spanish", "Malaysian"]  # (a people's adjective alone, the rest of its noun phrase lost, is no voice)
    quotes = [{"speaker": s, "evidence": [{"article": "a", "start": 0, "end": 1}], "sources": ["a"]} for s in speakers]
    assert _voices(_Doc, quotes) == ["Prime Minister Tony Blair's Labor Party government",
                                     "A delegation of Chilean legislators", "people living nearby"]


def test_signs_and_evidence_are_no_voices():
    """'Growing signs that fuel prices are easing suggest ...', 'Most of the evidence about ... suggests ...',
    'The minutes released ... showed ...': nobody speaks there."""
    from newsweave.compose.framing import _document

    for speaker in ("Growing signs that fuel prices are easing", "Most of the evidence about when a slump begins",
                    "The minutes released", "the falling pace of price rises"):
        assert _document(speaker), speaker


def test_documents_named_after_their_author_and_quoted_phrases_are_no_voices():
    """'memos written by Ola Stam', 'copies of the memos obtained by The Kessel Journal', 'the list of questions'
    carry words; a quoted phrase ('a "racketeering enterprise"') and "More" speak for nobody."""
    from newsweave.compose.framing import _document, _voices

    for doc in ("memos written by Ola Stam", "copies of the memos obtained by The Kessel Journal", "the list of questions",
                "A few questions", "a report published in The Kessel Journal", "the timing of the account"):
        assert _document(doc), doc
    for voice in ("Kessel Tea Party Coalition", "officials of the Harbour Board", "the chairmen"):
        assert not _document(voice), voice

    class _Doc:  # the voices of an article come from the quote list's speakers
        class article:
            id = "a"
    quotes = [{"speaker": s, "evidence": [{"article": "a", "start": 0, "end": 1}], "sources": ["a"]}
              for s in ('a "racketeering enterprise"', "More", "Ola Stam")]
    assert _voices(_Doc, quotes) == ["Ola Stam"]


def test_the_report_lists_the_framings_voices():
    """The outlet card of every report lists the voices of the briefing's framing (the JSON), linked to a
    quote of each: not every speaker of the quote list ('several' and a document were listed there)."""
    import newsweave
    from newsweave.render.markdown import render_markdown

    text = ("Several think the slump has already started. Growing signs that fuel prices are easing suggest the "
            "peak has passed. Mayor Ilse Varga said the port would stay open all winter.")
    b = newsweave.brief([Article(id="v", source="v.txt", outlet="Harbour Post", text=text)])
    voices = b.framing[0]["voices"]
    assert any("Varga" in v for v in voices) and not any(v.lower().startswith(("several", "growing")) for v in voices)
    md = render_markdown(b)
    line = next(x for x in md.splitlines() if x.strip().startswith("- voices:"))
    assert "Varga" in line and "Several" not in line and "Growing" not in line, line
    assert "](#cite-" in line  # linked to the quote


@pytest.mark.parametrize("text, loaded", [
    ("Hundreds of migrants will make asylum claims at the Ostrun crossing.", False),
    ("The insurer rejected a claim for flood damage.", False),
    ("The mayor claims the flood maps were wrong.", True),
    ("The mayor claimed that the flood maps were wrong.", True),
])
def test_a_claim_filed_is_not_a_claim_doubted(text, loaded):
    from newsweave.compose.framing import loaded_terms

    assert ("claim" in [t[2] for t in loaded_terms(text)]) is loaded


def test_word_choices_are_aligned_substitutions_with_evidence():
    """Two wordings of one statement: the words that take each other's place pair up, word by word where
    the runs are as long; a word one outlet adds inside a shared phrase is a choice with nothing opposite;
    a different name or date is a different detail, and two sentences that share few words give nothing."""
    from newsweave.compose.framing import _word_choices
    from newsweave.model import Article, Briefing
    from newsweave.pipeline import align_stage, annotate_stage

    texts = {
        "a": ("Rescue crews worked through the night to pull stranded families from flooded farmhouses near "
              "Lenst after the river burst its banks on Friday. The regional council opened two shelters."),
        "b": ("Rescue teams laboured through the night to lift stranded families from flooded farmhouses near "
              "Lenst after the swollen river burst its banks on Saturday. Schools in the valley stay closed."),
    }
    arts = [Article(id=k, source=k, outlet=k.upper(), text=v) for k, v in texts.items()]
    st = annotate_stage(arts)
    align_stage(st, Briefing(articles=arts))
    choices = _word_choices(st.docs, st.facts)
    pairs = {(p["this"], p["other"]) for wc in choices["a"] for p in wc["pairs"]}
    assert {("crews", "teams"), ("worked", "laboured"), ("pull", "lift"), ("", "swollen")} <= pairs, pairs
    assert not any("Friday" in x or "Saturday" in x for pair in pairs for x in pair)  # a date differs: no word choice
    assert not any("council" in x or "Schools" in x for pair in pairs for x in pair)
    for wc in choices["a"]:
        assert wc["fact"] in {f.id for f in st.facts}
        assert set(wc["this_outlet"]) == {p["this"] for p in wc["pairs"] if p["this"]}
        for p in wc["pairs"]:
            ev_a, ev_b = p["evidence"]
            if p["this"]:
                assert texts["a"][ev_a["start"]:ev_a["end"]] == p["this"]
            if p["other"]:
                assert texts["b"][ev_b["start"]:ev_b["end"]] == p["other"]
    mirrored = {(p["this"], p["other"]) for wc in choices["b"] for p in wc["pairs"]}
    assert mirrored == {(o, t) for t, o in pairs}


@pytest.mark.parametrize("a, b, words", [
    ("The storm was a big blow to the harbour town of Velm and its fishing fleet on Monday.",
     "The storm was a bigger blow to the harbour town of Velm and its fishing fleet on Monday.", {"big", "bigger"}),
    ("The mayor of Velm resigned on Friday, saying the harbour budget could not be saved.",
     "The mayor of Velm resigned on Friday, telling reporters the harbour budget could not be saved.",
     {"saying", "telling"}),
])
def test_forms_of_one_word_and_verbs_of_saying_are_no_word_choices(a, b, words):
    from newsweave.compose.framing import _word_choices
    from newsweave.model import Article, Briefing
    from newsweave.pipeline import align_stage, annotate_stage

    arts = [Article(id=k, source=k, outlet=k.upper(), text=v) for k, v in (("a", a), ("b", b))]
    st = annotate_stage(arts)
    align_stage(st, Briefing(articles=arts))
    assert any(len({c.article for c in f.claims}) == 2 for f in st.facts)  # the two wordings are one fact
    for choices in _word_choices(st.docs, st.facts).values():
        for wc in choices:
            for p in wc["pairs"]:
                assert not ({p["this"].lower(), p["other"].lower()} & words), p


def test_the_verbs_of_one_act_told_in_sentences_built_differently_are_word_choices():
    """"handed over", "liberated", "ceded": one act, three sentences built around different subjects; the
    verbs take one place (before the same object). A verb of saying, or sentences sharing only a name, are
    no such choice."""
    from newsweave.compose.framing import _word_choices
    from newsweave.model import Article, Briefing
    from newsweave.pipeline import align_stage, annotate_stage

    texts = {
        "a": "Tarsin forces handed over the Veldin district to Ostmark on Friday under the truce, the defence ministry said.",
        "b": "Ostmark troops liberated the Veldin district from Tarsin forces on Friday under the truce, the defence ministry said.",
        "c": "Tarsin ceded the Veldin district to Ostmark on Friday under the truce signed last week.",
    }
    arts = [Article(id=k, source=k, outlet=k.upper(), published="2026-11-20", text=v) for k, v in texts.items()]
    st = annotate_stage(arts)
    align_stage(st, Briefing(articles=arts))
    choices = _word_choices(st.docs, st.facts)
    pairs = {(a, p["this"], p["article"], p["other"]) for a, wcs in choices.items() for wc in wcs for p in wc["pairs"]}
    assert {("a", "handed over", "b", "liberated"), ("a", "handed over", "c", "ceded"),
            ("b", "liberated", "c", "ceded")} <= pairs, pairs
    for a, wcs in choices.items():
        for p in (p for wc in wcs for p in wc["pairs"]):
            ev = p["evidence"][0]
            assert texts[a][ev["start"]:ev["end"]] == p["this"]


def test_copies_of_one_wording_share_its_word_choices():
    """Two outlets running one wire text word the fact alike: each gets the choices against the third
    outlet's wording, with evidence in its own text, and none against the other copy."""
    from newsweave.compose.framing import _word_choices
    from newsweave.model import Article, Briefing
    from newsweave.pipeline import align_stage, annotate_stage

    wire = ("Rescue crews worked through the night to pull stranded families from flooded farmhouses near Lenst "
            "after the river burst its banks on Friday.")
    own = ("Rescue teams laboured through the night to lift stranded families from flooded farmhouses near Lenst "
           "after the river burst its banks on Friday.")
    texts = {"a": wire, "b": "Officials said the flood was the worst in decades. " + wire, "c": own}
    arts = [Article(id=k, source=k, outlet=k.upper(), text=v) for k, v in texts.items()]
    st = annotate_stage(arts)
    align_stage(st, Briefing(articles=arts))
    choices = _word_choices(st.docs, st.facts)
    for copy in ("a", "b"):
        pairs = [p for wc in choices[copy] for p in wc["pairs"]]
        assert {(p["this"], p["article"], p["other"]) for p in pairs} >= {("crews", "c", "teams"), ("pull", "c", "lift")}
        assert not any(p["article"] in ("a", "b") for p in pairs)
        for p in pairs:
            ev = p["evidence"][0]
            assert texts[copy][ev["start"]:ev["end"]] == p["this"]


def test_a_fact_is_shown_in_its_most_neutral_wording():
    """The wording the alignment finds most central may be one side's ("ending a week of unprovoked Ostmarkian
    aggression"); the fact is shown in a wording with the fewest loaded terms, whose evidence comes first."""
    from newsweave.compose.framing import prefer_neutral_wordings

    texts = {
        "velia": "Velia agreed a ceasefire with Ostmark on Wednesday, ending a week of unprovoked Ostmarkian aggression.",
        "wire": "Velia and Ostmark agreed on Wednesday to a ceasefire after a week of clashes.",
        "ostmark": "Velia was forced to accept a truce after its invasion failed.",
    }
    span = {k: {"article": k, "start": 0, "end": len(t)} for k, t in texts.items()}
    facts = [{"id": "F1", "text": texts["velia"], "sources": ["velia", "ostmark", "wire"],
              "evidence": [span["velia"], span["ostmark"], span["wire"]]},
             {"id": "F2", "text": texts["wire"], "sources": ["wire", "velia"], "evidence": [span["wire"], span["velia"]]}]
    prefer_neutral_wordings(facts, texts)
    assert facts[0]["text"] == texts["wire"] and facts[0]["sources"] == ["wire", "velia", "ostmark"]
    assert facts[0]["evidence"] == [span["wire"], span["velia"], span["ostmark"]]
    assert facts[1]["text"] == texts["wire"]  # already the most neutral: unchanged


def test_a_main_verb_the_other_wording_lacks_is_no_word_choice():
    """ "Norvik Energy chief executive Anders Holm resigned on Wednesday, a week after ..." / "Norvik Energy's board
    forced out chief executive Anders Holm on Wednesday, a week after ...": "resigned" is the first wording's
    verb, which the second built its sentence without; it is no word added inside a shared phrase."""
    from newsweave import Article, brief

    texts = {
        "w": "Norvik Energy chief executive Anders Holm resigned on Wednesday, a week after a government report "
             "blamed the company for a gas explosion that killed four workers at its Kelby terminal.",
        "d": "Norvik Energy's board forced out chief executive Anders Holm on Wednesday, a week after a damning "
             "government report blamed the company for the explosion that killed four workers at its Kelby terminal.",
        "p": "Anders Holm stepped down as chief executive of Norvik Energy on Wednesday after nine years, a week "
             "after the explosion at its Kelby terminal.",
    }
    b = brief([Article(id=k, source=k, outlet=k, published="2027-06-02", text=t) for k, t in texts.items()])
    pairs = [(p["this"], p["other"]) for f in b.framing for w in f.get("word_choices", []) for p in w["pairs"]]
    assert pairs and not any("resigned" in (x, y) for x, y in pairs), pairs


def test_a_plural_label_is_a_label_and_a_court_striking_down_a_law_is_no_judgement():
    text = "The unelected court tore up the law that kept rowdy mobs away, striking down the ban."
    terms = {t[2] for t in loaded_terms(text)}
    assert {"mob", "rowdy", "unelected"} <= terms
    assert "striking" not in terms
    # the adjective is still one: "a striking image"
    assert "striking" in {t[2] for t in loaded_terms("It was a striking image of the flood.")}


def test_a_criminal_investigation_is_the_laws_term_and_greed_is_a_verdict():
    # a paper calling the pilots greedy fat cats judges them; prosecutors opening a criminal inquiry do not
    terms = {t[2] for t in loaded_terms("Greedy fat-cat pilots will wreck the holidays of callous bosses' customers.")}
    assert {"greedy", "fat-cat", "callous"} <= terms
    for text in ("Prosecutors opened a criminal investigation into the dam's operator.",
                 "The mayor faces criminal charges over the collapse."):
        assert "criminal" not in {t[2] for t in loaded_terms(text)}, text
    assert "criminal" in {t[2] for t in loaded_terms("They called the government a criminal gang of crooks.")}


def test_a_fall_into_a_place_is_told_not_judged():
    # "a bus plunged into a gorge" says what happened; "shares plunged" and "plunged into chaos" colour it
    assert "plunge" not in {t[2] for t in loaded_terms("A bus carrying pilgrims plunged into a gorge in northern Velia.")}
    assert "plunge" not in {t[2] for t in loaded_terms("The car plunged off a bridge into the river.")}
    assert "plunge" in {t[2] for t in loaded_terms("Shares of Brisk plunged 20% on Monday.")}
    assert "plunge" in {t[2] for t in loaded_terms("The country plunged into chaos after the vote.")}


def test_how_an_accident_went_is_told_and_a_verdict_on_its_people_is_loaded():
    # a wire's "fatal falls", "survived" and "trapped" say what happened; a tabloid's "plucky" hiker on a
    # "notorious" trail judges; "plunged to their deaths" is a fall like "plunged into a gorge"
    told = ("The range has seen three fatal falls, and the hiker, who was trapped in a ravine, survived by drinking "
            "from a stream after failing to climb out. Three hikers have plunged to their deaths there.")
    assert {t[2] for t in loaded_terms(told)} == set()
    assert {t[2] for t in loaded_terms("The plucky engineer set off from the notorious trail.")} == {"plucky", "notorious"}
    assert "plunge" in {t[2] for t in loaded_terms("Shares plunged to a record low.")}


def test_a_test_result_and_a_championship_are_told_and_a_vindication_is_a_verdict():
    told = ("Castell tested positive for a stimulant after returning a positive test in Lyon, and will miss the "
            "world championships.")
    assert {t[2] for t in loaded_terms(told)} == set()
    assert "positive" in {t[2] for t in loaded_terms("The minister called the talks a positive step.")}
    assert "vindicated" in {t[2] for t in loaded_terms("The sprinter was finally vindicated yesterday.")}


@pytest.mark.parametrize("text", [
    "In its latest monthly report, the central bank said prices rose.",
    "An elected member of parliament said the prosecution had rested its case.",
    "A friend of the victim said the company ranks fourth in the market.",
    "Seismologists put its strength at 7.4 after the deadly quake.",
    "The report describes sexual abuse of prisoners and beatings as punishment.",
])
def test_words_that_only_describe_are_no_colour(text):
    """Words seen flagged most often in the DUC 2006 and 2007 inputs where they only describe."""
    from newsweave.compose.framing import loaded_terms

    assert not loaded_terms(text), loaded_terms(text)
