"""Stage 2, annotate: sentences and entity mentions for every article, with spaCy loaded once and run
over all articles with ``nlp.pipe``."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from newsweave.annotate.claims import FINITE_TAGS
from newsweave.annotate.datelines import dateline_end
from newsweave.model import AnnotatedArticle, Article, EntityMention, Sentence

_SENTENCE_END = re.compile(r"[.!?…]['\"’”)\]]*$")
_NEWLINES = re.compile(r"\n+")
_QUOTE_OPEN = ("\"", "“", "‘", "'")
ENTITY_LABELS = {"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT", "PRODUCT", "LAW", "WORK_OF_ART"}


def annotate(
    articles: Sequence[Article], *, batch_size: int = 16, on_article: Callable[[Article], None] | None = None,
    cache: bool = True,
) -> list[AnnotatedArticle]:
    """Annotate every article. With ``cache`` (the default) articles annotated before are read from the
    per-article cache (:mod:`newsweave.annotate.cache`; ``NEWSWEAVE_CACHE=0`` turns it off)."""
    if cache:
        from newsweave.annotate.cache import annotate_cached

        return annotate_cached(
            articles, lambda todo, cb: annotate(todo, batch_size=batch_size, on_article=cb, cache=False),
            on_article=on_article,
        )
    from newsweave.annotate.nlp import load_nlp

    nlp = load_nlp()
    out: list[AnnotatedArticle] = []
    for article, doc in zip(articles, nlp.pipe((a.text for a in articles), batch_size=batch_size)):
        out.append(annotate_doc(article, doc))
        if on_article:
            on_article(article)
    return out


class DocWords:
    """The word tokens of one parsed doc and their lower-cased lemmas, read once (``Doc.to_array`` reads the
    flags in C) for all the sentences and claims cut from it, rather than through a ``Token`` object per
    token and attribute for every sentence and again for every claim."""

    def __init__(self, doc) -> None:
        from spacy.attrs import IS_ALPHA, IS_SPACE, IS_STOP, LEMMA, LIKE_NUM

        self.doc = doc
        strings = doc.vocab.strings
        flags = doc.to_array([IS_ALPHA, LIKE_NUM, IS_SPACE, IS_STOP, LEMMA])
        # a word: letters or a number, never whitespace (Token.is_alpha / like_num / is_space)
        word = ((flags[:, 0] | flags[:, 1]) & (flags[:, 2] ^ 1)).astype(bool).tolist()
        # lower-cased lemma of each word token, None for other tokens
        self.lemma: list[str | None] = [strings[h].lower() if w else None for h, w in zip(flags[:, 4].tolist(), word)]
        self.stop: list[bool] = flags[:, 3].astype(bool).tolist()

    def lemmas(self, start: int, end: int, skip: frozenset[int] | set[int] = frozenset()) -> tuple[list[str], list[str]]:
        """Lemmas of all words, and of the non-stop words, of the tokens that overlap chars [start, end)
        (``Doc.char_span(..., alignment_mode="expand")``); tokens whose index is in ``skip`` are left out of
        the second list."""
        span = self.doc.char_span(start, end, alignment_mode="expand")
        if span is None:
            return [], []
        lemma, stop = self.lemma, self.stop
        idx = [i for i in range(span.start, span.end) if lemma[i] is not None]
        return [lemma[i] for i in idx], [lemma[i] for i in idx if not stop[i] and i not in skip]  # type: ignore[misc]


def annotate_doc(article: Article, doc) -> AnnotatedArticle:
    """Sentences (never crossing a paragraph break) and entity mentions of one parsed article."""
    text = article.text  # == doc.text, which spaCy rebuilds from its tokens at every access
    sentences: list[Sentence] = []
    paragraph_starts = [0] + [m.end() for m in _NEWLINES.finditer(text)]
    words = DocWords(doc)

    def paragraph_of(offset: int) -> int:
        lo, hi = 0, len(paragraph_starts) - 1
        while lo < hi:
            mid = (lo + hi + 1) // 2
            if paragraph_starts[mid] <= offset:
                lo = mid
            else:
                hi = mid - 1
        return lo

    for sent_start, sent_end in _joined_at_abbreviations(doc, text):
        # spaCy may run a sentence across a line break; a paragraph break always ends a sentence.
        for start, end in _split_on_newlines(text, sent_start, sent_end):
            paragraph = paragraph_of(start)
            if not text[paragraph_starts[paragraph]:start].strip():
                # a wire dateline ("LONDON (Reuters) -") says where the report was filed: it is not part of
                # the first sentence's statement, so the sentence (its claims, vector, quotes) starts after it
                report = dateline_end(text, start)
                if report is not None:
                    if report >= end:
                        continue  # the dateline alone
                    start = report
            tokens, terms = words.lemmas(start, end)
            sentences.append(
                Sentence(
                    article=article.id, index=len(sentences), start=start, end=end, text=text[start:end],
                    paragraph=paragraph, kind=_kind(text, start, end), terms=terms, tokens=tokens,
                )
            )
    entities = [
        EntityMention(article=article.id, start=e.start_char, end=e.end_char, text=e.text, label=e.label_)
        for e in doc.ents
        if e.label_ in ENTITY_LABELS and e.text.strip()
        # (one word the tagger itself reads as a common noun names nothing: "Schools will reopen on Wednesday")
        and not (len(e) == 1 and e[0].tag_ in ("NN", "NNS"))
    ]
    from newsweave.annotate.claims import extract_claims
    from newsweave.annotate.date_scope import date_phrases
    from newsweave.annotate.quantities import tag_quantities
    from newsweave.annotate.quotes import extract_quotes

    timexes = tag_article_dates(article)
    return AnnotatedArticle(
        article=article, sentences=sentences, entities=entities, timexes=timexes,
        quantities=tag_quantities(text, doc), quotes=extract_quotes(doc),
        claims=extract_claims(doc, sentences, words=words, text=text),
        date_phrases=date_phrases(doc, [(t.start, t.end) for t in timexes]),
    )


def tag_article_dates(article: Article, anchor: str | None = None) -> list:
    """Time expressions of an article, anchored on its publication date (or ``anchor`` when given)."""
    from newsweave.annotate.dates import tag_timexes

    return tag_timexes(article.text, anchor or article.published)


def _joined_at_abbreviations(doc, text: str) -> list[tuple[int, int]]:
    """spaCy's sentences, with a break after an abbreviation undone when what follows has no finite verb of
    its own: "Prominent Republicans are calling for Ariz. | Gov. Jan Brewer to veto the bill." is one
    sentence, "He moved to Calif. | He later returned." two. A paragraph break still ends a sentence."""
    out: list[tuple[int, int]] = []
    last = None  # the previous sentence's last token
    # In text written in both cases, no sentence starts in lower case: "... have called Councillor Ivo
    # Darn (H-Ost.) | to account for ...", "... and ``soft defence'' _ | the idea that ..." are one
    # sentence each. (Not in text that is all lower case.)
    cased = any(c.isupper() for c in text)
    for sent in doc.sents:
        # an abbreviation is one token with its period ("Ariz.", "Gov.": the tokenizer's exceptions), where a
        # sentence's full stop is a token of its own ("Paris", ".")
        first = sent[0].text
        ended = text[out[-1][0]:out[-1][1]].rstrip()[-1:] if out else ""
        if out and "\n" not in text[out[-1][1]:sent.start_char] and (
                # nothing ends a sentence in mid-paragraph without a stop: "... under the charter's 14th |
                # Article, which ..." was cut by the parser
                (ended.isalnum() and first[:1].isalpha()) or
                (last is not None and len(last.text) > 1 and last.text.endswith(".") and last.text[0].isupper()
                 and not _finite_root(sent))
                or (cased and first[:1].islower() and first.isalpha())):
            out[-1] = (out[-1][0], sent.end_char)
        else:
            out.append((sent.start_char, sent.end_char))
        last = sent[-1]
    return out


def _finite_root(sent) -> bool:
    """Is the sentence's main verb finite, or has it a finite auxiliary? ("Gov. Jan Brewer to veto a bill that
    would ..." has not: its "would" is in a relative clause.)"""
    root = sent.root
    return root.tag_ in FINITE_TAGS or any(c.dep_ in ("aux", "auxpass") and c.tag_ in FINITE_TAGS
                                            for c in root.children)


def _split_on_newlines(text: str, start: int, end: int) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    pos = start
    for m in _NEWLINES.finditer(text, start, end):
        spans.append((pos, m.start()))
        pos = m.end()
    spans.append((pos, end))
    out = []
    for s, e in spans:
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            out.append((s, e))
    return out


def _kind(text: str, start: int, end: int) -> str:
    s = text[start:end]
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    whole_line = line_start == start and (line_end == -1 or line_end == end)
    if whole_line and len(s.split()) <= 12 and not _SENTENCE_END.search(s):
        return "heading"
    letters = [ch for ch in s if ch.isalpha()]
    if 2 <= len(s.split()) <= 12 and len(letters) >= 6 and all(ch.isupper() for ch in letters):
        return "heading"  # a shouted kicker run into the text: "MONSTERS ON THE LOOSE! Terrified families ..."
    if s.startswith(_QUOTE_OPEN) and s.rstrip().endswith(("\"", "”", "’", "'")):
        return "quote"
    return "sentence"
