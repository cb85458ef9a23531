"""Quotes across outlets: each statement once, with its speaker resolved to a story entity and every
outlet that quotes it.

Outlets quote the same statement in different translations and different cuts ("units of the army
entered the district on 20 November" / "the army's units entered the region on November 20" / a
three-word fragment of it). Two attributions are one statement when their speakers are compatible (the
same canonical entity, or one of them unresolved; a first-person speaker is the writer of that article and
matches no other) and their contents share most of their specific words: nearly all of the shorter one's
content stems appear in the longer one, or the two overlap strongly.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cached_property

from newsweave.align.counts import PEOPLE_KINDS
from newsweave.align.facts import day_of, figures_conflict
from newsweave.annotate.quotes import (
    GROUP_PRONOUNS, LINK_VERBS, ORG_NOUNS, PERSON_PRONOUNS, PERSON_ROLE_NOUNS, SPEECH_VERBS, THING_PRONOUNS,
)
from newsweave.model import AnnotatedArticle

_WORD = re.compile(r"[^\W\d_]+|\d+", re.UNICODE)
_INDEFINITE = re.compile(r"(?:a|an|one|another)\s", re.IGNORECASE)
_DENIAL = re.compile(r"\b(?:not|never|no|nobody|none|nothing|neither|nor)\b|n[’']t\b", re.IGNORECASE)
CONTAINED_MIN = 0.6
OVERLAP_MIN = 0.45
MIN_CONTENT_STEMS = 3
SAME_SPEAKER_SHARED = 4
SAME_SPEAKER_CONTAINED = 0.4
MIN_SHARED_WORDS = 2  # content stems in common besides the names of the story's entities


def _stems(text: str, stop: frozenset[str]) -> set[str]:
    # A crude stem (first six letters) is enough to match "entered"/"enter", "Azerbaijani"/"Azerbaijan".
    return {w.lower()[:6] for w in _WORD.findall(text) if w.lower() not in stop and len(w) > 1}


@dataclass
class _Quote:
    article: str
    kind: str
    start: int
    end: int
    text: str
    speaker_text: str | None
    entity: str | None  # canonical entity id
    stems: set[str] = field(default_factory=set)
    places: set[str] = field(default_factory=set)  # place entities the content names
    writer: str | None = None  # for a first-person speaker ("I heard ..."): the article's writer, as named
    speaker_kind: str | None = None  # "person" or "body" (an institution), when the speaker says which
    speaker_span: tuple[int, int] | None = None  # where this article names the speaker ("it" when it says "it said")
    name_stems: set[str] = field(default_factory=set)  # stems of the entity names the content mentions
    figures: list = field(default_factory=list)  # the quantities the content gives
    days: set[str] = field(default_factory=set)  # the days the content dates what it says to (not a noun's date)

    def other_kind(self, other: "_Quote") -> bool:
        """Are the two speakers of different kinds? "The ministry said ..." and a quote of Pavel Ondrich are
        not one statement, however alike their words, even when the ministry resolves to no entity. Nor are
        many people ("Union leaders said ...") and one named person."""
        if self.speaker_kind and other.speaker_kind and self.speaker_kind != other.speaker_kind:
            return True
        return (self.many and other.entity is not None and other.speaker_kind == "person") or (
            other.many and self.entity is not None and self.speaker_kind == "person")

    @cached_property
    def negated(self) -> bool:
        """Does the content deny something ("X had not been arrested", "no one was hurt")?"""
        return bool(_DENIAL.search(self.text))

    @cached_property
    def many(self) -> bool:
        """Does the text name the speaker as several people ("union leaders", "officials", "residents")?"""
        words = _WORD.findall((self.speaker_text or "").lower())
        return bool(words) and self.entity is None and (words[-1] in _PLURAL_PRONOUNS or (
            words[-1].endswith("s") and words[-1][:-1] in PERSON_ROLE_NOUNS))

    @property
    def first_person(self) -> bool:
        return self.writer is not None


_SPEAKER_TYPES = {"PERSON", "ORG", "GPE", "NORP"}
_PLURAL_PRONOUNS = frozenset({"they", "them"})
_FIRST_PERSON = {"i", "we", "me", "us"}


def _writer(article) -> str:
    """Who "I" is in an article: its byline, else its outlet, title or id."""
    return article.byline or article.outlet or article.title or article.id


class _Mentions:
    """Entity mentions of the story, per article and sorted by start, for span look-ups without a scan
    of every mention of the story per quote."""

    def __init__(self, entities: list) -> None:
        self.by_article: dict[str, list[tuple[int, int, int, str]]] = {}
        rank = 0
        for ent in entities:
            for art, s, e in ent.mentions:
                # rank: the story's entity order, which decides between overlapping mentions
                self.by_article.setdefault(art, []).append((s, e, rank, ent.id))
                rank += 1
        self.starts: dict[str, list[int]] = {}
        for art, ms in self.by_article.items():
            ms.sort()
            self.starts[art] = [m[0] for m in ms]

    def covering(self, article: str, pos: int) -> list[tuple[int, int, int, str]]:
        """Mentions with start <= pos < end, in entity order."""
        ms = self.by_article.get(article, [])
        hits = [m for m in ms[: bisect_right(self.starts.get(article, []), pos)] if m[1] > pos]
        return sorted(hits, key=lambda m: m[2])

    def starting_in(self, article: str, start: int, end: int) -> list[tuple[int, int, int, str]]:
        """Mentions with start <= their start < end."""
        starts = self.starts.get(article, [])
        ms = self.by_article.get(article, [])
        return ms[bisect_left(starts, start): bisect_left(starts, end)]


_CLAUSE_BREAK = re.compile(r"[.;:!?\"“”()\[\]\n,]")
_APPOSITION_AFTER = re.compile(r",\s+((?:[\w'’-]+\s+){0,7}?[\w'’-]+)\s*[,.;]")
_NOT_DESCRIPTIVE = frozenset({"the", "a", "an", "its", "his", "her", "their", "our", "this", "that", "of", "then",
                              "former", "new", "by", "from", "to", "and"})


def _title_words(before: list[str]) -> list[str]:
    """The title run that ends right before a name: capitalised words or role nouns, back to the first other
    word ("met South Korean President" -> South, Korean, President; "Trump's nominee" -> nominee)."""
    run: list[str] = []
    for w in reversed(before):
        if w.endswith(("'s", "’s", "'", "’")) or not (w[:1].isupper() or w.lower() in PERSON_ROLE_NOUNS):
            break
        run.append(w)
    return run


# a role written for a man or for a woman, and its other form
_OTHER_GENDER = {f"{stem}{a}": f"{stem}{b}" for stem in ("spokes", "chair", "congress", "business", "council", "police",
                                                        "sports", "anchor", "country", "fisher")
                 for a, b in (("man", "woman"), ("woman", "man"))}


def _stem6(word: str) -> str:
    w = word.lower()
    for end in ("'s", "’s", "'", "’"):
        w = w.removesuffix(end)
    return w[:6]


class _PersonTitles:
    """The words that describe each person of the story where it is named ("Azerbaijani President Ilham
    Aliyev", "Pavel Ondrich, director of the state dam operator"), to resolve a speaker given only by a
    description ("the Azerbaijani president said") across the story: the annotator's in-document guess is
    the nearest preceding person, whoever that is ("President Trump" a sentence earlier)."""

    def __init__(self, entities: list, texts: dict[str, str]) -> None:
        self.words: dict[str, set[str]] = {}
        # per person, how many of its mentions carry each word as a title: the words right before the name
        # ("South Korean President Moon") or in an apposition after it ("Moon, the South Korean president")
        self.titled: dict[str, dict[str, int]] = {}
        self.in_article: dict[tuple[str, str], list[str]] = defaultdict(list)
        # per person, the role nouns it is titled with as written ("spokesman"), and the words right before them
        # that say whose or what kind ("Coastguard spokesman" -> coastguard)
        self.roles: dict[str, set[str]] = {}
        self.role_kinds: dict[str, set[str]] = {}
        for ent in entities:
            if ent.type != "PERSON":
                continue
            ws: set[str] = set()
            titled: dict[str, int] = {}
            for art, s, e in ent.mentions:
                t = texts.get(art, "")
                before = _CLAUSE_BREAK.split(t[max(0, s - 60):s])[-1].split()[-5:]
                m = _APPOSITION_AFTER.match(t, e, min(len(t), e + 90))
                after = m.group(1).split() if m else []
                ws.update(_stem6(w) for w in before + after)
                run = _title_words(before)
                self.in_article[(ent.id, art)] += run + after
                for w in {_stem6(w) for w in run + after}:
                    titled[w] = titled.get(w, 0) + 1
                for i, w in enumerate(run):  # the run is read back from the name: its words after a role are kinds
                    if w.lower() in PERSON_ROLE_NOUNS:
                        self.roles.setdefault(ent.id, set()).add(w.lower())
                        self.role_kinds.setdefault(ent.id, set()).update(
                            _stem6(k) for k in run[i + 1:] if k.lower() not in _NOT_DESCRIPTIVE)
            self.words[ent.id] = ws
            self.titled[ent.id] = titled

    def here_titles(self, person: str, article: str) -> list[str]:
        """The title words right before the person's name in one report ("Prosecutor Claire Vautrin")."""
        return self.in_article.get((person, article), [])

    def most_titled(self, people: list[str], head: str) -> str | None:
        """Of ``people``, the one the story titles with ``head`` ("President Trump") at least twice as often
        as any other, and at least twice; None when no one stands out so."""
        counts = sorted(((self.titled.get(p, {}).get(_stem6(head), 0), p) for p in people), reverse=True)
        if not counts or counts[0][0] < 2 or (len(counts) > 1 and counts[0][0] < 2 * counts[1][0]):
            return None
        return counts[0][1]

    def candidates(self, description: str, head: str) -> tuple[list[str], list[str]]:
        """Persons described by the head noun and every other word of ``description``, and persons
        described by the head noun alone, short of those the description rules out (`_other_role`)."""
        mods = {_stem6(w) for w in re.findall(r"[\w'’-]+", description) if w.lower() not in _NOT_DESCRIPTIVE} - {_stem6(head)}
        by_head = [eid for eid, ws in self.words.items() if _stem6(head) in ws and not self._other_role(eid, head, mods)]
        return [eid for eid in by_head if mods <= self.words[eid]], by_head

    def _other_role(self, person: str, head: str, mods: set[str]) -> bool:
        """Whether the description is of another holder of the role than ``person``: a spokeswoman is no one the
        story calls spokesman (the six letters the titles are compared on are the same), nor is "a police
        spokeswoman" the story's "Coastguard spokesman" (a kind of its own, and none of the description's)."""
        head = head.lower()
        roles = self.roles.get(person, set())
        other = _OTHER_GENDER.get(head)
        if other is not None and other in roles and head not in roles:
            return True
        kinds = self.role_kinds.get(person, set())
        return bool(mods) and bool(kinds) and not (mods & self.words[person])


def _entity_for_speaker(doc: AnnotatedArticle, a, mentions: _Mentions, entities: dict,
                        orgs_by_word: dict[str, list], speakers_by_name: dict[str, str] | None = None,
                        titles: _PersonTitles | None = None, texts: dict[str, str] | None = None,
                        genders: dict[str, str | None] | None = None) -> str | None:
    """The canonical entity of a speaker: the entity mentioned at the speaker's head ("Azerbaijani
    President Ilham Aliyev" -> Ilham Aliyev, not Azerbaijani); for a description of a person ("the
    Azerbaijani president"), the only person of the story so described; else the only organisation whose
    name has the speaker's head noun ("the ministry" -> Defence Ministry), else a name match of the
    in-document resolution when its type can speak."""
    text = doc.article.text
    head = (a.speaker_head or "").strip()
    if a.speaker_start is not None and head:
        span = text[a.speaker_start:a.speaker_end]
        at = span.rfind(head.split()[-1])
        if at >= 0:
            pos = a.speaker_start + at
            for _s, _e, _rank, ent_id in mentions.covering(doc.article.id, pos):
                if entities[ent_id].type in _SPEAKER_TYPES:
                    return ent_id
    if a.speaker_start is not None:
        # a name in apposition to the role, at the end: "said the group's spokeswoman, Julia Berg" (not an owner:
        # "Trump's lawyer")
        end = a.speaker_start + len(text[a.speaker_start:a.speaker_end].rstrip(" ,.;:"))
        named = {ent_id for _s, e, _rank, ent_id in mentions.starting_in(doc.article.id, a.speaker_start, a.speaker_end)
                 if entities[ent_id].type == "PERSON" and e == end}
        if len(named) == 1:
            return named.pop()
        # ... or the name a group goes by: "A group calling itself Black Lantern", "an outfit known as Red Dawn"
        named = {ent_id for s, e, _rank, ent_id in mentions.starting_in(doc.article.id, a.speaker_start, a.speaker_end)
                 if entities[ent_id].type in _SPEAKER_TYPES and e == end and _GOES_BY.search(text, a.speaker_start, s)}
        if len(named) == 1:
            return named.pop()
    word = head.split()[-1].lower() if head else ""
    if word in _SPEECH_NOUNS and a.speaker_start is not None:
        # "Mr. Varga's comments suggested he backed the talks": what the owner of the words said
        m = _POSSESSOR_OF_WORDS.search(text, a.speaker_start, a.speaker_end)
        if m:
            for _s, _e, _rank, ent_id in mentions.covering(doc.article.id, m.start(1)):
                if entities[ent_id].type in ("PERSON", "ORG"):
                    return ent_id
    if word in PERSON_PRONOUNS and a.speaker_start is not None:
        return _person_before(doc, a.speaker_start, word, mentions, entities,
                              texts or {doc.article.id: doc.article.text}, {} if genders is None else genders,
                              a.content_parts or [(a.content_start, a.content_end)])
    if titles is not None and word in PERSON_ROLE_NOUNS and head[:1].islower() and a.speaker_start is not None:
        description = text[a.speaker_start:a.speaker_end]
        if _INDEFINITE.match(description):
            return None  # "A Foreign Office spokesperson said": someone the report does not name, not the story's
            # spokesman of another body ("police spokesman Luca Ferrand")
        strict, by_head = titles.candidates(description, word)
        if len(strict) == 1:
            return strict[0]
        if not strict and _OWNED_ROLE.search(description):
            # "the group's spokeswoman": whose spokeswoman says who; no one so described is named, unless the
            # report itself names one person so ("the city's prosecutor said" ... "Prosecutor Claire Vautrin told
            # reporters")
            here = [eid for eid in by_head if any(art == doc.article.id for art, _s, _e in entities[eid].mentions)
                    and word in {w.lower() for w in titles.here_titles(eid, doc.article.id)}]
            return here[0] if len(here) == 1 else None
        # several people so described, within a few words of a mention ("President Trump's nominee Mike Pompeo"
        # puts "president" near Pompeo): "the president" is the one the story mostly calls so
        titled = titles.most_titled(strict or by_head, word)
        if titled is not None:
            return titled
        resolved = (speakers_by_name or {}).get((a.speaker_resolved or "").strip().lower())
        # several people so described: the annotator's nearest one, if it is among them
        return resolved if resolved in (strict or by_head) else None
    if word.isalpha() and head[:1].islower():
        hits = orgs_by_word.get(word, [])
        if a.speaker_start is not None:
            # "the interior ministry" is not the story's one named "health ministry": what the description
            # says the institution is must be in the name
            kinds = _kind_words(text[a.speaker_start:a.speaker_end], word)
            hits = [ent for ent in hits if kinds <= {_stem6(w) for w in re.findall(r"[\w'’-]+", ent.name)}]
        if len(hits) == 1:
            return hits[0].id
        if not hits and word in _COMPANY_NOUNS and a.speaker_start is not None and _DEFINITE.fullmatch(
                text[a.speaker_start:a.speaker_end]):
            # "the company said": the one organisation the report has named before it ("A global outage at cloud
            # provider Nimbus Cloud knocked ... offline, the company said"), its own outlet aside
            # (a kind of group the name does not say is another one: "The fan group said" is no club's word)
            kinds = _kind_words(text[a.speaker_start:a.speaker_end], word)
            named = {eid for eid, ent in entities.items() if ent.type == "ORG"
                     and ent.name.lower() != (doc.article.outlet or "").lower()
                     and kinds <= {_stem6(w) for w in re.findall(r"[\w'’-]+", ent.name)}
                     and any(art == doc.article.id and e <= a.speaker_start for art, _s, e in ent.mentions)}
            return named.pop() if len(named) == 1 else None
        return None  # a common noun ("officials", "one resident") names no entity
    resolved = (a.speaker_resolved or "").strip().lower()
    if resolved:
        ent = (speakers_by_name if speakers_by_name is not None else _speakers_by_name(entities)).get(resolved)
        if ent is not None and word in _ANY_PRONOUN and entities[ent].type in ("GPE", "LOC", "FAC"):
            return None  # "They say 'Go to Murmansk ...'": a pronoun that speaks is people, not a place
        return ent
    return None


def _kind_words(description: str, head: str) -> set[str]:
    """The words right before an institution's head noun that say which one it is ("the interior ministry" ->
    interior; "the country's health ministry" -> health), back to a determiner or an owner, stemmed."""
    words = re.findall(r"[\w'’-]+", description)
    lowered = [w.lower() for w in words]
    if head not in lowered:
        return set()
    out = set()
    for w in reversed(words[:len(lowered) - 1 - lowered[::-1].index(head)]):
        if w.lower() in _NOT_DESCRIPTIVE or w.endswith(("'s", "’s", "s'", "s’")):
            break
        out.add(_stem6(w))
    return out


_GOES_BY = re.compile(r"\b(?:calling\s+(?:itself|themselves)|calls\s+(?:itself|themselves)|known\s+as|called|named)\s+$")
# a plural noun that opens what was said, as its subject: "Prosecutors opened ...", "Local officials have said ..."
_PLURAL_SUBJECT = re.compile(
    r"((?:[Tt]he\s+)?(?:[A-Za-z]+\s+)?[A-Za-z]{3,}[^s\W]s)\s+(?:[a-z]+ed|have|had|were|are|will|would)\b")
_COMPANY_NOUNS = frozenset("company firm corporation business provider operator carrier airline bank lender insurer "
                           "retailer manufacturer maker utility group".split())
_DEFINITE = re.compile(r"\s*the\s+(?:[a-z-]+\s+)?[a-z]+\s*", re.IGNORECASE)
_OWNED_ROLE = re.compile(r"[\w-]+['’]s\s+(?:[\w-]+\s+){0,2}?[a-z]+\s*$")
_SPEECH_NOUNS = frozenset({"comments", "comment", "remarks", "remark", "statement", "statements", "tweet", "tweets",
                           "words", "testimony", "letter", "speech", "post", "posts", "message", "memo", "memos"})
_POSSESSOR_OF_WORDS = re.compile(r"([A-Z][\w.'’-]*)['’]s\s+(?:[a-z]+\s+){0,2}[a-z]+\s*$")
_CLOSING_AFTER_COMMA = re.compile(r"[,;:]\s*['\"\u201d\u2019`]+\s*$")
_ANY_PRONOUN = PERSON_PRONOUNS | GROUP_PRONOUNS | THING_PRONOUNS
PRONOUN_SENTENCES = 3  # "she said" refers to a person named in its sentence or the two before it
_FEMALE_TITLES = frozenset({"ms", "mrs", "miss", "madam", "lady"})
_MALE_TITLES = frozenset({"mr", "sir", "lord"})
_HE = frozenset({"he", "him", "his", "himself"})
_SHE = frozenset({"she", "her", "hers", "herself"})
_LATIN_WORD = re.compile(r"[A-Za-z]+")
_SENTENCE_BREAK = re.compile(r"[.!?\n]")


def _gender(entity, texts: dict[str, str]) -> str | None:
    """"she" or "he" for a person, from the story's own words: a courtesy title before a mention ("Mrs.
    Ciller"), else the first personal pronoun after mentions in the same sentence ("Primakov said he ...")
    when those clearly agree (at least two, three to one); else None (unknown)."""
    titles: set[str] = set()
    votes = {"he": 0, "she": 0}
    for art, s, e in entity.mentions:
        text = texts.get(art, "")
        word = _LATIN_WORD.findall(text[max(0, s - 8):s])[-1:]
        if word and word[0].lower() in _FEMALE_TITLES:
            titles.add("she")
        elif word and word[0].lower() in _MALE_TITLES:
            titles.add("he")
        after = _SENTENCE_BREAK.split(text[e:e + 120], maxsplit=1)[0]
        for w in _LATIN_WORD.findall(after.lower()):
            if w in _HE or w in _SHE:
                votes["he" if w in _HE else "she"] += 1
                break
    if len(titles) == 1:
        return titles.pop()
    for g, other in (("he", "she"), ("she", "he")):
        if votes[g] >= 2 and votes[g] >= 3 * votes[other]:
            return g
    return None


def _person_before(doc: AnnotatedArticle, pos: int, pronoun: str, mentions: _Mentions, entities: dict,
                   texts: dict[str, str], genders: dict[str, str | None],
                   content: list[tuple[int, int]] = ()) -> str | None:
    """The person a "he"/"she" speaker at ``pos`` refers to: the story's person entity mentioned last before
    it, outside direct quotes and outside what the speaker is said to have said (``content``: "Energy Minister Lidia
    Voss will lead the inquiry, he said" is not hers), within ``PRONOUN_SENTENCES`` sentences, and not one the
    story's words give the other gender (``_gender``). The story's entity types are voted over all their mentions,
    so one mention the tagger misread (a company taken for a person) does not become the speaker; without such a
    person the pronoun stays unresolved rather than guessed."""
    here = [s for s in doc.sentences if s.start <= pos]
    if not here:
        return None
    lo = here[max(0, len(here) - PRONOUN_SENTENCES)].start
    quoted = [(q.content_start, q.content_end) for q in doc.quotes if q.kind == "direct"]
    gender = "she" if pronoun in ("she", "her") else "he"
    text = doc.article.text
    for s, e, _rank, ent_id in reversed(mentions.starting_in(doc.article.id, lo, pos)):
        ent = entities[ent_id]
        if _scare_quoted(text, s, e):
            continue  # 'called the devices "Mickey Mouse" bombs': a name as a word, not a person present
        if e <= pos and ent.type == "PERSON" and not any(qs <= s < qe for qs, qe in (*quoted, *content)):
            if ent_id not in genders:
                genders[ent_id] = _gender(ent, texts)
            if genders[ent_id] in (None, gender):
                return ent_id
    return None


def _scare_quoted(text: str, start: int, end: int) -> bool:
    """Is the mention wrapped in quote marks of its own ('the "Mickey Mouse" bombs')?"""
    return 0 < start and end < len(text) and text[start - 1] in "\"“‘'" and text[end] in "\"”’'"


_POSSESSIVES = frozenset({"its", "his", "her", "their", "our", "my", "your"})
# Verbs of knowing and perceiving: "before some women know they are pregnant" tells what is so, not what
# anyone said or holds (unlike "believe", "fear" or "hope", which report a held view, or "heard that", which
# reports what others said).
_KNOWING_VERBS = frozenset(
    "know realize realise recognize recognise understand discover sense notice remember forget see".split())
# Verbs of wanting and deciding: "I want whoever writes the report to know that" is a wish, not words.
_WANTING_VERBS = frozenset("want wish prefer plan intend seek aim decide refuse decline try mean choose opt".split())
# What someone tells or shows how to do is a topic, not a statement: "telling everyone how to run the tea urn".
_WH_INFINITIVE = re.compile(r"(?:how|what|where|when|whether|which|who)\s+(?:\w+\s+)?to\s", re.IGNORECASE)


# a verb of saying that is negated or refused right before it: "have not said", "did not yet say", "declined to say"
_NEGATED_CUE = re.compile(r"\b(?:not|never|n[’']t|declined\s+to|refused\s+to)\s+(?:(?:yet|immediately|publicly|officially)\s+)?$",
                          re.IGNORECASE)


def _a_statement(text: str, a, speaker: str | None) -> bool:
    """Is this attribution something its speaker said, for the list of quotes? The annotator also marks
    what a linking verb ties together ("the road linking the region and Armenia"), a possessor's stance
    ("its attacks on civilian and Azerbaijani forces"), the thing a stance or act is about ("officers
    seeking immunity", "police responding to domestic disputes") and intentions ("wants to leave"):
    attributions in the wide sense of attribution corpora, but no one's words. Reported speech is a clause
    ("said that ..."), or an infinitive after a verb of saying ("vowed to rebuild", "urged voters to
    stay home")."""
    if speaker is not None and speaker.strip().lower() in _POSSESSIVES:
        return False
    form, cue_lemma = getattr(a, "form", "clause"), getattr(a, "cue_lemma", None)
    if a.kind == "indirect" and (form in ("object", "stance")
                                 or form == "infinitive" and cue_lemma not in SPEECH_VERBS
                                 or cue_lemma in _KNOWING_VERBS or cue_lemma in _WANTING_VERBS
                                 or _WH_INFINITIVE.match(text, a.content_start)):
        return False
    if a.kind == "indirect" and a.cue_start is not None and _NEGATED_CUE.search(text, max(0, a.cue_start - 30), a.cue_start):
        return False  # "investigators have not said what caused it", "would not say how many": nothing was said
    cue = text[a.cue_start:a.cue_end].strip().lower() if a.cue_start is not None else ""
    stems = {cue, cue[:-1], cue[:-2], cue[:-3], cue[:-3] + "e", cue[:-2] + "e", cue[:-1] + "e"} if cue else set()
    return not stems & LINK_VERBS


_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_TRAILING_TIME = re.compile(
    rf"[\s,]+(?:(?:on|late|early)\s+)?(?:{_WEEKDAY}(?:\s+(?:morning|afternoon|evening|night))?|yesterday|today)$")


def _speaker_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The speaker as shown: without surrounding spaces (a no-break space included), with the closing
    parenthesis the annotator's trimming took off ("Sen. Ada Lorn (D-Wis." -> "... (D-Wis.)"), and without a
    time that trails the name ("Taiwan's president on Sunday")."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    span = text[start:end]
    if span.count("(") > span.count(")"):
        m = re.match(r"[.\w]{0,2}\)", text[end:end + 3])
        if m:
            end += m.end()
    m = _TRAILING_TIME.search(text, start, end)
    if m and m.start() > start:
        end = m.start()
    m = _TRAILING_RELATIVE.search(text, start, end)
    if m and m.start() > start:
        end = m.start()  # "some experts in Velia, who" -> "some experts in Velia"
    return start, end


_TRAILING_RELATIVE = re.compile(r",?\s+(?:who|whom|which|that)\s*$", re.IGNORECASE)


def _speakers_by_name(entities: dict) -> dict[str, str]:
    """Lower-cased name or alias -> id of the first entity (in ``entities`` order) that has it and can speak."""
    out: dict[str, str] = {}
    for ent in entities.values():
        if ent.type in _SPEAKER_TYPES:
            for name in [ent.name, *ent.aliases]:
                out.setdefault(name.lower(), ent.id)
    return out


def build_quotes(docs: Sequence[AnnotatedArticle], entities: list, index=None) -> list[dict]:
    """Quotes merged across outlets. With an alignment ``index``, direct quotes are also compared by
    sentence embeddings, which recognise one statement in two translations that share few words."""
    from spacy.lang.en.stop_words import STOP_WORDS

    stop = frozenset(STOP_WORDS) | {"said", "says", "say"}
    mention_index = {(m[0], m[1], m[2]): ent.id for ent in entities for m in ent.mentions}
    story_mentions = _Mentions(entities)
    by_id = {ent.id: ent for ent in entities}
    orgs_by_word: dict[str, list] = {}
    for ent in entities:
        if ent.type == "ORG":
            for w in dict.fromkeys(ent.name.lower().split()):
                orgs_by_word.setdefault(w, []).append(ent)
    names = {ent.id: ent.name for ent in entities}
    speakers_by_name = _speakers_by_name(by_id)
    texts = {d.article.id: d.article.text for d in docs}
    titles = _PersonTitles(entities, texts)
    genders: dict[str, str | None] = {}
    mentions: dict[str, list[tuple[int, int, str]]] = {}
    for (art, s, e), ent_id in sorted(mention_index.items()):
        mentions.setdefault(art, []).append((s, e, ent_id))
    quotes: list[_Quote] = []
    for doc in docs:
        text = doc.article.text
        last_body: tuple[int, str, str | None] | None = None  # (sentence, speaker as named, entity) of the last institution
        for a, start, end in ((a, s, e) for a in doc.quotes for s, e in _quoted_parts(text, a)):
            m = _CLOSING_AFTER_COMMA.search(text, start, end)
            if m:
                end = m.start()  # closing marks left in the span (a nested quote's, in PTB-style text)
            while end > start and (text[end - 1].isspace() or text[end - 1] in ",;:"):
                end -= 1  # "... on November 20," the ministry said: the comma is the writer's, not the speaker's
            content = text[start:end].strip()
            if len(content.split()) < 3:
                continue
            sp_bounds = _speaker_bounds(text, a.speaker_start, a.speaker_end) if a.speaker_start is not None else None
            speaker = text[sp_bounds[0]:sp_bounds[1]] if sp_bounds else None
            if speaker is None and a.kind != "direct":
                continue  # reported speech of no one ("is expected to present its conclusions") is no quote
            if not _a_statement(text, a, speaker):
                continue
            places = {
                ent_id for _s, _e, _rank, ent_id in story_mentions.starting_in(doc.article.id, a.content_start, a.content_end)
                if by_id[ent_id].type in ("GPE", "LOC", "FAC")
            }
            # Compare canonical names, so translations that spell a place differently still match.
            canonical = _canonical_span(text, start, end, mentions.get(doc.article.id, []), names)
            first_person = speaker is not None and speaker.strip().lower() in _FIRST_PERSON
            entity = None if first_person else _entity_for_speaker(doc, a, story_mentions, by_id, orgs_by_word,
                                                                  speakers_by_name, titles, texts, genders)
            kind = None if first_person else _speaker_kind(speaker, by_id.get(entity) if entity else None)
            here = doc.sentence_at(a.speaker_start) if a.speaker_start is not None else None
            if (entity is None and speaker is not None and speaker.strip().lower() in THING_PRONOUNS
                    and last_body is not None and here is not None and here.index - last_body[0] < PRONOUN_SENTENCES):
                # "it said" is the institution that spoke last, in its sentence or the two before
                speaker, entity, kind = last_body[1], last_body[2], "body"
            if (entity is None and speaker is not None and speaker.strip().lower() == "they"
                    and (m := _PLURAL_SUBJECT.match(content))
                    and (m.group(1).split()[-1].lower()[:-1] in PERSON_ROLE_NOUNS | ORG_NOUNS | PEOPLE_KINDS)):
                # "Prosecutors opened a criminal case ..., they said in a statement": the people the words open on (not
                # "Talks have stalled, they said")
                sp_bounds = (start + m.start(1), start + m.end(1))
                speaker = m.group(1)
                kind = _speaker_kind(speaker, None)
            if kind == "body" and here is not None:
                last_body = (here.index, speaker, entity)
            named = {ent_id for s, e, ent_id in mentions.get(doc.article.id, []) if s >= start and e <= start + len(content)}
            quotes.append(_Quote(doc.article.id, a.kind, start, start + len(content), content, speaker, entity,
                                 _stems(canonical, stop), places, _writer(doc.article) if first_person else None,
                                 kind, sp_bounds,
                                 set().union(*(_stems(names[n], stop) for n in named)) if named else set(),
                                 [q for q in doc.quantities if start <= q.start and q.end <= start + len(content)],
                                 _days_in(doc, start, start + len(content))))

    translated = _translations(quotes, index) if index is not None and getattr(index, "use_embeddings", False) else set()
    partners: dict[int, set[int]] = {}
    for x, y in translated:
        partners.setdefault(x, set()).add(y)
    groups: list[list[_Quote]] = []
    # Only groups that share a stem with the quote, or hold a translation of it, can take it
    # (_same_statement needs a shared stem): an inverted index keeps the grouping near-linear.
    groups_with_stem: dict[str, set[int]] = {}
    group_of: dict[int, int] = {}
    for q in quotes:
        # Join the group whose wording overlaps this one most (one wording per article and statement).
        target, best = None, 0.0
        candidates = set().union(*(groups_with_stem.get(t, ()) for t in q.stems))
        candidates |= {group_of[o] for o in partners.get(id(q), ()) if o in group_of}
        for gi in sorted(candidates):  # group order: the earliest group wins a tie, as without the index
            g = groups[gi]
            if any(o.article == q.article for o in g):
                continue
            if any(_other_speaker(q, o) for o in g):
                continue  # a quote matching one member must not bring a second speaker into the group
            score = max(
                (max(_overlap(q, o), 0.5 if (id(q), id(o)) in translated else 0.0) for o in g
                 if (id(q), id(o)) in translated or _same_statement(q, o)),
                default=0.0,
            )
            if score > best:
                target, best = gi, score
        if target is None:
            target = len(groups)
            groups.append([])
        groups[target].append(q)
        group_of[id(q)] = target
        for t in q.stems:
            groups_with_stem.setdefault(t, set()).add(target)

    out = []
    for g in groups:
        best = max(g, key=lambda q: (q.kind == "direct", len(q.text)))
        entity = next((q.entity for q in g if q.entity), None)
        speaker = names.get(entity) if entity else next(
            (f"{q.writer} (the writer)" if q.first_person else q.speaker_text for q in g if q.speaker_text), None)
        out.append({
            "speaker": speaker,
            "speaker_entity": entity,
            "text": best.text,
            "kind": best.kind,
            "sources": list(dict.fromkeys([best.article] + [q.article for q in g])),
            # each outlet's words, and where it names the speaker: outlets may name one speaker differently
            "evidence": [{"article": q.article, "start": q.start, "end": q.end,
                          **({"speaker_start": q.speaker_span[0], "speaker_end": q.speaker_span[1]} if q.speaker_span else {})}
                         for q in g],
            "variants": [{"article": q.article, "text": q.text} for q in g if q is not best],
        })
    out.sort(key=lambda d: -len(d["sources"]))
    return out


# (a clause may go on after the attribution: "..., and its findings will be published in full, she said")
_WRITERS_ADDENDUM = re.compile(r"\s*(?:and|but|in|on|at|amid|as|after|before|during|with|without|following|despite|"
                               r"[a-z]{3,}ing)\s", re.IGNORECASE)


def _quoted_parts(text: str, a) -> list[tuple[int, int]]:
    """The spans of what was said. A direct quote interrupted by its attribution ('"The ministry is counting
    houses," Bosk said. "Come and count them yourself."') is its quoted pieces, without the writer's words
    between them; reported speech loses its complementizer ("said that ...")."""
    start, end = a.content_start, a.content_end
    if a.kind == "direct":
        return list(a.content_parts) or [(start, end)]
    parts = list(a.content_parts)
    if len(parts) >= 2 and len(text[parts[0][0]:parts[0][1]].split()) >= 4 and _WRITERS_ADDENDUM.match(
            text, parts[1][0], parts[1][1]):
        # "The dam gave way on Monday, officials said, and the river rose ...", "Ostmark summoned the ambassador,
        # the ministry said, in a widening row over spying": the attribution closes the statement; the clause or
        # phrase joined after it is the writer's (not "The talks, the minister said, will resume")
        start, end = parts[0]
    m = re.match(r"\s*(?:that|whether)\s+", text[start:end])
    return [(start + m.end() if m else start, end)]


def _canonical_span(text: str, start: int, end: int, mentions: list[tuple[int, int, str]], names: dict[str, str]) -> str:
    out, pos = [], start
    for s, e, ent_id in mentions:
        if s >= start and e <= end and s >= pos:
            out += [text[pos:s], names[ent_id]]
            pos = e
    out.append(text[pos:end])
    return "".join(out)


def _speaker_kind(speaker: str | None, entity) -> str | None:
    """"person" or "body" from the speaker's entity type, else from the head word of how the text names
    the speaker ("the minister" / "the ministry", "she"); None when neither tells."""
    if entity is not None and entity.type in _SPEAKER_TYPES:
        return "person" if entity.type == "PERSON" else "body"
    words = _WORD.findall((speaker or "").lower())
    if not words:
        return None
    head = words[-1]
    if head in PERSON_PRONOUNS or head in PERSON_ROLE_NOUNS:
        return "person"
    if head in ORG_NOUNS:
        return "body"
    return None


def _other_speaker(a: _Quote, b: _Quote) -> bool:
    """Are the two known to be different speakers (two entities, a person and an institution, or two descriptions
    of different heads: "regional officials" / "emergency services")?"""
    return bool(a.entity and b.entity and a.entity != b.entity) or a.other_kind(b) or _other_description(a, b)


def _other_description(a: _Quote, b: _Quote) -> bool:
    if a.entity or b.entity or a.first_person or b.first_person:
        return False
    heads = []
    for q in (a, b):
        words = _WORD.findall((q.speaker_text or "").lower())
        if not words or words[-1] in _ANY_PRONOUN or words[-1] in ("who", "that", "which", "whom"):
            return False  # (a pronoun may stand for anyone)
        heads.append(_stem6(words[-1]))
    return heads[0] != heads[1]


def _days_in(doc: AnnotatedArticle, start: int, end: int) -> set[str]:
    """The days of the dates in [start, end) that date their clause (not "Sunday's theft", a noun's date)."""
    return {d for t in doc.timexes
            if start <= t.start and t.end <= end and (t.start, t.end) not in doc.date_phrases and (d := day_of(t))}


def _same_statement(a: _Quote, b: _Quote) -> bool:
    if _other_speaker(a, b):
        return False
    if a.first_person or b.first_person:
        return False  # "I" is the writer of that article, never another outlet's speaker
    if a.entity and a.entity == b.entity and _WORD.findall(a.text.lower()) == _WORD.findall(b.text.lower()):
        return True  # one speaker's very words, however short ("This was preventable" / "This was preventable.")
    if len(a.stems) < MIN_CONTENT_STEMS or len(b.stems) < MIN_CONTENT_STEMS:
        return False
    if a.places and b.places and not (a.places & b.places):
        return False  # the same words about different places are different statements
    if a.days and b.days and a.days.isdisjoint(b.days):
        return False  # "two men were arrested on Wednesday over Sunday's theft" tells no more of the theft
    if figures_conflict(a.figures, b.figures, counts=True):
        return False  # "12 people were arrested" / "31 people had been arrested": two statements, two counts
    if a.negated != b.negated:
        return False  # "the colonel was arrested" / "the colonel had not been arrested": a claim and its denial
    shared = len(a.stems & b.stems)
    short = min(len(a.stems), len(b.stems))
    contained = shared / short
    overlap = shared / len(a.stems | b.stems)
    if a.entity and a.entity == b.entity and shared >= SAME_SPEAKER_SHARED and contained >= SAME_SPEAKER_CONTAINED:
        return True  # the same speaker, a cut of the same words: another outlet's translation or fragment
    if len((a.stems & b.stems) - a.name_stems - b.name_stems) < MIN_SHARED_WORDS:
        # two statements about the same people share their names, not their words: "the Cabinet said it would
        # not resume ratification until Palestinian leader Yasser Arafat ..." / "Iran ... branding Yasser
        # Arafat, the Palestinian leader, a traitor"
        return False
    return (contained >= CONTAINED_MIN and shared >= MIN_CONTENT_STEMS) or overlap >= OVERLAP_MIN


TRANSLATION_EMBEDDING = 0.6  # with two content words in common: quotes are distinctive, unlike topic sentences
MIN_TRANSLATION_WORDS = 6


def _translations(quotes: list[_Quote], index) -> set[tuple[int, int]]:
    """Pairs of direct quotes from different articles whose meanings are nearly the same (both orders)."""
    direct = [q for q in quotes if q.kind == "direct" and len(q.text.split()) >= MIN_TRANSLATION_WORDS
              and not q.first_person]
    # the cheap conditions first, so that only quotes with a possible partner are embedded
    pairs = [
        (i, j) for i, a in enumerate(direct) for j in range(i + 1, len(direct))
        if a.article != direct[j].article and not (a.entity and direct[j].entity and a.entity != direct[j].entity)
        and not a.other_kind(direct[j])
        and len(a.stems & direct[j].stems) >= 2
    ]
    if not pairs:
        return set()
    needed = sorted({k for pair in pairs for k in pair})
    row = {k: r for r, k in enumerate(needed)}
    sims = index.span_similarities([(direct[k].article, direct[k].start, direct[k].end) for k in needed])
    out = set()
    for i, j in pairs:
        if sims[row[i], row[j]] >= TRANSLATION_EMBEDDING:
            a, b = direct[i], direct[j]
            out |= {(id(a), id(b)), (id(b), id(a))}
    return out


def _overlap(a: _Quote, b: _Quote) -> float:
    return len(a.stems & b.stems) / max(1, min(len(a.stems), len(b.stems)))
