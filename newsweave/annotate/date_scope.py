"""What a date expression dates: its clause, or a noun phrase inside it.

Most dates in news modify their clause's verb ("Troops entered the district on Friday"), and the sentence
is the event that date dates. Many do not: "The dam, an earth-fill barrier built in 1974, failed on Monday
night" does not say the dam failed in 1974; "a 2024 inspection report, which warned of seepage",
"Friday's deadline, which was delayed from Sunday", "the deal, brokered by Russia two weeks ago" date a
thing named in the sentence, not what the sentence reports. Dating the sentence by such a date puts a false
statement on the timeline ("1974: the dam failed").

:func:`noun_phrase_scope` reads spaCy's dependency parse. Walking up from the date's head, a date reached
through a participle or relative clause of a noun (``acl``, ``relcl``), through an apposition or a
parenthetical set off by a comma ("Mayor Tamm, in office since 2019, ..."), or that modifies a noun
directly ("Friday's deadline", "the 2024 report", "the November 10 accord") belongs to that noun's phrase.
A date that reaches a verb of the clause first (its subject, object, adverbial or prepositional phrase)
belongs to the clause, and so does one inside a to-infinitive of a noun ("an attempt to regain the
territory in late September" most often means the attempt's time). Other prepositional phrases attached
to a noun are followed upward rather than taken as the noun's ("Footage on Wednesday showed ...": the
parser's attachment of such phrases is unreliable, and the date usually dates the clause anyway).
"""

from __future__ import annotations

import re

from newsweave.annotate.quantities import OVER_PARTICLE_VERBS  # ("hand over 35": a verb's particle, no "more than")

_NOMINAL = {"NOUN", "PROPN"}
_CLAUSE_OF_NOUN = {"acl", "relcl"}  # "the barrier built in 1974", "the fighting, which ended in 1994"
_DIRECT_MODIFIER = {"poss", "nmod", "nummod", "compound", "amod"}  # "Friday's deadline", "the 2024 report"
_VERBAL = {"VERB", "AUX"}
_INSIDE_CLAUSE = {"conj", "xcomp", "ccomp"}  # a verb coordinated with, or completing, the verb above it
_DASHES = {"-", "–", "—", "--"}


def _after_comma(clause) -> bool:
    """Does the clause open after a comma ("..., which collapsed on Sunday")?"""
    first = clause.left_edge.i
    return first > 0 and clause.doc[first - 1].text == ","


def _phrase(noun, participle: bool = False, aside: bool = False) -> tuple[int, int]:
    """Character span of a noun's phrase; an apposition takes in the noun it renames ("The Tarnagor dam, an
    earth-fill barrier built in 1974 ..."). With ``participle`` (the date came through a participle clause of
    the noun), a noun after "of" takes in the noun it completes (see below). With ``aside`` (a relative clause
    set off by a comma), a noun that says what another is about takes that one in: in "the breakdown of talks with
    Tarvonia over the Orlen valley, which collapsed on Sunday" the parser hangs the clause on the valley; the phrase
    tells it of the talks over the valley."""
    start_tok = noun.left_edge
    if noun.dep_ == "appos" and noun.head.pos_ in _NOMINAL:
        start_tok = noun.head.left_edge
    elif (aside and noun.dep_ == "pobj" and noun.head.lower_ in ("over", "about", "on", "with", "between", "for")
          and noun.head.head.pos_ in _NOMINAL):
        start_tok = noun.head.head.left_edge
    elif participle and noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.pos_ in _NOMINAL:
        # "a study of 12,400 adults published on Wednesday": the parser hangs the participle on the noun after
        # "of", but the phrase is the one that noun completes ("12,400 adults published ..." read as an event); a
        # relative clause is the noun's own ("the pilots of the flight that crashed on Tuesday": the flight crashed)
        start_tok = noun.head.head.left_edge
    doc = noun.doc
    # "The death toll rose to five after three people drowned ... on Thursday": the parser may read "five after"
    # as a modifier of the figure of the noun; the phrase is the people who drowned, not the toll's figure
    for k in range(start_tok.i, noun.i):
        if doc[k].lower_ in ("after", "before") and doc[k].dep_ == "quantmod":
            start_tok = doc[k + 1]
    # "will hand over 35 soldiers captured in January": the parser may read the verb's particle as "more than";
    # the phrase is the soldiers
    if start_tok.lower_ == "over" and start_tok.i > 0 and doc[start_tok.i - 1].lemma_.lower() in OVER_PARTICLE_VERBS \
            and start_tok.i < noun.i:
        start_tok = doc[start_tok.i + 1]
    end_tok = noun.right_edge
    # A coordinated noun is another thing with its own time: "the 1993 Oslo accord and the latest agreement,
    # known as the Wye Memorandum" dates the accord, not the agreement.
    conj = [c for c in noun.children if c.dep_ == "conj" and c.i > noun.i]
    # ... and so is a figure it is set against ("a net loss of 1.8 billion crowns, against a profit of 2.4 billion a
    # year earlier"), which has a time of its own
    against = [c for c in noun.children if c.i > noun.i and _comparison(c)]
    if against and not conj:
        conj = against
    if conj:
        cut = conj[0].left_edge.i
        while cut - 1 > noun.i and doc[cut - 1].dep_ in ("cc", "punct"):
            cut -= 1
        end_tok = doc[max(noun.i, cut - 1)]
    while end_tok.i > noun.i and (end_tok.is_punct and end_tok.text not in ")]\"'’”"
                                  or end_tok.pos_ == "ADP" and not list(end_tok.children)):
        # the comma that closes a parenthetical belongs to the sentence; so does a preposition the parser left
        # without its object ("A large observational study published this week in | Heart Review links ...")
        end_tok = doc[end_tok.i - 1]
    return start_tok.idx, end_tok.idx + len(end_tok.text)


def _infinitival(verb) -> bool:
    """A to-infinitive ("a plan to hold talks", "an attempt to regain"): it states an aim of the noun, and a
    date in it is, as often as not, the parser's attachment of the main clause's date."""
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


_DAY_WORD = re.compile(r"\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|today|yesterday|tonight)\b",
                       re.IGNORECASE)
_SPAN_NOUNS = {"century", "centuries", "decade", "decades", "year", "years", "month", "months", "week", "weeks",
               "hour", "hours", "minute", "minutes"}
_PRICE_NOUNS = {"price", "prices", "level", "value"}
_UNTIL = {"until", "till", "through"}
# things that run for a term, whose end an "until" after them gives
_TERM_NOUNS = {"contract", "deal", "ban", "suspension", "loan", "lease", "mandate", "term", "licence", "license",
               "visa", "agreement", "moratorium", "sentence", "tenure", "extension", "permit", "truce", "ceasefire"}
_PRICE_OF_DAY = {"closing", "opening", "settlement"}


def _price_of_day(span) -> tuple[int, int] | None:
    """A day right after a price of that day ("a premium of 28% to Brisk's closing price on Monday", "its close
    on Friday") dates the price, whatever verb the parser hangs it on: the offer is not Monday's."""
    doc = span.doc
    i = span.start - 1
    if i < 1 or doc[i].lower_ not in ("on", "of"):
        return None
    noun = doc[i - 1]
    if noun.lower_ == "close" and noun.pos_ in _NOMINAL or (
            noun.lower_ in _PRICE_NOUNS and i >= 2 and doc[i - 2].lower_ in _PRICE_OF_DAY):
        return _phrase(noun)
    return None


def _attribution_read_as_clause(verb, noun) -> bool:
    """Is a "relative clause" of a noun the attribution that closes the sentence, misread: in "... to dangerous fumes,
    the environmental group Clean Fjords said on Sunday." the parser hangs "said" on "group" as its clause. A verb of
    saying with its own subject and nothing said after it, its noun set off by a comma."""
    from newsweave.annotate.quotes import SPEECH_VERBS  # noqa: PLC0415

    if verb.dep_ != "relcl" or verb.lemma_.lower() not in SPEECH_VERBS:
        return False
    if not any(c.dep_ == "nsubj" for c in verb.children) or any(c.dep_ in ("ccomp", "dobj", "xcomp") for c in verb.children):
        return False
    left = noun.left_edge.i
    return left > 0 and noun.doc[left - 1].text == ","


def noun_phrase_scope(doc, start: int, end: int) -> tuple[int, int] | None:
    """The character span of the noun phrase that the date at ``[start, end)`` belongs to, or None when it
    dates its clause (or the parse cannot tell)."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    inside = range(span.start, span.end)
    priced = _price_of_day(span)
    if priced is not None:
        return priced
    cur = span.root
    sent_root = cur.sent.root
    first = True
    # A date that modifies a noun directly names that noun's phrase, unless the noun itself sits in a
    # clause or apposition of a bigger noun further up, whose phrase then takes it in: the parser often
    # hangs a year on the wrong noun inside such a clause ("a barrier built in 1974 about nine kilometres
    # upstream": 1974 as a count of kilometres).
    named: tuple[int, int] | None = None
    prev = cur
    for _ in range(64):  # a parse is a tree; the bound only guards against a malformed one
        head = cur.head
        if cur.i == head.i or cur.i == sent_root.i:
            return named
        if cur.dep_ == "prep" and cur.i > 0 and cur.nbor(-1).text in _DASHES and head.pos_ in _NOMINAL:
            # a gapped clause of a list: "Aghdam will be returned before November 20, Kelbajar region - before
            # November 15" says Kelbajar is returned then; the parser hangs it on the noun as an apposition
            return None
        if cur.dep_ in _CLAUSE_OF_NOUN and head.pos_ == "NUM" and head.dep_ == "pobj" and head.head.dep_ == "prep" \
                and head.head.head.pos_ in _NOMINAL:
            # the parser hangs the clause on a figure of the noun: "the old record of 43.4C set in 2019"
            head = head.head.head
        if cur.dep_ in _CLAUSE_OF_NOUN and head.pos_ in _NOMINAL:
            if head.lower_ in _SPAN_NOUNS:
                # "lost for more than a century sold for £18.5 million ... on Wednesday": the parser read the
                # span's noun as what was sold; a span of time is no thing with a date of its own
                return named
            if _infinitival(cur):
                return named  # "an attempt to regain the territory in late September": the attempt's time
            if _figure_moved_to(cur, head):
                return named  # "raised its estimate of the oil spilled by the tanker to 3,000 tonnes on Thursday"
            if _attribution_read_as_clause(cur, head):
                return named  # ", the environmental group Clean Fjords said on Sunday.": the day of the saying
            if cur.dep_ == "acl" and cur.tag_ == "VBG" and _DAY_WORD.search(span.text):
                # "intercepted a foreign tanker smuggling 2 million litres of fuel ... on Thursday": what the noun was
                # doing when the clause's act befell it, on the clause's day (not "a barrier built in 1974")
                return named
            return _phrase(head, participle=cur.dep_ == "acl", aside=cur.dep_ == "relcl" and _after_comma(cur))
        if cur.dep_ == "appos" and not first and head.pos_ in _NOMINAL and not (
                cur.pos_ == "PROPN" and prev.dep_ == "prep" and cur.i == head.i + 1):
            # (not a name set right after its noun, which the parser may hang the clause's date on: "marched
            # through the capital Dravena on Saturday" dates the march, not the name)
            return _phrase(cur)
        if (cur.dep_ == "pobj" and head.lower_ == "from" and head.dep_ == "prep" and head.head.pos_ in _VERBAL
                and _YEAR.fullmatch(cur.text)  # (a day is a start: "face water rationing from Monday")
                and head.head.lemma_.lower() not in _FIGURE_VERBS | _RESCHEDULING_VERBS and head.i > 0):
            # "to eclipse Eliud Kamau's 2:01:09 from 2041": a year after the verb's object, from which that thing
            # dates (the parser hangs it on the verb); not a span ("from 2019 to 2021") nor a move of a date
            obj = next((c for c in head.head.children if c.dep_ == "dobj" and c.right_edge.i == head.i - 1), None)
            after = cur.right_edge.i + 1
            if obj is not None and not (after < len(cur.doc) and cur.doc[after].lower_ in _SPAN_ENDS):
                return _phrase(obj)[0], cur.right_edge.idx + len(cur.right_edge)
        if _comparison(head):
            # the figure a clause's figure is set against: "a net loss of 1.8 billion crowns, against a profit of
            # 2.4 billion a year earlier", "up from 5.1% in 2041", "fell to 3.1% in June from 3.4% in May",
            # "compared with a year earlier" date that other figure, not the loss or the fall
            # (the phrase of the figure, without its preposition: "a profit of 2.4 billion a year earlier")
            first_word = next((c.left_edge for c in head.children if c.dep_ in ("pobj", "pcomp")), head)
            return first_word.idx, head.right_edge.idx + len(head.right_edge)
        if cur.dep_ == "prep" and head.pos_ in _NOMINAL and cur.i == head.i + 2 and cur.nbor(-1).text == ",":
            return _phrase(head)  # a parenthetical set off by a comma: "Mayor Tamm, in office since 2019, ..."
        if cur.dep_ == "prep" and cur.lower_ in _UNTIL and cur.i > 0 and cur.nbor(-1).lemma_.lower() in _TERM_NOUNS:
            # how long a thing with a term runs, right after its noun, wherever the parser hangs the "until":
            # "signed a contract until 2032", "a ban until 2030" (not "postponed the talks until Monday")
            return _phrase(cur.nbor(-1))
        if first and cur.dep_ in _DIRECT_MODIFIER and head.pos_ in _NOMINAL and head.i not in inside:
            named = _phrase(head)
            if cur.dep_ == "poss" and head.dep_ == "pobj" and head.head.head.pos_ in _VERBAL \
                    and head.head.head.dep_ in _CLAUSE_OF_NOUN:
                # a day's thing inside a clause of another noun: "the delays in the asylum system uncovered by last
                # week's independent report" dates the report, not the system the parser hangs the clause on
                return named
        if cur.pos_ in _VERBAL and not first:
            # The date reached a verb: it dates that verb's clause (or the noun it names). A verb coordinated
            # into a relative clause is still inside the noun's phrase: "Kaczynski, who killed 3 people and
            # injured 23 in bombings between 1978 and 1995, ..." does not date the sentence to 1978; so is a
            # verb that completes one: "rose to 57 as inspectors reached the neighbourhood, where residents said
            # they had 20 minutes to flee on Sunday evening" dates the fleeing, not the rise.
            verb = cur
            while verb.dep_ in _INSIDE_CLAUSE and verb.head.pos_ in _VERBAL and verb.head.i != verb.i:
                verb = verb.head
            if (verb.i != cur.i and verb.dep_ in _CLAUSE_OF_NOUN and verb.head.pos_ in _NOMINAL
                    and not _infinitival(verb)):
                return _phrase(verb.head)
            return named
        prev, cur, first = cur, head, False
    return named


def _comparison(prep) -> bool:
    """Does a preposition set a figure against another ("against a profit of ...", "versus", "compared with",
    "up from", "down from")?"""
    word = prep.lower_
    if prep.dep_ != "prep":
        return False
    if word in ("against", "versus", "vs", "vs."):
        return True
    if word in ("with", "to") and prep.head.lemma_.lower() == "compare":
        return True
    if word != "from":
        return False
    if prep.head.lower_ in ("up", "down"):
        return True
    # "fell to 3.1% from 3.4% in May": a figure a verb of change moved from (not "moved from Paris in 2020", nor "was
    # moved from March 3 to March 10")
    return prep.head.lemma_.lower() in _FIGURE_VERBS and any(
        c.dep_ == "pobj" and c.ent_type_ not in ("DATE", "TIME")
        and (c.pos_ == "NUM" or c.text == "%" or any(n.dep_ == "nummod" for n in c.children))
        for c in prep.children)


_YEAR = re.compile(r"(?:1[89]|2[01])\d\d")
_SPAN_ENDS = frozenset({"to", "until", "till", "through", "-", "–", "on", "onwards", "onward"})
# verbs that move a thing's date ("postponed the vote from Monday")
_RESCHEDULING_VERBS = frozenset("delay postpone move push bring shift reschedule change switch extend".split())


# verbs that tell a figure's own change from one value to another ("fell to 3.1% from 3.4%"; the verbs by which
# someone moves a figure are _MOVING_VERBS)
_FIGURE_CHANGE_VERBS = frozenset("""rise fall drop climb decrease grow slip jump slide decline ease edge surge soar plunge
                                    tumble rebound widen narrow shrink dip sink gain lose slow accelerate""".split())


# verbs that move a figure to a new value: "raised its estimate of ... to 3,000 tonnes", "cut its forecast ... to 2%"
_MOVING_VERBS = frozenset("""raise lower cut revise increase reduce lift boost put set trim hike slash upgrade downgrade
                             push bring""".split())
_FIGURE_VERBS = _FIGURE_CHANGE_VERBS | _MOVING_VERBS


def _figure_moved_to(clause, noun) -> bool:
    """Is a participle clause of a noun the parser hung a verb's "to <figure>" on part of a figure moved by the verb
    whose object holds that noun ("raised its estimate of the oil spilled by the tanker to 3,000 tonnes on
    Thursday": the coast guard raised it on Thursday, the oil was not spilled then)?"""
    to_figure = any(c.dep_ == "prep" and c.lower_ == "to" and any(
        g.dep_ == "pobj" and (g.pos_ == "NUM" or any(n.dep_ == "nummod" for n in g.children)) for g in c.children)
        for c in clause.children)
    if not to_figure:
        return False
    holder = noun
    if holder.dep_ == "pobj" and holder.head.lower_ == "of" and holder.head.head.pos_ in _NOMINAL:
        holder = holder.head.head  # "its estimate of the oil"
    return holder.dep_ == "dobj" and holder.head.lemma_.lower() in _MOVING_VERBS


def date_phrases(doc, spans) -> dict[tuple[int, int], tuple[int, int]]:
    """For each date span ``(start, end)`` that belongs to a noun phrase, that phrase's span."""
    out: dict[tuple[int, int], tuple[int, int]] = {}
    for start, end in spans:
        scope = noun_phrase_scope(doc, start, end)
        if scope is not None:
            out[(start, end)] = scope
    return out
