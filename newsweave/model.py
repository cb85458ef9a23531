"""The typed data model that every stage shares.

Data flows one way: ``ingest`` makes :class:`Article` objects, ``annotate`` wraps each in an
:class:`AnnotatedArticle` (sentences and entity mentions as character spans), ``align`` relates
spans across articles, ``compose`` builds the parts of a :class:`Briefing`, and ``render`` turns a
Briefing into JSON, Markdown, HTML or terminal output.

Every item of a briefing that cites an article carries :class:`Evidence`: the article id and
character offsets into that article's ``text``, so each claim traces back to a source span.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

SCHEMA = "newsweave.briefing/1"


class Evidence(BaseModel):
    """A span of one article's ``text``: ``text[start:end]``."""

    model_config = ConfigDict(frozen=True)

    article: str
    start: int
    end: int


class Removed(BaseModel):
    """A piece of site furniture taken out of an article, with why."""

    text: str
    reason: str


class Article(BaseModel):
    """One clean news article, as ingest produces it."""

    id: str
    source: str = Field(description="Where it came from: a path, a URL, 'stdin', or 'path:line' for JSONL.")
    url: str | None = Field(None, description="The article's URL when known (fetched, canonical link or JSON field).")
    title: str | None = None
    outlet: str | None = Field(None, description="The outlet as the text or metadata names it; never guessed.")
    byline: str | None = None
    published: str | None = Field(None, description="ISO date (YYYY-MM-DD) when stated, else null.")
    published_time: str | None = Field(
        None, description="ISO 8601 date and time with its UTC offset, when the source states a time and its zone.")
    published_inferred: bool = False
    published_evidence: list[dict[str, Any]] = Field(
        default_factory=list, description="Why an inferred date was chosen: dated references and matched events.")
    published_note: str | None = Field(None, description="Why no date could be inferred, when none could.")
    language: str | None = None
    genre: str | None = Field(
        None, description="'opinion' when the headline's label, the URL's section or the page marks the piece as "
                          "opinion (an editorial, a column, an op-ed); else null (news, or not told).")
    text: str
    removed: list[Removed] = Field(default_factory=list)

    def span(self, start: int, end: int) -> str:
        return self.text[start:end]


class Skipped(BaseModel):
    """An input that was not used, and the reason in one line."""

    source: str
    reason: str


class SummaryItem(BaseModel):
    """One summary sentence, citing every article that states the same content."""

    text: str
    sources: list[str] = Field(description="Ids of all articles that state it, the extracted one first.")
    evidence: list[Evidence]
    independent_sources: int | None = Field(
        None, description="How many of the sources are independent: copies of one wire text, or reports of one "
                          "outlet, count once. None when unknown (an item built without alignment).")
    disputed: list[str] = Field(
        default_factory=list, description="Ids of the disagreements one of whose values the item states (other "
                                          "reports give another figure or date for it).")
    omitted: list[Evidence] = Field(
        default_factory=list, description="Spans inside the first evidence span that the text leaves out (a bracket, "
                                          "an apposition): the text is that span without them, word for word.")

    def extracted(self, article_text: str) -> str:
        """The words this item takes from ``article_text`` (its first source's text): the first evidence span
        less the ``omitted`` spans. It equals ``text``: the check that a summary never adds a word."""
        first = self.evidence[0]
        pieces, last = [], first.start
        for cut in sorted(self.omitted, key=lambda e: e.start):
            pieces.append(article_text[last:cut.start])
            last = cut.end
        pieces.append(article_text[last:first.end])
        return "".join(pieces)


class Briefing(BaseModel):
    """The JSON contract ``newsweave.briefing/1``. ``model_dump()`` is the documented JSON."""

    model_config = ConfigDict(populate_by_name=True)

    schema_: str = Field(SCHEMA, alias="schema", serialization_alias="schema")
    articles: list[Article] = Field(default_factory=list)
    skipped: list[Skipped] = Field(default_factory=list)
    summary: list[SummaryItem] = Field(default_factory=list)
    facts: list[dict[str, Any]] = Field(default_factory=list)
    timeline: list[dict[str, Any]] = Field(default_factory=list)
    entities: list[dict[str, Any]] = Field(default_factory=list)
    disagreements: list[dict[str, Any]] = Field(default_factory=list)
    quotes: list[dict[str, Any]] = Field(default_factory=list)
    framing: list[dict[str, Any]] = Field(default_factory=list)
    reuse: list[dict[str, Any]] = Field(default_factory=list)
    coverage: list[dict[str, Any]] = Field(
        default_factory=list, description="Per article: facts only it states, widely reported facts it leaves out.")

    def model_dump(self, **kwargs: Any) -> dict[str, Any]:  # the contract uses the key "schema"
        kwargs.setdefault("by_alias", True)
        return super().model_dump(**kwargs)

    def model_dump_json(self, **kwargs: Any) -> str:
        kwargs.setdefault("by_alias", True)
        return super().model_dump_json(**kwargs)

    def article(self, article_id: str) -> Article:
        for a in self.articles:
            if a.id == article_id:
                return a
        raise KeyError(article_id)

    def _repr_html_(self) -> str:  # notebooks show the HTML report
        from newsweave.render.html import render_html

        return render_html(self)


def latest_position(disagreement: dict[str, Any]) -> int | None:
    """Of an update, whose positions come in the order the reports told them, the index of the position that
    holds the latest value: the last exact one ("31 people"), not a later bound that replaces nothing ("at least
    29"); None when it has no positions."""
    positions = disagreement.get("positions") or []
    exact = [k for k, p in enumerate(positions) if isinstance(p.get("normalized"), list)
             and len(p["normalized"]) == 2 and p["normalized"][0] == p["normalized"][1]]
    return exact[-1] if exact else (len(positions) - 1 if positions else None)


# --- annotation layer (internal, not part of the JSON contract) -------------------------------


@dataclass(slots=True)
class Sentence:
    """A sentence of an article: ``article.text[start:end]``."""

    article: str
    index: int
    start: int
    end: int
    text: str
    paragraph: int
    kind: Literal["sentence", "heading", "quote"] = "sentence"
    terms: list[str] = field(default_factory=list)  # lower-cased lemmas of content words
    tokens: list[str] = field(default_factory=list)  # lower-cased lemmas of all word and number tokens, in order

    @property
    def n_words(self) -> int:
        return len(self.text.split())


@dataclass(slots=True)
class Claim:
    """A claim unit: a sentence, or an independent clause of one (``article.text[start:end]``).

    It has the same text fields as :class:`Sentence` (so the alignment index takes either), plus the slots
    that cross-source comparison uses. ``entities``, ``dates`` and ``quantities`` are filled once entities
    are canonical: entity ids, TIMEX3 values and :class:`~newsweave.annotate.quantities.Quantity` objects.
    """

    article: str
    index: int
    sentence: int  # index of the sentence it comes from
    start: int
    end: int
    text: str
    predicate: str | None = None
    negated: bool = False
    modality: Literal["happened", "planned"] = "happened"
    attributed: bool = False  # stated by someone quoted or reported, not by the outlet itself
    # character spans of the attribution ("the ministry said on Wednesday"): who states it, and when they did
    attribution: list[tuple[int, int]] = field(default_factory=list)
    # where its content verb starts ("caused" in "Klebanov, who leads the inquiry, said a collision caused
    # it"): a shortened form of the claim that loses it states nothing
    verb_at: int | None = None
    finite: bool = True  # it has a finite verb (a photo caption, "Members of the caravan at the wall on Sunday.", has none)
    terms: list[str] = field(default_factory=list)
    tokens: list[str] = field(default_factory=list)
    entities: list[str] = field(default_factory=list)
    dates: list[Any] = field(default_factory=list)
    quantities: list[Any] = field(default_factory=list)
    kind: str = "sentence"

    @property
    def n_words(self) -> int:
        return len(self.text.split())


@dataclass(slots=True)
class EntityMention:
    article: str
    start: int
    end: int
    text: str
    label: str


@dataclass(slots=True)
class AnnotatedArticle:
    """An article with its annotations, all as character spans of ``article.text``.

    ``timexes`` are :class:`newsweave.annotate.dates.Timex`, ``quantities`` are
    :class:`newsweave.annotate.quantities.Quantity` and ``quotes`` are
    :class:`newsweave.annotate.quotes.Attribution` objects (typed loosely here so that the model does not
    depend on the annotators).
    """

    article: Article
    sentences: list[Sentence] = field(default_factory=list)
    entities: list[EntityMention] = field(default_factory=list)
    timexes: list[Any] = field(default_factory=list)
    quantities: list[Any] = field(default_factory=list)
    quotes: list[Any] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    # (start, end) of a date expression -> (start, end) of the noun phrase it dates, for dates that belong to
    # a noun phrase rather than to their clause ("a barrier built in 1974"): see newsweave.annotate.date_scope
    date_phrases: dict[tuple[int, int], tuple[int, int]] = field(default_factory=dict)

    def sentence_at(self, offset: int) -> Sentence | None:
        """The sentence containing character ``offset``."""
        for s in self.sentences:
            if s.start <= offset < s.end:
                return s
        return None
