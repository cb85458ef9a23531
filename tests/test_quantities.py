"""Quantities as intervals (newsweave.annotate.quantities). Sentences are our own."""

from __future__ import annotations

import time

import pytest

from newsweave.annotate.quantities import Quantity, tag_quantities

INF = None  # unbounded side


def only(text: str) -> Quantity:
    qs = tag_quantities(text)
    assert len(qs) == 1, [q.text for q in qs]
    return qs[0]


def check_offsets(text: str, qs: list[Quantity]) -> None:
    for q in qs:
        assert text[q.start:q.end] == q.text
        if q.counted_start is not None:
            assert q.counted_end is not None and q.counted_start < q.counted_end
            assert text[q.counted_start:q.counted_end].lower().startswith(q.counted[:3])


# ----------------------------------------------------------------------------- intervals


@pytest.mark.parametrize(
    "text, span, low, high, value, approx",
    [
        ("The ministry counted 2,000 troops near the river.", "2,000 troops", 2000, 2000, 2000, False),
        ("Officials said around 2,000 troops had crossed.", "around 2,000 troops", 1800, 2200, 2000, True),
        ("About 2,000 troops had crossed.", "About 2,000 troops", 1800, 2200, 2000, True),
        ("The army moved some 30,000 soldiers east.", "some 30,000 soldiers", 27000, 33000, 30000, True),
        ("The storm damaged roughly 500 homes.", "roughly 500 homes", 450, 550, 500, True),
        ("Approximately 40 boats sank.", "Approximately 40 boats", 36, 44, 40, True),
        ("An estimated 1,200 buildings were flattened.", "An estimated 1,200 buildings", 1080, 1320, 1200, True),
        ("Nearly 2,000 troops were sent.", "Nearly 2,000 troops", 1800, 2000, 2000, True),
        ("The fire burned almost 300 hectares.", "almost 300 hectares", 270, 300, 300, True),
        ("More than 4,000 people were evacuated.", "More than 4,000 people", 4000, INF, 4000, True),
        ("Over 50 villages lost power.", "Over 50 villages", 50, INF, 50, True),
        ("Upwards of 600 workers walked out.", "Upwards of 600 workers", 600, INF, 600, True),
        ("At least 17 people were hurt.", "At least 17 people", 17, INF, 17, True),
        ("The blast hurt 12 or more workers.", "12 or more workers", 12, INF, 12, True),
        ("Up to 300 families may move.", "Up to 300 families", INF, 300, 300, True),
        ("As many as 700 civilians sheltered there.", "As many as 700 civilians", INF, 700, 700, True),
        ("No more than 40 reporters were admitted.", "No more than 40 reporters", INF, 40, 40, True),
        ("Fewer than 100 people turned up.", "Fewer than 100 people", INF, 100, 100, True),
        ("Less than 5% of the ballots were counted.", "Less than 5%", INF, 5, 5, True),
        ("Under 20 soldiers guarded it.", "Under 20 soldiers", INF, 20, 20, True),
        ("Just over 1,000 runners finished.", "Just over 1,000 runners", 1000, 1100, 1000, True),
        ("The convoy had 300-odd trucks.", "300-odd trucks", 300, 330, 300, True),
        ("They found 2,000-plus shells.", "2,000-plus shells", 2000, INF, 2000, True),
    ],
)
def test_hedged_points(text, span, low, high, value, approx):
    q = only(text)
    assert q.text == span
    assert text[q.start:q.end] == span
    assert q.low == low and q.high == high
    assert q.value == value
    assert q.approx is approx
    assert q.kind == "cardinal" or q.kind == "measure" or q.kind == "percent"


def test_verb_bounds_stay_out_of_span():
    text = "The toll surpassed 4,000 on Friday and later exceeded 5,000."
    a, b = tag_quantities(text)
    assert (a.text, a.low, a.high) == ("4,000", 4000, None)
    assert (b.text, b.low, b.high) == ("5,000", 5000, None)
    check_offsets(text, [a, b])


@pytest.mark.parametrize(
    "text, span, low, high, unit",
    [
        ("Prices rose 15 to 20 percent in a month.", "15 to 20 percent", 15, 20, "percent"),
        ("Support fell by 15-20% after the vote.", "15-20%", 15, 20, "percent"),
        ("Turnout was 15–20 per cent lower.", "15–20 per cent", 15, 20, "percent"),
        ("A loss of between 15 and 20 percent is expected.", "between 15 and 20 percent", 15, 20, "percent"),
        ("They detained 15 or 20 students.", "15 or 20 students", 15, 20, None),
        ("The bill costs $3-4 billion.", "$3-4 billion", 3e9, 4e9, "USD"),
        ("Between 2 and 3 million people fled.", "Between 2 and 3 million people", 2e6, 3e6, None),
        ("About 15 to 20 people were inside.", "About 15 to 20 people", 13.5, 22, None),
        ("Hundreds and possibly thousands of homes flooded.", "Hundreds and possibly thousands", 200, 9999, None),
        ("Hundreds, if not thousands, were displaced.", "Hundreds, if not thousands", 200, 9999, None),
        ("One or two shells landed nearby.", "One or two shells", 1, 2, None),
    ],
)
def test_ranges(text, span, low, high, unit):
    q = only(text)
    assert q.text == span
    assert (q.low, q.high) == (low, high)
    assert q.value is None
    assert q.unit == unit


def test_from_to_is_a_change_not_a_range():
    text = "Unemployment rose from 15 to 20 percent last year."
    a, b = tag_quantities(text)
    assert (a.text, a.low, a.high, a.unit, a.kind) == ("15", 15, 15, "percent", "percent")
    assert (b.text, b.low, b.high, b.unit) == ("20 percent", 20, 20, "percent")


@pytest.mark.parametrize(
    "text, span, low, high, value",
    [
        ("Dozens were arrested overnight.", "Dozens", 24, 99, None),
        ("A dozen were held.", "A dozen", 12, 12, 12),
        ("More than a dozen journalists left.", "More than a dozen journalists", 12, INF, 12),
        ("Half a dozen drones were shot down.", "Half a dozen drones", 6, 6, 6),
        ("Scores of fishermen are missing.", "Scores", 40, 199, None),
        ("A handful of protesters stayed.", "A handful", 2, 9, None),
        ("Hundreds gathered at the gate.", "Hundreds", 200, 999, None),
        ("Thousands marched on Sunday.", "Thousands", 2000, 9999, None),
        ("Tens of thousands marched on Sunday.", "Tens of thousands", 20000, 99999, None),
        ("Hundreds of thousands lost power.", "Hundreds of thousands", 200000, 999999, None),
        ("Millions watched the debate.", "Millions", 2e6, 1e7 - 1, None),
        ("Several hundred soldiers deserted.", "Several hundred soldiers", 300, 999, None),
        ("A few thousand refugees crossed.", "A few thousand refugees", 2000, 6999, None),
        ("A couple of hundred fans waited.", "A couple of hundred fans", 200, 399, None),
        ("At least tens of thousands were affected.", "At least tens of thousands", 20000, INF, None),
    ],
)
def test_vague_amounts(text, span, low, high, value):
    q = only(text)
    assert q.text == span
    assert (q.low, q.high, q.value) == (low, high, value)
    assert q.approx is (value is None or "than" in span)


@pytest.mark.parametrize(
    "text, span, value",
    [
        ("Forty-four people were rescued.", "Forty-four people", 44),
        ("The town lost three districts.", "three districts", 3),
        ("It has two million residents.", "two million residents", 2e6),
        ("Officials counted 1.5 million voters.", "1.5 million voters", 1.5e6),
        ("A million doses arrived.", "A million doses", 1e6),
        ("Half a million refugees left.", "Half a million refugees", 5e5),
        ("Three hundred and fifty homes burned.", "Three hundred and fifty homes", 350),
        ("It enrolled twenty-one thousand students.", "twenty-one thousand students", 21000),
        ("They printed 1,000,000 ballots.", "1,000,000 ballots", 1e6),
        ("The site drew 3k visitors.", "3k visitors", 3000),
        ("The UK sent 5m masks.", "5m masks", 5e6),
        ("A hundred and fifty homes burned.", "A hundred and fifty homes", 150),
        ("One hundred and fifty homes burned.", "One hundred and fifty homes", 150),
        ("They ordered one dozen trucks.", "one dozen trucks", 12),
    ],
)
def test_written_numbers(text, span, value):
    q = only(text)
    assert q.text == span
    assert q.value == value and q.low == value and q.high == value
    assert q.kind == "cardinal"
    assert q.approx is False


@pytest.mark.parametrize(
    "text, span, value, unit, kind",
    [
        ("Inflation hit 20 percent.", "20 percent", 20, "percent", "percent"),
        ("Inflation hit 20%.", "20%", 20, "percent", "percent"),
        ("Inflation hit 20 per cent.", "20 per cent", 20, "percent", "percent"),
        ("Inflation hit 7.5%.", "7.5%", 7.5, "percent", "percent"),
        ("Support dropped 3 percentage points.", "3 percentage points", 3, "percentage point", "percent"),
        ("The fund holds $3 billion.", "$3 billion", 3e9, "USD", "money"),
        ("The fund holds 3 billion dollars.", "3 billion dollars", 3e9, "USD", "money"),
        ("The club paid €2m for him.", "€2m", 2e6, "EUR", "money"),
        ("The council owes £1.2bn.", "£1.2bn", 1.2e9, "GBP", "money"),
        ("Donors gave US$5 million.", "US$5 million", 5e6, "USD", "money"),
        ("The firm lost 40 million euros.", "40 million euros", 4e7, "EUR", "money"),
        ("The levy raised 2 million pounds.", "2 million pounds", 2e6, "GBP", "money"),
        ("The parcel weighed 4 pounds.", "4 pounds", 4, "lb", "measure"),
        ("The front runs for 30 km.", "30 km", 30, "km", "measure"),
        ("The front runs for 30km.", "30km", 30, "km", "measure"),
        ("They walked 12 miles.", "12 miles", 12, "mile", "measure"),
        ("The wall is 5m high.", "5m", 5, "m", "measure"),
        ("Police seized 500 kg of cocaine.", "500 kg", 500, "kg", "measure"),
        ("The ship carried 20,000 tonnes of grain.", "20,000 tonnes", 20000, "tonne", "measure"),
        ("Fires burned 3,000 hectares.", "3,000 hectares", 3000, "hectare", "measure"),
        ("The lake held 90 million cubic metres.", "90 million cubic metres", 9e7, "m3", "measure"),
        ("It covers 1,200 square kilometres.", "1,200 square kilometres", 1200, "km2", "measure"),
        ("The siege lasted three days.", "three days", 3, "day", "measure"),
        # (an age told in years is an age: a count of one person's years, see test_an_age_told_in_years_is_an_age)
        ("A 20-year-old man was held.", "20-year-old", 20, None, "cardinal"),
        ("A 300-km front line.", "300-km", 300, "km", "measure"),
        ("Donors pledged millions of dollars.", "millions of dollars", None, "USD", "money"),
        # wire style and a space after the sign
        ("The prize is worth dlrs 978,000.", "dlrs 978,000", 978000, "USD", "money"),
        ("Donors gave US$ 5 million.", "US$ 5 million", 5e6, "USD", "money"),
        ("The prize is 7.6 million kronor.", "7.6 million kronor", 7.6e6, "SEK", "money"),
        ("The games cost 70 million baht.", "70 million baht", 7e7, "THB", "money"),
    ],
)
def test_units_and_kinds(text, span, value, unit, kind):
    q = only(text)
    assert q.text == span
    assert q.value == value
    assert q.unit == unit
    assert q.kind == kind


def test_ratio_is_a_percentage():
    q = only("One in five residents has left.")
    assert (q.text, q.value, q.unit, q.kind) == ("One in five", 20, "percent", "percent")


# ------------------------------------------------------------------------------- negatives


@pytest.mark.parametrize(
    "text",
    [
        "The treaty was signed in 1994.",
        "In 2020, the plant closed.",
        "Talks resumed on November 20.",
        "Talks resumed on 20 November.",
        "Talks resumed on Nov. 20-22.",
        "The vote is on 4 June 2024.",
        "The 2019-20 season was cancelled.",
        "Fighting lasted from 2014 to 2022.",
        "The blast came at 10:30 on Monday.",
        "The blast came at 10 a.m. on Monday.",
        "The blast came at 9pm.",
        "The alert went out at 11.52 on Monday.",
        "He finished 20th in the race.",
        "It was the third attempt.",
        "One resident told reporters she stayed.",
        "One of them was released.",
        "He was a child in the 1990s.",
        "Call +44 20 7946 0958 for details.",
        "Call 555-123-4567 for details.",
        "See https://example.org/2023/11/20/report-123 for details.",
        "Write to desk42@example.org for details.",
        "Cases of COVID-19 rose; F-16 jets and G7 leaders; flight MH17; the 9/11 attacks.",
        "Apollo 11 landed; Resolution 2334 passed; No. 10 said nothing.",
        "They won 3-1 at home.",
        "Two-thirds of voters backed a two-state solution.",
        "Around 2010 the town was quiet.",
    ],
)
def test_not_quantities(text):
    assert tag_quantities(text) == [], [q.text for q in tag_quantities(text)]


def test_one_is_kept_when_it_is_a_figure():
    q = only("At least one soldier died.")
    assert (q.text, q.low, q.high, q.counted) == ("At least one soldier", 1, None, "soldier")
    assert only("Prices rose one percent.").unit == "percent"


def test_values_are_floats():
    for q in tag_quantities("Dozens, a dozen, 2,000 and half a million."):
        assert all(isinstance(x, float) for x in (q.low, q.high) if x is not None)
        assert q.value is None or isinstance(q.value, float)


def test_a_count_inside_a_partitive_one():
    qs = tag_quantities("One of three districts was cut off.")
    assert [(q.text, q.value, q.counted) for q in qs] == [("three districts", 3, "district")]


def test_hedged_year_like_number_with_a_count_noun_is_a_count():
    q = only("The quake destroyed some 1800 homes.")
    assert (q.low, q.high, q.counted) == (1620, 1980, "home")


# --------------------------------------------------------------------------------- counted


@pytest.mark.parametrize(
    "text, counted, unit",
    [
        ("Nearly 2,000 troops were moved.", "troop", None),
        ("Around 2,000 Russian troops stayed.", "troop", None),
        ("The war killed some 30,000 people.", "people", None),
        ("Crews built 16 observation posts.", "post", None),
        ("The army evacuated 300 of its settlements.", "settlement", None),
        ("It lost 15 to 20 percent of lost territory.", "territory", "percent"),
        ("It lost 20 percent of the occupied territory.", "territory", "percent"),
        ("Tens of thousands of protesters marched.", "protester", None),
        ("The city sent 300 armed police officers.", "officer", None),
        ("The UN sent 2,000 more peacekeepers.", "peacekeeper", None),
        ("The strike killed 12 children.", "child", None),
        ("Medics treated 40 casualties.", "casualty", None),
        ("At least 20 were killed.", None, None),
        ("The fund holds $3 billion in cash.", None, "USD"),
    ],
)
def test_counted_without_doc(text, counted, unit):
    q = only(text)
    assert q.counted == counted
    assert q.unit == unit
    check_offsets(text, [q])


def test_span_covers_adjacent_noun_but_not_of_phrase():
    text = "Nearly 2,000 Russian troops and 300 of its settlements."
    a, b = tag_quantities(text)
    assert a.text == "Nearly 2,000 Russian troops"
    assert text[a.counted_start:a.counted_end] == "troops"
    assert b.text == "300"
    assert text[b.counted_start:b.counted_end] == "settlements"


def test_counted_with_doc(nlp):
    text = (
        "Nearly 2,000 troops were moved, the war killed some 30,000 people, crews built 16 observation "
        "posts, 300 of its settlements were emptied and it lost 15 to 20 percent of lost territory. "
        "The UN sent 2,000 more peacekeepers and 300 armed police officers."
    )
    doc = nlp(text)
    qs = tag_quantities(text, doc)
    check_offsets(text, qs)
    got = [(q.text, q.counted) for q in qs]
    assert got == [
        ("Nearly 2,000 troops", "troop"),
        ("some 30,000 people", "people"),
        ("16 observation posts", "post"),
        ("300", "settlement"),
        ("15 to 20 percent", "territory"),
        ("2,000 more peacekeepers", "peacekeeper"),
        ("300 armed police officers", "officer"),
    ]
    # the intervals do not depend on the parse
    assert [(q.low, q.high) for q in qs] == [(q.low, q.high) for q in tag_quantities(text)]


# --------------------------------------------------------------------------------- overlaps


def q1(text: str) -> Quantity:
    return only(text)


@pytest.mark.parametrize(
    "a, b, expected",
    [
        ("around 2,000 troops", "nearly 2,000 troops", True),
        ("around 2,000 troops", "2,000 troops", True),
        ("nearly 2,000 troops", "1,900 troops", True),
        ("nearly 2,000 troops", "2,100 troops", False),
        ("about 2,000 troops", "1,500 troops", False),
        ("at least 17 people", "14 people", False),
        ("at least 17 people", "20 people", True),
        ("more than 4,000 people", "4,000 people", True),
        ("up to 300 families", "250 families", True),
        ("up to 300 families", "350 families", False),
        ("thousands", "hundreds and possibly thousands", True),
        ("thousands", "1,500", False),
        ("thousands", "nearly 2,000", True),
        ("tens of thousands", "thousands", False),
        ("dozens", "a dozen", False),
        ("dozens", "40", True),
        ("15 to 20 percent", "18%", True),
        ("15 to 20 percent", "25%", False),
    ],
)
def test_overlaps(a, b, expected):
    qa, qb = q1(a), q1(b)
    assert qa.overlaps(qb) is expected
    assert qb.overlaps(qa) is expected


def test_comparable():
    a, b, c, d = (q1(t) for t in ("2,000 troops", "nearly 2,000 soldiers", "20 percent", "1,900 troops"))
    assert a.comparable(d) and not a.comparable(b) and not a.comparable(c)


# ------------------------------------------------------------------------------ whole text


def test_offsets_and_order_in_a_paragraph():
    text = (
        "On March 3, 2022, officials said nearly 2,000 troops had crossed; by 10:30 some 30,000 people had "
        "fled and more than 4,000 homes, or 15-20% of the housing, were damaged. One resident said "
        "hundreds and possibly thousands were trapped, and the bill reached $3 billion."
    )
    qs = tag_quantities(text)
    check_offsets(text, qs)
    assert [q.text for q in qs] == [
        "nearly 2,000 troops",
        "some 30,000 people",
        "more than 4,000 homes",
        "15-20%",
        "hundreds and possibly thousands",
        "$3 billion",
    ]
    assert [q.start for q in qs] == sorted(q.start for q in qs)


def test_speed_without_doc():
    sents = [
        "Nearly 2,000 troops were moved to the border on November 20, 2023, officials said.",
        "The war killed some 30,000 people and displaced hundreds and possibly thousands more in 2020.",
        "It has 16 observation posts, and 300 of its settlements lost 15 to 20 percent of their land.",
        "One resident told reporters that the shelling lasted until 10:30 and that the mayor had left.",
    ] * 500
    t0 = time.perf_counter()
    for s in sents:
        tag_quantities(s)
    rate = len(sents) / (time.perf_counter() - t0)
    assert rate > 2000, rate


def test_capitalised_word_ending_a_sentence_is_not_a_label():
    # "Apollo 11" is a label, but a figure opening the next sentence after a name is a count.
    qs = tag_quantities("Rescuers arrived from Dunmere. Hundreds of volunteers joined them.")
    assert [(q.text, q.low, q.high) for q in qs] == [("Hundreds", 200.0, 999.0)]
    qs = tag_quantities("The storm hit in September. 300 homes were damaged.")
    assert [(q.text, q.low) for q in qs] == [("300 homes", 300.0)]
    assert tag_quantities("The Apollo 11 crew waved.") == []


def test_a_hedge_before_a_currency_word_hedges_the_figure():
    """"about dlrs 974,000" beside "dlrs 978,000" is a rounded conversion, not a second figure."""
    q = only("The prize is worth 7.6 million kronor (about dlrs 974,000) this year.".replace("7.6 million kronor (", "("))
    assert q.text == "about dlrs 974,000" and q.approx and q.low < 978000 < q.high


@pytest.mark.parametrize("text, figure, value, low, high", [
    ("A daily walk can halve your risk of a heart attack.", "halve", 50.0, 50.0, 50.0),
    ("Walkers had about a third less risk of a heart attack.", "about a third", 33.333333, 30.0, 36.666667),
    ("The plan would cut emissions by half by 2030.", "half", 50.0, 50.0, 50.0),
    ("Sales fell by almost a quarter in March.", "almost a quarter", 25.0, 22.5, 25.0),
    ("Prices rose by more than a third in a year.", "more than a third", 33.333333, 33.333333, None),
])
def test_a_change_told_as_a_fraction_is_a_percent(text, figure, value, low, high):
    [q] = tag_quantities(text)
    assert (q.text, q.kind, q.unit, q.value, q.low, q.high) == (figure, "percent", "percent", value, low, high)


@pytest.mark.parametrize("text", [
    "A third of the voters backed him.",   # a fraction of a whole, not a change
    "The trip took one and a half hours.",
    "He was half asleep when the storm hit.",
])
def test_a_fraction_that_is_no_change_is_not_read(text):
    assert [q for q in tag_quantities(text) if q.kind == "percent"] == []


@pytest.mark.parametrize("text, age", [
    ("Petrovsky, 61, is accused of taking bribes.", "61"),
    ("Green leader Piet Jansen, 52, a former mayor of Kelby, said.", "52"),
])
def test_a_number_set_off_by_commas_after_a_name_is_an_age(text, age):
    [q] = tag_quantities(text)
    assert (q.text, q.counted) == (age, "age")


def test_a_number_after_a_comma_that_counts_something_is_no_age():
    assert [q.counted for q in tag_quantities("The ministers met in Paris, 40 years after the treaty.")] != ["age"]


@pytest.mark.parametrize("text, figures", [
    # a change and the level it reached are two figures, not a range
    ("Its net profit rose 18% to 1.42 billion crowns from a year earlier.",
     [("18%", "percent", 18.0, 18.0), ("1.42 billion crowns", "money", 1.42e9, 1.42e9)]),
    ("The index fell 3 per cent to 1,200 points.", [("3 per cent", "percent", 3.0, 3.0), ("1,200 points", "cardinal", 1200.0, 1200.0)]),
    # ranges stay ranges
    ("Prices rose 15 to 20 percent.", [("15 to 20 percent", "percent", 15.0, 20.0)]),
    ("The plan costs $5 to 6 billion.", [("$5 to 6 billion", "money", 5e9, 6e9)]),
    # crowns, zlotys and forints are money
    ("It raised its dividend to 4.50 crowns a share.", [("4.50 crowns", "money", 4.5, 4.5)]),
    ("The fine was 200,000 zlotys.", [("200,000 zlotys", "money", 2e5, 2e5)]),
])
def test_a_change_and_its_level_are_two_figures_and_crowns_are_money(text, figures):
    assert [(q.text, q.kind, q.low, q.high) for q in tag_quantities(text)] == figures


@pytest.mark.parametrize("text, age", [
    ("Eva Brandt, the city's first woman mayor, has died aged 83.", True),
    ("She died on Sunday at the age of 84, her family said.", True),
    ("Tomas Orvik, aged 61, was charged on Monday.", True),
    ("He was elected mayor at the age of 45.", False),  # an age at another time than now
    ("People aged 65 and over were offered the vaccine first.", False),  # a bound of a group
])
def test_a_persons_age_told_with_aged(text, age):
    (q,) = [q for q in tag_quantities(text) if q.value is not None and q.value > 12]
    assert (q.counted == "age") is age, (q.text, q.counted)


def test_a_ratio_counts_the_plural_after_it():
    # "one in three flights" is a share of the flights, as "38% of its flights" is
    (q,) = tag_quantities("One in three flights will be cancelled.")
    assert (q.value, q.counted) == (pytest.approx(33.333333), "flight")
    (q,) = tag_quantities("The airline will cancel about one in three.")
    assert q.counted is None


def test_fractions_of_a_million_are_read_whole():
    """ "a third of a million homes" is 333,333 homes, not "a million homes"; so is every fraction of a scale word."""
    got = {q.text: q.value for q in tag_quantities(
        "Power went out in a third of a million homes; three-quarters of a million voters stayed home; "
        "a quarter of a million people marched.")}
    assert got["a third of a million homes"] == pytest.approx(1_000_000 / 3)
    assert got["three-quarters of a million voters"] == 750_000
    assert got["a quarter of a million people"] == 250_000


@pytest.mark.parametrize("text, value", [
    ("A 20-year-old man was held.", 20),
    ("The 24-year-old has agreed a five-year contract.", 24),
    ("He is 61 years old.", 61),
    ("The striker, 24, signed a contract until 2032.", 24),
])
def test_an_age_told_in_years_is_an_age(text, value):
    (q,) = [q for q in tag_quantities(text) if q.value == value]
    assert (q.kind, q.unit, q.counted) == ("cardinal", None, "age")


@pytest.mark.parametrize("text, figure, value, unit", [
    ("The skipper survived for 5 1-2 hours in the water.", "5 1-2 hours", 5.5, "hour"),  # the wires' way of writing 5½
    ("She ran 3 1/2 miles before dawn.", "3 1/2 miles", 3.5, "mile"),
    ("Prices grew 2 1/2 percent last year.", "2 1/2 percent", 2.5, "percent"),
])
def test_a_whole_number_and_a_fraction_are_one_figure(text, figure, value, unit):
    q = only(text)
    check_offsets(text, [q])
    assert (q.text, q.value, q.unit) == (figure, value, unit)


def test_an_estimate_measures_what_it_is_of_and_so_does_the_figure_it_moved_from():
    text = ("The coast guard raised its estimate of the oil spilled by the tanker to 3,000 tonnes on Thursday, from "
            "700 tonnes, as the slick spread to 40 km of coastline.")
    qs = tag_quantities(text)
    check_offsets(text, qs)
    assert [(q.text, q.counted) for q in qs] == [("3,000 tonnes", "oil"), ("700 tonnes", "oil"), ("40 km", "coastline")]


@pytest.mark.parametrize("text, low, high", [
    ("Estimates of how many women could join the lawsuit run from 500,000 to 1.6 million.", 500_000, 1_600_000),
    ("Sentences ranging from two to five years were handed down.", 2, 5),
])
def test_a_spread_from_one_figure_to_another_is_a_range(text, low, high):
    q = only(text)
    assert (q.low, q.high, q.value) == (low, high, None)


def test_a_move_from_one_figure_to_another_is_two_figures():
    assert [q.value for q in tag_quantities("The toll rose from 14 to 17 overnight.")] == [14, 17]


@pytest.mark.parametrize("text", ["Two-thirds of residents left the valley.", "A one-half share went to the state."])
def test_a_word_fraction_is_no_count(text):
    assert all(q.value not in (1, 2) for q in tag_quantities(text)), [q.text for q in tag_quantities(text)]


@pytest.mark.parametrize("text, term", [
    ("was sentenced to five years and six months in prison", ("five years and six months", 66.0, "month")),
    ("was jailed for two years, eight months", ("two years, eight months", 32.0, "month")),
    ("was banned for three weeks and two days", ("three weeks and two days", 23.0, "day")),
])
def test_a_term_told_in_two_units_is_one_term(text, term):
    q = only(text)
    assert (q.text, q.value, q.unit) == term


def test_a_term_in_two_units_is_compared_whole():
    """"five years and six months" is "five and a half years", and not "five years"."""
    import newsweave
    from conftest import report

    a = "Former port chief Ivo Marek was sentenced to five years and six months in prison on Wednesday for bribery."

    def terms(b: str) -> list:
        briefing = newsweave.brief([report("a", "X", a, "2043-03-11"), report("b", "Y", b, "2043-03-11")])
        return [{p["value"] for p in d["positions"]} for d in briefing.disagreements]

    assert terms("Former port chief Ivo Marek was jailed for five and a half years on Wednesday for bribery.") == []
    assert terms("Former port chief Ivo Marek was jailed for five years on Wednesday for bribery.") == [
        {"five years and six months", "five years"}]
