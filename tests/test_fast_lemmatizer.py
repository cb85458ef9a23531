"""The memoized lemmatizer gives exactly the stock rule lemmatizer's lemmas."""

from __future__ import annotations

import pytest

from newsweave.annotate.fast_lemmatizer import speed_up_lemmatizer

# Our own sentences: proper nouns, base forms, attribute-ruler lemmas (pronouns, "'s", "n't"), repeated
# words in different parts of speech, numbers, odd spacing and an empty text.
TEXTS = [
    "The ministry said on Wednesday that troops had entered the district before dawn.",
    "Talks are talking points; the leaders' meetings met resistance, and she meets them again.",
    "Y'all ain't seen nothin' yet, he isn't sure whether it's over, but we're here and I'm staying.",
    "Better flooding data: the floods flooded 1,200 homes, better than feared, officials said.",
    "Rivas Ortega's deputies, the Ortegas and the Rivases, were running; he ran, they run.",
    "  \n\n  Leading spaces.\n\nA second paragraph   with  odd   spacing.\t",
    "He saw the saw. The meeting ran long, and they are meeting again; the left bank was left behind.",
    "The wounded lay there for hours. Workers lay bricks, and the hens lay eggs; I found what they found.",
    "",
    "The ministry said on Wednesday that troops had entered the district before dawn.",  # memo hits
]


def _stock_nlp():
    import spacy

    from newsweave.annotate.nlp import MODEL_PACKAGES

    for name in MODEL_PACKAGES:
        try:
            return spacy.load(name)
        except OSError:
            continue
    pytest.fail("no English spaCy model installed")


def test_lemmas_equal_stock_lemmatizer():
    from newsweave.annotate.nlp import load_nlp

    nlp = load_nlp()
    stock = _stock_nlp()
    assert getattr(type(nlp.get_pipe("lemmatizer")), "_newsweave_memoized", False)  # load_nlp installed it
    assert not getattr(type(stock.get_pipe("lemmatizer")), "_newsweave_memoized", False)
    for _ in range(2):  # the second pass reads every lemma from the memo
        for a, b in zip(nlp.pipe(TEXTS), stock.pipe(TEXTS)):
            assert [t.lemma_ for t in a] == [t.lemma_ for t in b], a.text


def test_installing_twice_is_harmless():
    nlp = _stock_nlp()
    assert speed_up_lemmatizer(nlp)
    cls = type(nlp.get_pipe("lemmatizer"))
    assert speed_up_lemmatizer(nlp)
    assert type(nlp.get_pipe("lemmatizer")) is cls
    doc = nlp("The floods flooded the homes.")
    assert [t.lemma_ for t in doc] == ["the", "flood", "flood", "the", "home", "."]


def test_other_configurations_keep_stock_component():
    import spacy

    nlp = spacy.blank("en")
    assert not speed_up_lemmatizer(nlp)  # no lemmatizer at all
    lemmatizer = nlp.add_pipe("lemmatizer", config={"mode": "lookup", "overwrite": False})
    assert not speed_up_lemmatizer(nlp)
    assert not getattr(type(lemmatizer), "_newsweave_memoized", False)


def test_same_word_and_part_of_speech_with_other_morphology():
    """A rule lemma depends on the morphology too: singular "means" is a base form, plural "means" is not."""
    from spacy.tokens import Doc

    nlp = _stock_nlp()
    stock = nlp.get_pipe("lemmatizer")

    def doc():
        return Doc(nlp.vocab, words=["means", "means", "drank", "drank"], pos=["NOUN", "NOUN", "VERB", "VERB"],
                   morphs=["Number=Sing", "Number=Plur", "VerbForm=Inf", "Tense=Past|VerbForm=Fin"])

    expected = [t.lemma_ for t in stock(doc())]
    assert expected[0] != expected[1] and expected[2] != expected[3]  # the case this test is about
    assert speed_up_lemmatizer(nlp)
    assert [t.lemma_ for t in nlp.get_pipe("lemmatizer")(doc())] == expected
