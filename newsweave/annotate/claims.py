"""Claim units: a sentence, or each of its clauses when it joins independent statements, with the parts
that cross-source comparison needs: the predicate, negation and modality.

"Armenia's defence minister resigned, and villagers set their homes on fire" states two things that
other reports may state separately, so it becomes two claims. A clause is independent when its verb is
coordinated with the sentence's main verb and has a subject of its own. Entities, dates and quantities
are attached later by span (they live on the article's annotations).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from newsweave.model import Claim, Sentence

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

    from newsweave.annotate.pipeline import DocWords

_FUTURE_AUX = {"will", "shall", "'ll", "must", "would"}
_FUTURE_VERBS = {"expect", "plan", "schedule", "intend", "aim", "set", "due", "prepare", "promise", "vow", "threaten"}
_PLAN_PASSIVES = {"expect", "plan", "schedule", "slate"}  # (not "set": "was set free on Monday" happened)
_REPORTING = {"say", "tell", "announce", "state", "confirm", "report", "add", "claim", "declare", "write", "note",
              "insist", "deny", "warn", "explain", "accord", "tweet", "post"}
_RESULTS_SHOW = {"show", "indicate", "suggest"}
_SUBJECTS = {"nsubj", "nsubjpass", "csubj", "expl"}
ATTRIBUTION_TERMS_OUT = True  # leave the attribution's words out of a claim's terms (see _attribution)
_LEADING_CONJUNCTION = re.compile(r"(?:and|but|or|while|yet)\s+", re.IGNORECASE)


def _clause_roots(sent: "Span") -> list["Token"]:
    """The main verb and the verbs coordinated with it that have subjects of their own. The parser often
    hangs "..., and the mayor urged ..." on the verb of a reported clause ("said talks would resume"), so
    conjuncts of the main verb's clausal complement count too."""
    root = sent.root
    roots = [root]
    heads = [root] + [c for c in root.children if c.dep_ == "ccomp"]
    for head in heads:
        for tok in head.children:
            if tok.dep_ == "conj" and tok.pos_ in ("VERB", "AUX") and any(c.dep_ in _SUBJECTS for c in tok.children):
                roots.append(tok)
    return sorted(roots, key=lambda t: t.i)


def _inside_quote(text: str, start: int, at: int) -> bool:
    """Does a quotation that opens in text[start:at] stay open at ``at``? (Straight, curly and wire-style
    ``...'' marks.)"""
    before = text[start:at]
    return (before.count('"') % 2 == 1 or before.count("\u201c") > before.count("\u201d")
            or before.count("``") > before.count("''"))


def _participle_opening(sent: "Span", conjunct: "Token") -> bool:
    """Does the sentence open with a participle phrase ("Recognizing ...", "Faced with ...") that runs up to
    the conjunct, with no "and" / "but" joining them (a real coordination has one)?"""
    words = [t for t in sent if not t.is_punct]
    if not words or words[0].tag_ not in ("VBG", "VBN"):
        return False
    left = min(t.i for t in conjunct.subtree)
    between = sent.doc[words[0].i:left]
    return not any(t.dep_ == "cc" or t.lower_ in ("and", "but", "or", "yet") for t in between) and any(
        t.text == "," for t in between)


def _content_verb(root: "Token") -> tuple["Token", bool]:
    """For reporting verbs ("the ministry said its units entered ..."), the reported verb; and whether the
    claim is attributed to someone rather than stated by the outlet."""
    if root.lemma_.lower() in _REPORTING:
        for c in root.children:
            if c.dep_ in ("ccomp", "xcomp") and c.pos_ in ("VERB", "AUX"):
                return c, True
        for p in (c for c in root.children if c.dep_ == "prep"):
            # "said in a video posted online that the colonel had not been arrested": the parser hangs what was said
            # on the participle of the document it was said in
            for doc_noun in (g for g in p.children if g.dep_ == "pobj"):
                for part in (g for g in doc_noun.children if g.dep_ == "acl" and g.tag_ in ("VBN", "VBG")):
                    for c in part.children:
                        if c.dep_ == "ccomp" and c.pos_ in ("VERB", "AUX") and any(
                                m.dep_ == "mark" and m.lower_ == "that" for m in c.children):
                            return c, True
    return root, False


def _attribution(root: "Token", verb: "Token", attributed: bool, start: int, end: int) -> set[int]:
    """Token indices of the clause's attribution, which says who states it, not what is stated: the
    reporting verb and its subject when the statement is its complement ("officials said"), and "according
    to ..." phrases. Two reports of different things that cite the same ministry share those words only."""
    skip: set[int] = set()
    if attributed and verb is not root:
        stated = {t.i for t in verb.subtree}
        skip |= {t.i for t in root.subtree if t.i not in stated and start <= t.idx < end}
        if not any(c.dep_ in ("nsubj", "nsubjpass") for c in root.children):
            skip |= _hung_speaker(root, start)
    for t in root.subtree:
        if t.lower_ == "according" and t.dep_ == "prep" and start <= t.idx < end:
            skip |= {x.i for x in t.subtree}
    return skip


_SPEAKER_POS = frozenset({"PROPN", "NOUN", "ADJ", "DET", "NUM"})


def _hung_speaker(root: "Token", start: int) -> set[int]:
    """The speaker the parser hung on the statement when the reporting verb closes the sentence with no subject of its
    own: in "Two workers were taken to hospital with burns, fire chief Ola Strand said." it reads "fire chief Ola
    Strand" as a conjunct of "burns". The words between the last comma and the verb, a noun phrase, say who states it."""
    doc = root.doc
    k, words = root.i - 1, []
    while k >= 0 and doc[k].idx >= start and (doc[k].pos_ in _SPEAKER_POS or doc[k].tag_ == "POS"):
        words.append(k)
        k -= 1
    if not words or k < 0 or doc[k].text != "," or not any(doc[i].pos_ in ("PROPN", "NOUN") for i in words):
        return set()
    return set(words)


def _planned(root: "Token") -> bool:
    """Future or planned: "will be deployed", "must leave", "is expected to enter", "are due to"."""
    if any(c.dep_ in ("aux", "auxpass") and c.lower_ in _FUTURE_AUX for c in root.children):
        return True
    if root.lemma_.lower() in _FUTURE_VERBS and any(
            c.dep_ == "xcomp" or c.dep_ == "ccomp" and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
            for c in root.children):
        return True  # (the parser makes "expects Halvar to weaken" a clausal complement with its own subject)
    if root.lemma_.lower() in _PLAN_PASSIVES and any(c.dep_ == "auxpass" for c in root.children):
        return True  # a thing planned for a day, told in the passive: "Final results are expected on Monday"
    if root.lemma_.lower() == "be" and any(c.dep_ == "acomp" and c.lower_ == "due" for c in root.children):
        return True  # "The verdict is due on Friday"
    head = root.head
    return head is not root and head.lemma_.lower() in _FUTURE_VERBS and root.dep_ == "xcomp"


def _predicate(root: "Token") -> tuple[str, bool]:
    """The main verb's lemma (the complement for copulas: "is part" -> "part") and whether it is negated."""
    negated = any(c.dep_ == "neg" for c in root.children) or any(
        c.dep_ == "aux" and any(g.dep_ == "neg" for g in c.children) for c in root.children
    )
    lemma = root.lemma_.lower()
    if lemma == "be":
        for c in root.children:
            if c.dep_ in ("attr", "acomp"):
                return c.lemma_.lower(), negated
    return lemma, negated


def _char_spans(doc: "Doc", token_ids: set[int], start: int, end: int) -> list[tuple[int, int]]:
    """Character spans of runs of consecutive tokens, clipped to [start, end)."""
    spans: list[tuple[int, int]] = []
    for i in sorted(token_ids):
        tok = doc[i]
        s, e = max(tok.idx, start), min(tok.idx + len(tok.text), end)
        if s >= e:
            continue
        if spans and i - 1 in token_ids:
            spans[-1] = (spans[-1][0], e)
        else:
            spans.append((s, e))
    return spans


def _trim(text: str, a: int, b: int, sentence_start: int) -> tuple[int, int]:
    """A clause's span without the separators and the conjunction that join it to the previous one."""
    while a < b and (text[a].isspace() or text[a] in ",;"):
        a += 1
    m = _LEADING_CONJUNCTION.match(text, a, b)
    if m and a != sentence_start:
        a = m.end()
    while b > a and (text[b - 1].isspace() or text[b - 1] in ",;"):
        b -= 1
    return a, b


def _short(text: str, a: int, b: int, sentence_start: int) -> bool:
    """Too short to stand alone as a claim (under four words)."""
    return len(text[slice(*_trim(text, a, b, sentence_start))].split()) < 4


_SUBORDINATE_OPENING = re.compile(
    r"\s*(?:since|because|although|though|if|unless|whereas|while|when|whenever|once|until|before|after|as)\b(?!\s+(?:well|of|to)\b)",
    re.IGNORECASE)


def extract_claims(doc: "Doc", sentences: list[Sentence], *, words: "DocWords | None" = None,
                   text: str | None = None) -> list[Claim]:
    """Claims of one parsed article: one per sentence, or one per independent clause. ``words`` and ``text``
    (the doc's text) spare reading them from the doc again when the caller has them."""
    from newsweave.annotate.pipeline import DocWords

    claims: list[Claim] = []
    if text is None:
        text = doc.text
    if words is None:
        words = DocWords(doc)
    for sent in sentences:
        if sent.kind == "heading" or sent.n_words < 4:
            continue
        if text[sent.start:sent.end].rstrip().endswith("?"):
            continue  # a question asserts nothing: "So who is Dave Brat, and how did he pull off such a win?"
        span = doc.char_span(sent.start, sent.end, alignment_mode="expand")
        if span is None:
            continue
        roots = _clause_roots(span)
        main = span.root
        # The coordinated clauses, in text order. The main verb is not one of them even when it comes last:
        # in "14 were killed and 12,000 were forced from their homes, officials said" it heads the whole
        # sentence, and its piece is the first clause (which states what "said" reports).
        conjuncts = [r for r in roots if r.i != main.i]  # (spaCy makes a new Token per access: compare indices)
        if conjuncts and _participle_opening(span, conjuncts[0]):
            # "Recognizing the jet might be losing ground, British Airways announced ...": the parser makes the
            # opening participle's verb the root and the main clause its conjunct; the opening phrase is no
            # claim of its own
            main, conjuncts = conjuncts[0], conjuncts[1:]
        if conjuncts and main.i - 1 > span.start and doc[main.i - 1].text == "," and any(
                c.dep_ in _SUBJECTS and c.right_edge.i >= main.i - 2
                and not any(t.text == "," and t.i != main.i - 1 for t in c.subtree)
                for c in main.children):
            # "Velin, believed to be hiding in Ostmark, and a top aide were charged ...": a main verb set off
            # from its subject by a comma alone is a participle the parser took for a finite verb; the "and"
            # joins two subjects, not two clauses ("Velin, the mayor, resigned, and ..." has its apposition
            # between them and is cut as before)
            conjuncts = []
        pieces: list[tuple[int, int, "Token"]] = []
        if conjuncts:
            # Cut before each coordinated clause (at its conjunction or comma, which stay with the left part).
            cuts = []
            for r in list(conjuncts):
                left = min(t.i for t in r.subtree)
                edge = left
                # (not past a closing bracket, which ends the clause before: "... 2 degrees Celsius (36 degrees
                # Fahrenheit), and rain is forecast" is not cut into "... (36 degrees Fahrenheit" and "), and rain ...")
                while left - 1 > span.start and doc[left - 1].dep_ in ("cc", "punct") and doc[left - 1].text not in ")]}”":
                    left -= 1
                between_adjectives = (left < edge and doc[edge].tag_.startswith("JJ")
                                      and doc[left - 1].tag_.startswith("JJ") and doc[left].dep_ == "cc")
                if between_adjectives or doc[left].text.lower() == "as" or _inside_quote(text, sent.start, doc[left].idx) or (
                        left == edge and doc[edge].dep_ not in ("cc", "punct")):
                    # no conjunction or comma before the clause: the parse went wrong ("... to sign the harbour
                    # accord Friday and Velian envoys said ...", "... warned all shipping
                    # as gales batter the coast ..."), and a cut there would end a claim on "accord" or "as"; nor
                    # one that joins two adjectives ("after four former and current senators urged ..."), nor at the
                    # last "as" of "eases pain as well as aspirin does"; nor inside a quote ('"We did not want
                    # this, but our members are exhausted," the union chairman said' is one statement of his)
                    conjuncts.remove(r)
                    continue
                cuts.append(doc[left].idx)
            bounds = [sent.start] + cuts + [sent.end]
            if any(a >= b for a, b in zip(bounds, bounds[1:])):
                bounds = []
            # A clause too short to stand alone ("Two bridges collapsed") stays with its neighbour, not lost.
            merged: list[list] = []
            for (a, b), root in zip(zip(bounds, bounds[1:]), [main] + conjuncts):
                if merged and _short(text, merged[-1][0], merged[-1][1], sent.start):
                    merged[-1][1] = b
                else:
                    merged.append([a, b, root])
            if len(merged) >= 2 and _short(text, merged[-1][0], merged[-1][1], sent.start):
                last = merged.pop()
                merged[-1][1] = last[1]
            # A piece that is only a clause opening with a subordinating conjunction ("Since the owners re-opened
            # the agreement | because 57 percent of revenue went to salaries, the figure would have to come
            # down") states nothing alone: it stays with the piece after it (the last one, with the one before).
            # One that goes on past a comma holds its main clause ("Although ..., engineers found cracks").
            # Nor does a piece without a finite verb, which the parse split from its verb ("Velin, believed to
            # be in Ostmark, | and an aide were charged ...").
            k = 0
            while k < len(merged) and len(merged) >= 2:
                a, b = merged[k][0], merged[k][1]
                only_opening = _SUBORDINATE_OPENING.match(text, a) and "," not in text[a:b].rstrip(", ")
                root = merged[k][2]
                # (a last piece that only says who said the rest, "..., airport director Pavel Sorensen told
                # reporters.", is the attribution of the piece before: the parse made its verb a conjunct)
                # ("..., final results showed on Monday": figures and results report too)
                bare_attribution = (k == len(merged) - 1 and (
                    root.lemma_.lower() in _REPORTING and not any(c.dep_ in ("ccomp", "xcomp") for c in root.children)
                    # (a result shows what comes before only with no object of its own: "the design cannot show
                    # cause and effect" states something)
                    or root.lemma_.lower() in _RESULTS_SHOW
                    and not any(c.dep_ in ("ccomp", "xcomp", "dobj", "obj", "attr", "neg") for c in root.children)))
                if bare_attribution or only_opening or not _has_finite_verb(span, a, b):
                    if k + 1 < len(merged):
                        merged[k + 1][0] = merged[k][0]
                    else:
                        merged[k - 1][1] = merged[k][1]
                    merged.pop(k)
                    continue
                k += 1
            pieces = [(*_trim(text, a, b, sent.start), root) for a, b, root in merged]
            if len(pieces) < 2:
                pieces = [(sent.start, sent.end, main)]
        else:
            pieces = [(sent.start, sent.end, main)]
        for a, b, root in pieces:
            verb, attributed = _content_verb(root)
            if root.i != main.i and main.lemma_.lower() in _REPORTING and root.head.dep_ == "ccomp" and root.head.head.i == main.i:
                # a clause coordinated inside what the main verb reports is reported too
                root, verb, attributed = main, root, True
            predicate, negated = _predicate(verb)
            clause_text = text[a:b]
            future = _planned(verb) or _planned(root)
            # the attribution's words do not count as what the claim states (its `attributed` flag keeps it)
            said_by = _attribution(root, verb, attributed, a, b)
            tokens, terms = words.lemmas(a, b, said_by if ATTRIBUTION_TERMS_OUT else ())
            claims.append(Claim(
                article=sent.article, index=len(claims), sentence=sent.index, start=a, end=b, text=clause_text,
                predicate=predicate, negated=negated, modality="planned" if future else "happened", attributed=attributed,
                terms=terms, tokens=tokens, attribution=_char_spans(doc, said_by, a, b),
                verb_at=verb.idx if a <= verb.idx < b else None, finite=_has_finite_verb(span, a, b),
            ))
    return claims


FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})  # Penn tags of a finite verb (also read by pipeline.py)


def _has_finite_verb(span: "Span", start: int, end: int) -> bool:
    """Does [start, end) hold a finite verb, or a verb form with its auxiliary? A photo caption has none
    ("Members of the caravan at the border wall on Sunday.", "Migrants looking south into Mexico on
    April 29."): it labels a picture and states nothing on its own."""
    for t in span:
        if not start <= t.idx < end:
            continue
        if t.tag_ in FINITE_TAGS:
            return True
        if t.tag_ in ("VB", "VBN", "VBG") and any(c.dep_ in ("aux", "auxpass") for c in t.children) and not any(
                c.tag_ == "TO" for c in t.children):
            return True  # (not an infinitive: "believed to be hiding in Ostmark" has no finite verb)
        if (t.tag_ == "VBN" and t.dep_ == "ROOT" and t.lower_ not in _CAPTION_PARTICIPLES
                and any(c.dep_ == "nsubj" for c in t.children)):
            return True  # "The harbour reopened on Monday": a past tense the tagger read as a participle
    return False


# what a photo caption says of the people in the picture ("Members of the fleet pictured at the wall")
_CAPTION_PARTICIPLES = frozenset({"pictured", "seen", "shown", "photographed", "depicted", "captured", "filmed"})
