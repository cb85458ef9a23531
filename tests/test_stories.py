"""Story grouping (newsweave.stories) and the ``newsweave group`` command. Articles written for these tests."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from newsweave.cli import app
from newsweave.ingest import ingest
from newsweave.model import Article
from newsweave.stories import attach_leftovers, average_linkage, group_stories

FLOOD = [
    "Floodwater breached the Lesna levee near Dorvan overnight, forcing 3,000 residents of the Dorvan lowlands from "
    "their homes. Rescue boats pulled families from rooftops as the Lesna river kept rising.",
    "The Lesna river burst its levee at Dorvan, officials said. About 3,000 people were evacuated from the lowlands "
    "and rescue boats worked through the night to reach stranded families.",
    "Dorvan residents waded through muddy streets on Tuesday after the Lesna levee failed. Evacuation centres in "
    "Dorvan housed 3,000 people displaced by the flood.",
]
ELECTION = [
    "Marnia's opposition leader Ilse Tamm won the presidential runoff with 54 percent of the vote, the electoral "
    "commission said, ending twelve years of Social Union rule.",
    "Ilse Tamm claimed victory in Marnia's presidential runoff on Sunday. The electoral commission put her share "
    "at 54 percent; the Social Union candidate conceded.",
    "Supporters of Ilse Tamm celebrated in the Marnian capital after the runoff result. Turnout in the presidential "
    "vote was 61 percent, the commission said.",
]
TRANSFER = [
    "Striker Dario Flek joined Kessel Athletic from Varna City for a club-record fee of 40 million euros, signing "
    "a five-year contract at the Athletic stadium.",
    "Kessel Athletic confirmed the signing of Dario Flek from Varna City. The striker's fee of 40 million euros "
    "is a record for the Athletic.",
]


def _stream() -> list[Article]:
    texts = [FLOOD[0], ELECTION[0], TRANSFER[0], FLOOD[1], ELECTION[1], FLOOD[2], TRANSFER[1], ELECTION[2]]
    return [Article(id=f"a{i}", source=f"a{i}", text=t) for i, t in enumerate(texts)]


def _membership(groups) -> set[frozenset[str]]:
    return {frozenset(g.articles) for g in groups}


def test_a_mixed_stream_falls_into_its_stories():
    groups = group_stories(_stream())
    assert _membership(groups) == {frozenset({"a0", "a3", "a5"}), frozenset({"a1", "a4", "a7"}), frozenset({"a2", "a6"})}
    assert [len(g.articles) for g in groups] == [3, 3, 2]  # biggest first
    flood = next(g for g in groups if "a0" in g.articles)
    assert {"dorvan", "lesna"} & set(flood.label)


def test_reports_that_spell_the_places_differently_are_one_story():
    """ "Kharkov", "Kiev" and "Odessa" in one outlet's report, "Kharkiv", "Kyiv" and "Odesa" in another's: the
    gazetteer's names of the same places, so the two reports share them (the label shows one spelling)."""
    ice = [
        "An ice storm brought down power lines across Ukraine, leaving 300,000 homes around Kharkiv and Kyiv without "
        "electricity. Trains between Kyiv and Odesa ran six hours late.",
        "Freezing rain toppled power lines around Kharkov, cutting electricity to 280,000 households near Kharkov "
        "and Kiev. Rail services from Kiev to Odessa were delayed.",
    ]
    texts = [FLOOD[0], ice[0], ELECTION[0], FLOOD[1], ice[1], ELECTION[1]]
    groups = group_stories([Article(id=f"a{i}", source=f"a{i}", text=t) for i, t in enumerate(texts)])
    assert frozenset({"a1", "a4"}) in _membership(groups), _membership(groups)
    label = next(g.label for g in groups if "a1" in g.articles)
    assert not [w for w in label if w.startswith("place")], label


def test_average_linkage_does_not_chain():
    # A~B and B~C are similar, A and C were never found similar: single linkage would make one group of three
    graph = {0: {1: 0.5}, 1: {0: 0.5, 2: 0.5}, 2: {1: 0.5}}
    labels = average_linkage(3, graph, 0.3)
    assert len(set(labels)) == 2  # {A, B} with C: average (0.5 + 0) / 2 = 0.25 < 0.3
    labels = average_linkage(3, {0: {1: 0.5, 2: 0.4}, 1: {0: 0.5, 2: 0.5}, 2: {1: 0.5, 0: 0.4}}, 0.3)
    assert len(set(labels)) == 1


def test_dates_far_apart_keep_reports_apart_when_asked():
    a = Article(id="x", source="x", published="2020-01-10", text=FLOOD[0])
    b = Article(id="y", source="y", published="2021-03-02", text=FLOOD[1])
    assert len(group_stories([a, b])) == 1
    assert len(group_stories([a, b], max_gap_days=30)) == 2


def test_group_command_writes_stories_that_batch_can_read(tmp_path):
    src = tmp_path / "stream"
    src.mkdir()
    for a in _stream():
        (src / f"{a.id}.txt").write_text(a.text + "\n", encoding="utf-8")
    (src / "broken.json").write_text("{not json", encoding="utf-8")
    out = tmp_path / "stories"
    res = CliRunner().invoke(app, ["group", str(src), "-o", str(out)])
    assert res.exit_code == 0, res.output
    manifest = json.loads((out / "stories.json").read_text())
    assert manifest["schema"] == "newsweave.stories/1"
    assert sorted(len(s["articles"]) for s in manifest["stories"]) == [2, 3, 3]
    assert [s["source"].endswith("broken.json") for s in manifest["skipped"]] == [True]  # accounted for, with a reason
    assert manifest["skipped"][0]["reason"]
    # every story file reads back as the same articles
    for s in manifest["stories"]:
        back = ingest([str(out / s["file"])])
        assert not back.skipped
        assert sorted(a.id for a in back.articles) == sorted(s["articles"])
        assert all(a.text.strip() in FLOOD + ELECTION + TRANSFER for a in back.articles)


def test_a_story_file_keeps_each_reports_moment_of_publication(tmp_path):
    """Reports of one day are ordered by the moment each came out: the story files `group` writes keep it."""
    src = tmp_path / "stream"
    src.mkdir()
    for i, (text, when) in enumerate(zip(FLOOD, ["2025-04-01T06:00:00Z", "2025-04-01T18:30:00+02:00", "2025-04-02"])):
        (src / f"f{i}.txt").write_text(f"date {when}\n{text}\n", encoding="utf-8")
    out = tmp_path / "stories"
    assert CliRunner().invoke(app, ["group", str(src), "-o", str(out)]).exit_code == 0
    manifest = json.loads((out / "stories.json").read_text())
    back = {a.id: a for s in manifest["stories"] for a in ingest([str(out / s["file"])]).articles}
    assert back["f0"].published_time == "2025-04-01T06:00:00+00:00"
    assert back["f1"].published_time == "2025-04-01T18:30:00+02:00"
    assert (back["f2"].published, back["f2"].published_time) == ("2025-04-02", None)


def test_an_article_left_alone_joins_the_story_it_is_clearly_nearest():
    # stories {0, 1, 2} and {3, 4}; article 5 is near the first (average 0.12) and hardly near the second (0.02)
    graph = {0: {1: 0.4, 2: 0.4, 5: 0.12}, 1: {0: 0.4, 2: 0.4, 5: 0.1}, 2: {0: 0.4, 1: 0.4, 5: 0.14},
             3: {4: 0.5, 5: 0.04}, 4: {3: 0.5}, 5: {0: 0.12, 1: 0.1, 2: 0.14, 3: 0.04}}
    labels = average_linkage(6, graph, 0.15)
    assert labels[5] not in labels[:5]  # below the linkage threshold: alone
    joined = attach_leftovers(labels, graph, 0.1, 2.0)
    assert joined[5] == joined[0] and joined[:5] == labels[:5]
    # ... not when it is as near another story, nor when it is near none enough
    graph[5][3] = graph[3][5] = 0.2
    graph[5][4] = graph[4][5] = 0.2
    assert attach_leftovers(labels, graph, 0.1, 2.0)[5] == labels[5]
    assert attach_leftovers(labels, graph, 0.3, 1.0)[5] == labels[5]


def test_a_tabloid_telling_a_story_in_its_own_loaded_words_joins_it():
    import test_heist as heist
    import test_outage as outage

    stream = [Article(id=f"heist-{k}", source=k, text=t, published="2026-03-16") for k, t in
              (("wire", heist.WIRE), ("local", heist.LOCAL), ("later", heist.LATER), ("tabloid", heist.TABLOID))]
    stream += [Article(id=f"outage-{k}", source=k, text=t, published="2026-06-05") for k, t in
               (("wire", outage.WIRE), ("ledger", outage.LEDGER), ("later", outage.LATER), ("tabloid", outage.TABLOID))]
    groups = group_stories(stream)
    assert sorted(sorted(g.articles) for g in groups) == [
        sorted(a.id for a in stream if a.id.startswith("heist")), sorted(a.id for a in stream if a.id.startswith("outage"))]
