"""More attribution rules of newsweave.annotate.quotes (signed quotes, parser slips, relative clauses,
line labels). All sentences here are our own."""

from __future__ import annotations

import pytest

from newsweave.annotate.quotes import Attribution, extract_quotes, find_quote_spans


@pytest.fixture(scope="module")
def run(nlp):
    def _run(text: str) -> list[Attribution]:
        return extract_quotes(nlp(text))

    return _run


def by_speaker(attrs: list[Attribution], text: str) -> dict[str | None, Attribution]:
    return {a.speaker(text): a for a in attrs}


def test_signed_quotes_with_a_dash(run):
    text = (
        "Readers wrote to us after the vote.\n"
        "\u201cThe new bridge is the best thing this town has done in years.\u201d \u2015 Marta Olsen\n"
        "\u201cI will miss the old ferry.\u201d \u2014 Tomas Berg.\n"
    )
    got = by_speaker(run(text), text)
    assert got["Marta Olsen"].content(text) == "The new bridge is the best thing this town has done in years."
    assert got["Tomas Berg"].content(text) == "I will miss the old ferry."
    assert got["Tomas Berg"].kind == "direct"


def test_embedded_post_signature(run):
    text = "The council meets again on Monday and we will be there. \u2014 Harbour Watch (@harbourwatch) May 3, 2021\n"
    a = by_speaker(run(text), text)["Harbour Watch"]
    assert a.content(text) == "The council meets again on Monday and we will be there"


def test_a_dash_inside_a_sentence_is_no_signature(run):
    text = "The plan \u2014 Mayor Lind called it bold \u2014 passed on Tuesday.\n"
    assert not any(a.cue(text) in ("\u2014", "\u2015") for a in run(text))


def test_closing_mark_typed_at_paragraph_start_opens_a_quote():
    text = "Intro line.\n\u201dWe are not leaving,\u201d she said.\n"
    (q,) = [q for q in find_quote_spans(text) if q.double]
    assert text[q.inner_start : q.inner_end] == "We are not leaving,"


def test_subject_inside_the_quote_is_not_the_speaker(run):
    text = '"If the dam holds, it will hold for decades," said Ana Ruiz, an engineer who studied the site.'
    a = by_speaker(run(text), text).get("Ana Ruiz, an engineer who studied the site")
    assert a is not None and a.kind == "direct"


def test_gerund_after_a_preposition_takes_the_host_subject(run):
    text = "The mayor won applause by telling residents that the ferry would run again in June."
    a = next(a for a in run(text) if a.cue(text) == "telling")
    assert a.speaker(text) == "The mayor"
    assert "the ferry would run again in June" in a.content(text)


def test_reporting_verb_with_a_misparsed_clause(run):
    text = "Lind said after the meeting she would not sign the contract."
    a = next(a for a in run(text) if a.cue(text) == "said")
    assert a.speaker(text) == "Lind"
    assert "she would not sign the contract" in a.content(text)


def test_relative_clause_speaker(run):
    text = "The board hired an engineer who said the bridge was safe for another twenty years."
    a = next(a for a in run(text) if a.cue(text) == "said")
    assert "who" in a.speaker(text).split() and "engineer" in a.speaker(text)
    assert a.speaker_head == "engineer"
    assert a.content(text).startswith("the bridge was safe")


def test_line_labels_are_no_speakers(run):
    text = "Editor\u2019s note: An earlier version of this story misstated the date of the vote.\n"
    assert not any(a.cue(text) == ":" for a in run(text))
    text = "Poll: Most voters back the new bridge\n"
    a = next(a for a in run(text) if a.cue(text) == ":")
    assert a.speaker(text) == "Poll"


def test_reported_speech_after_a_paragraph_break_keeps_its_own_attribution(run):
    # the parser may run a sentence over a paragraph break; the second paragraph's attribution must survive
    text = 'The governor spoke first, saying that openness "brings progress."\n\nLind said that the footage was clear.'
    got = {a.cue(text): a for a in run(text)}
    assert "said" in got and got["said"].speaker(text) == "Lind"


# ------------------------------------------------- hand lexicon, paragraphs, headline subjects, object + reason


@pytest.mark.parametrize(
    "text, cue, speaker",
    [
        ("The harbour master fretted that the storm would close the port.", "fretted", "The harbour master"),
        ("The union leader scoffed that the offer was an insult.", "scoffed", "The union leader"),
        ("Farmers in the valley resolved to plant earlier next spring.", "resolved", "Farmers in the valley"),
    ],
)
def test_hand_written_cue_verbs(run, text, cue, speaker):
    a = next(a for a in run(text) if a.cue(text) == cue)
    assert a.speaker(text) == speaker


def test_evidential_and_fundraising_verbs_are_no_cues(run):
    assert not any(a.cue(t) in ("seems", "appeared") for t in ["The new ferry seems to run on time."] for a in run(t))
    text = "The old tower appeared to lean further after the storm."
    assert not any(a.cue(text) == "appeared" for a in run(text))
    text = "The school raised money for a new library."
    assert not any(a.cue(text) == "raised" for a in run(text))


def test_quote_closing_a_paragraph_is_not_framed_by_the_next_one(run):
    text = (
        "\u201cWe will open the bridge in May,\u201d the mayor said. \u201cThe repairs are nearly done.\u201d\n\n"
        "Residents said the detour had cost them an hour a day."
    )
    a = next(a for a in run(text) if a.speaker(text) == "Residents")
    assert a.content(text) == "the detour had cost them an hour a day"


def test_reported_content_stays_in_the_paragraph_of_its_cue(run):
    text = (
        "The inspector said the dam was sound, according to Dr. Ana Ruiz of the Water Board.\n\n"
        "Engineers noted that the spillway needs new gates before winter."
    )
    for a in run(text):
        if a.kind != "direct" and a.cue_start is not None:
            para = text.rfind("\n", 0, a.cue_start) + 1, (text.find("\n", a.cue_start) + 1 or len(text) + 1) - 1
            assert all(para[0] <= s and e <= para[1] for s, e in a.content_parts), a


def test_a_headline_run_into_the_sentence_is_not_the_speaker(run):
    text = (
        "The Latest on the harbour strike (all times local):\n\n"
        "Dock workers are once again questioning the safety of the new cranes, urging the port to inspect them."
    )
    for a in run(text):
        if a.speaker_start is not None:
            assert "Latest" not in a.speaker(text), a
    assert any(a.speaker(text) == "Dock workers" for a in run(text))


def test_a_colon_ending_a_paragraph_frames_the_next_paragraphs_quote(run):
    text = "The mayor spoke to the council on Monday. She said:\n\n\u201cWe will rebuild the bridge before winter.\u201d\n"
    a = next(a for a in run(text) if a.cue(text) == "said")
    assert a.content(text) == "We will rebuild the bridge before winter."
    assert a.speaker(text) == "She" and a.kind == "direct"


@pytest.mark.parametrize(
    "text, cue, content",
    [
        ("The senator blamed them for the long delay.", "blamed", "them for the long delay"),
        ("The coach described it as the worst game of the season.", "described", "it as the worst game of the season"),
    ],
)
def test_pronoun_object_with_a_reason_phrase(run, text, cue, content):
    a = next(a for a in run(text) if a.cue(text) == cue)
    assert a.content(text) == content
