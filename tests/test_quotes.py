"""Quotation and attribution extraction (newsweave.annotate.quotes). All sentences here are our own."""

from __future__ import annotations

import sys

import pytest

from conftest import REPO, shared_path
from newsweave.annotate.quotes import Attribution, extract_quotes, find_quote_spans


@pytest.fixture(scope="module")
def run(nlp):
    def _run(text: str) -> list[Attribution]:
        attrs = extract_quotes(nlp(text))
        for a in attrs:  # offsets are always consistent with the text
            assert 0 <= a.content_start < a.content_end <= len(text)
            assert a.content(text) == text[a.content_start : a.content_end]
            assert a.content_parts[0][0] == a.content_start and a.content_parts[-1][1] == a.content_end
            if a.speaker_start is not None:
                assert 0 <= a.speaker_start < a.speaker_end <= len(text)
            if a.cue_start is not None:
                assert 0 <= a.cue_start < a.cue_end <= len(text)
        return attrs

    return _run


def parts(a: Attribution, text: str) -> list[str]:
    return [text[s:e] for s, e in a.content_parts]


def only(attrs: list[Attribution]) -> Attribution:
    assert len(attrs) == 1, attrs
    return attrs[0]


# ----------------------------------------------------------------------------------------- direct quotes


def test_direct_quote_speaker_after_and_continuation(run):
    text = '"We will rebuild the bridge," the minister said. "It will take two years."'
    a = only(run(text))
    assert a.kind == "direct"
    assert parts(a, text) == ["We will rebuild the bridge,", "It will take two years."]
    assert a.speaker(text) == "the minister"
    assert a.speaker_head == "minister"
    assert a.cue(text) == "said"


def test_split_quote_is_one_attribution_with_two_parts(run):
    text = "“We will win,” Smith told reporters, “and we will win big.”"
    a = only(run(text))
    assert a.kind == "direct"
    assert parts(a, text) == ["We will win,", "and we will win big."]
    assert a.speaker(text) == "Smith"
    assert a.cue(text) == "told"


def test_speaker_before_quote_with_colon(run):
    text = "The coach said: “We are ready for the final.”"
    a = only(run(text))
    assert a.kind == "direct"
    assert a.content(text) == "We are ready for the final."
    assert a.speaker(text) == "The coach"


def test_multi_paragraph_quote(run):
    text = (
        "Smith said: “We are ready.\n\n"
        "“We have trained for years. We will not fail.”\n\n"
        "The match starts on Sunday."
    )
    a = only(run(text))
    assert a.kind == "direct"
    assert a.content_start == text.index("We are ready")
    assert a.content_end == text.index("fail.") + len("fail.")
    assert "The match" not in a.content(text)
    assert a.speaker(text) == "Smith"


def test_single_straight_quotes_and_other_cue_verb(run):
    text = "'We do not negotiate with anyone,' the spokesman insisted."
    a = only(run(text))
    assert a.content(text) == "We do not negotiate with anyone,"
    assert a.cue(text) == "insisted"
    assert a.speaker(text) == "the spokesman"


# ---------------------------------------------------------------------------------------- reported speech


def test_said_that_in_a_statement(run):
    text = "The governor said in a statement that the bridge would reopen."
    a = only(run(text))
    assert a.kind == "indirect"
    assert a.content(text) == "that the bridge would reopen"
    assert a.cue(text) == "said in a statement"
    assert a.speaker(text) == "The governor"


def test_told_agency(run):
    text = "The senator told AFP that the talks had failed."
    a = only(run(text))
    assert a.content(text) == "that the talks had failed"
    assert a.cue(text) == "told"
    assert a.speaker(text) == "The senator"
    assert a.speaker_head == "senator"


@pytest.mark.parametrize(
    "text, content, speaker",
    [
        ("According to the ministry, three soldiers were killed.", "three soldiers were killed", "the ministry"),
        ("Three soldiers were killed, according to local officials.", "Three soldiers were killed", "local officials"),
    ],
)
def test_according_to(run, text, content, speaker):
    a = only(run(text))
    assert a.kind == "according_to"
    assert a.content(text) == content
    assert a.speaker(text) == speaker
    assert a.cue(text).lower() == "according to"


def test_passive_announced_by(run):
    text = "It was announced by the ministry that the border would close."
    a = only(run(text))
    assert a.content(text) == "that the border would close"
    assert a.speaker(text) == "the ministry"
    assert a.cue(text) == "announced"


def test_parenthetical_cue(run):
    text = "The economy, he said, is strong."
    a = only(run(text))
    assert parts(a, text) == ["The economy", "is strong"]
    assert a.speaker(text) == "he"


def test_warned_and_denied(run):
    text = "Officials warned that the dam could fail. Jones denied the report on Tuesday."
    warned, denied = run(text)
    assert (warned.cue(text), warned.speaker(text), warned.content(text)) == (
        "warned",
        "Officials",
        "that the dam could fail",
    )
    assert (denied.cue(text), denied.speaker(text), denied.content(text)) == ("denied", "Jones", "the report")


def test_mixed_partial_quote(run):
    text = "Morgan said the plan was “a serious mistake” and should be dropped."
    a = only(run(text))
    assert a.kind == "mixed"
    assert a.content(text) == "the plan was “a serious mistake” and should be dropped"
    assert a.speaker(text) == "Morgan"


# -------------------------------------------------------------------------------------- speaker resolution


def test_pronoun_resolves_to_preceding_person(run):
    text = "Mayor Anna Berg opened the bridge on Monday. She said the repairs had cost less than expected."
    a = only(run(text))
    assert a.speaker(text) == "She"
    assert a.speaker_resolved == "Anna Berg"
    assert a.content(text) == "the repairs had cost less than expected"


def test_definite_description_resolves_to_organisation(run):
    text = "The Transport Ministry issued new rules on Friday. The ministry warned that delays would continue."
    a = only(run(text))
    assert a.speaker(text) == "The ministry"
    assert a.speaker_head == "ministry"
    assert a.speaker_resolved is not None and a.speaker_resolved.endswith("Transport Ministry")


def test_surname_resolves_to_full_name(run):
    text = "Haley Morris joined the campaign in May. Morris says the candidate will keep going."
    a = only(run(text))
    assert a.speaker(text) == "Morris"
    assert a.speaker_resolved == "Haley Morris"


# ------------------------------------------------------------------------------------------ non-quotes


def test_text_without_attributions(run):
    assert run("Residents stayed home on Tuesday. The river rose by two metres overnight.") == []


def test_apostrophes_do_not_open_quotes():
    text = "Armenia's president didn't travel. The voters' choice was clear, and it's over. 'Tis rare."
    spans = find_quote_spans(text)
    # no span may start at an in-word or word-final apostrophe
    for q in spans:
        assert text[q.start] in "'‘\"“", q
        assert q.start == 0 or not text[q.start - 1].isalpha()
    assert all(not (q.start < text.index("didn") < q.end) for q in spans)


def test_curly_apostrophes_inside_a_quote(run):
    text = "“Armenia’s farmers don’t want a war,” Aliyev said."
    spans = find_quote_spans(text)
    assert [(text[q.inner_start : q.inner_end]) for q in spans] == ["Armenia’s farmers don’t want a war,"]
    a = only(run(text))
    assert a.content(text) == "Armenia’s farmers don’t want a war,"
    assert a.speaker(text) == "Aliyev"


def test_quote_spans_straight_and_curly():
    text = 'He used the word "reform" twice. “It works,” she said. ‘Fine,’ he replied.'
    inner = [text[q.inner_start : q.inner_end] for q in find_quote_spans(text)]
    assert inner == ["reform", "It works,", "Fine,"]


def test_scare_quote_without_cue_is_not_an_attribution(run):
    assert run('The so-called "reform" passed on Monday after a long debate in the chamber.') == []


# ----------------------------------------------------------------------------------- real data smoke test


def test_polnear_dev_smoke(nlp):
    data = shared_path("benchmarks", "polnear", "dev")
    sys.path.insert(0, str(REPO / "bench"))
    import polnear  # bench/polnear.py

    assert data.is_dir()
    scores = polnear.Scores()
    for art in polnear.load_split("dev", limit=3):
        gold = polnear.parse_ann(art.ann_files[0])
        preds = polnear.pred_from(art.text, extract_quotes(nlp(art.text)))
        polnear.score_doc(scores, art.text, preds, gold)
    assert scores.attribution.n_gold > 0
    assert scores.attribution.f > 40.0, (scores.attribution.p, scores.attribution.r)


# ------------------------------------------------------------ hand cue lexicon and stance adjectives


def test_cue_lexicon_is_hand_written():
    from newsweave.annotate import quotes

    # nothing learned from an annotated corpus is read (PolNeAR states no licence)
    assert not hasattr(quotes, "_LEXICON")
    assert "say" in quotes.CCOMP_VERBS and "say" in quotes.CUE_VERBS
    assert "confident" in quotes.CUE_ADJS
    assert not {"seem", "appear"} & quotes._ALL_CUE_VERBS  # evidentials name no source


@pytest.mark.parametrize(
    "text, cue, speaker, content",
    [
        ("Most economists agree that the new tax will slow growth.", "agree", "Most economists",
         "that the new tax will slow growth"),
        ("The coach reminded the players that the final starts at noon.", "reminded", "The coach",
         "that the final starts at noon"),
        ("The council votes next week. The chairwoman worries that the plan is too expensive.", "worries",
         "The chairwoman", "that the plan is too expensive"),
        ("The mayor rejected the proposal on Monday.", "rejected", "The mayor", "the proposal"),
    ],
)
def test_hand_lexicon_cue_verbs(run, text, cue, speaker, content):
    a = only(run(text))
    assert (a.cue(text), a.speaker(text), a.content(text)) == (cue, speaker, content)
    assert a.kind == "indirect"


@pytest.mark.parametrize(
    "text, cue, speaker, content",
    [
        ("The senator is confident that the bill will pass.", "is confident", "The senator", "that the bill will pass"),
        ("The farmers were eager to sell their crops before winter.", "were eager", "The farmers",
         "to sell their crops before winter"),
    ],
)
def test_stance_adjective_cues(run, text, cue, speaker, content):
    a = only(run(text))
    assert (a.cue(text), a.speaker(text), a.content(text)) == (cue, speaker, content)


def test_adjective_without_clause_is_not_a_cue(run):
    assert run("The farmers were eager and the weather was fine.") == []


def test_quote_after_paragraph_break_does_not_take_previous_paragraph(run):
    text = "The river flooded the valley.\n\n“We will rebuild every house,” the mayor said."
    a = only(run(text))
    assert parts(a, text) == ["We will rebuild every house,"]
    assert a.speaker(text) == "the mayor"
    assert a.kind == "direct"


@pytest.mark.parametrize("text, speaker, content", [
    # the parser hangs the dateline on the reported clause here: its content then began with the dateline
    ("VELMOR, April 9 (Nordpress) - At least six people were killed and about 900 were forced from their homes "
     "after a levee on the Oska river gave way late on Tuesday, sending water through the town of Velmor, "
     "officials said.", "officials", "At least six people were killed"),
    ("PORT ALVEN, Nov. 3 (Harbour Wire) - The ferry ran aground off Skerra island, the coastguard said.",
     "the coastguard", "The ferry ran aground"),
    ("Earlier reports were wrong.\n\nPORT ALVEN (Harbour Wire) - The ferry ran aground off Skerra island, the "
     "coastguard said.", "the coastguard", "The ferry ran aground"),
])
def test_reported_speech_after_a_dateline_leaves_the_dateline_out(run, text, speaker, content):
    a = next(a for a in run(text) if a.speaker(text) == speaker)
    assert a.content(text).startswith(content)


@pytest.mark.parametrize("text", [
    "PORT ELLEN, Ga. — President Varga began meetings with the leader of Velia on Tuesday by saying he supports "
    "talks by the two provinces to formally end a dispute that has lasted three decades.",
    "SAN MARCO, Calif. — Governor Varga opened the session on Tuesday by saying he backs a plan to end the water "
    "dispute.",
])
def test_a_dateline_is_never_the_speaker(run, text):
    """The parser can make the dateline the subject ("PORT ELLEN, Ga" saying ...): the speaker is the name
    after it."""
    a = next(a for a in run(text) if a.content(text).startswith("he "))
    assert a.speaker(text).endswith("Varga"), a.speaker(text)


@pytest.mark.parametrize("text", [
    '"The pumps were never serviced," said a former engineer, who asked not to be named.',
    "A port official, who asked not to be identified because he was not authorised to speak, said the ferry "
    "had been overloaded.",
])
def test_a_condition_of_anonymity_is_not_what_the_source_said(run, text):
    contents = [a.content(text) for a in run(text)]
    assert not any(c.startswith(("not to be", "to be")) for c in contents), contents
    assert any("pumps were never serviced" in c or "ferry had been overloaded" in c for c in contents), contents


@pytest.mark.parametrize("text, speaker", [
    # a relative clause set off by commas is an aside about the speaker
    ("The government, which passed the law in March 2025 after weeks of protests, said it would draft a new bill.",
     "The government"),
])
def test_an_aside_about_the_speaker_is_not_its_name(run, text, speaker):
    assert only(run(text)).speaker(text) == speaker


def test_a_relative_clause_that_holds_the_cue_keeps_its_pronoun_in_the_speaker(run):
    # "Ana Lind, who says the plan was rushed, ...": the clause is the attribution, "who" its source
    text = "Ana Lind, who says the plan was rushed, wants a new vote."
    said = [a for a in run(text) if a.content(text) == "the plan was rushed"]
    assert said and said[0].speaker(text).endswith("who")
