"""The fast match step of the attribute ruler gives exactly the stock matcher's matches, and so the same
POS, morphology and lemmas."""

from __future__ import annotations

import pytest

from newsweave.annotate.fast_ruler import FastRulerMatch, speed_up_attribute_ruler

TEXTS = [
    "The ministry said on Wednesday that troops had entered the district before dawn.",
    "It is what it is. There are two of them, and I saw it; they told me and you about it.",
    "Y'all ain't seen nothin' yet, he isn't sure whether it's over, but we're here and I'm staying.",
    "Do it now! Did she? He had had enough of that, and those who do have to go. That's that.",
    "Whilst the talks continue, officials won't say if the deal will hold, tho some doubt it.",
    "  \n\n  Leading spaces.\n\nA second paragraph   with  odd   spacing.\t",
    "",
    "UNITED NATIONS (Reuters) -- About 2,000 peacekeepers will arrive by Dec. 1, a spokesman said.",
]


@pytest.fixture(scope="module")
def nlp():
    from newsweave.annotate.nlp import load_nlp

    return load_nlp()


def test_matches_equal_stock_matcher(nlp):
    ruler = nlp.get_pipe("attribute_ruler")
    fast = FastRulerMatch(ruler)
    assert fast.supported
    stock = getattr(ruler, "matcher_match", ruler.match)
    for doc in nlp.pipe(TEXTS, disable=["attribute_ruler", "lemmatizer", "ner"]):
        assert fast(doc) == stock(doc), doc.text


def test_pipeline_annotations_unchanged(nlp):
    import spacy

    from newsweave.annotate.nlp import MODEL_PACKAGES

    stock_nlp = None
    for name in MODEL_PACKAGES:
        try:
            stock_nlp = spacy.load(name)
            break
        except OSError:
            continue
    assert stock_nlp is not None
    # (the two changes load_nlp makes on purpose, to the tokenizer and the sentence starts, on both sides: this
    # test is about the speed-ups, which must change nothing)
    from newsweave.annotate.nlp import keep_title_abbreviations, split_datelines

    keep_title_abbreviations(stock_nlp)
    split_datelines(stock_nlp)
    assert "matcher_match" not in vars(stock_nlp.get_pipe("attribute_ruler"))
    assert "matcher_match" in vars(nlp.get_pipe("attribute_ruler"))  # load_nlp installed the fast step
    for a, b in zip(nlp.pipe(TEXTS), stock_nlp.pipe(TEXTS)):
        assert [(t.pos_, t.tag_, str(t.morph), t.lemma_, t.dep_) for t in a] == \
               [(t.pos_, t.tag_, str(t.morph), t.lemma_, t.dep_) for t in b]


def test_unsupported_patterns_keep_stock_matcher():
    import spacy

    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("attribute_ruler")
    ruler.add([[{"ORTH": "a", "OP": "+"}]], {"LEMMA": "x"})  # an operator: outside the fast step's shape
    assert not speed_up_attribute_ruler(nlp)
    assert "matcher_match" not in vars(ruler)
