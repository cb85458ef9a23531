"""Framing per outlet: loaded terms with offsets, voices and word choices. All sentences are ours."""

from __future__ import annotations

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


def test_build_framing_without_quotes_uses_doc_speakers(story):
    st, _ = story
    framing = build_framing(st.docs, st.facts, None)
    by = {f["article"]: f for f in framing}
    assert any("Kovel" in v for v in by["north"]["voices"])
