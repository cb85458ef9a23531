"""Quotation and attribution extraction: who said (or thinks, or reported) what, in one document.

``extract_quotes(doc)`` takes a parsed spaCy ``Doc`` and returns :class:`Attribution` records with character
offsets into ``doc.text``. It is rule-based (no model beyond the shared spaCy pipeline) and covers:

* **direct quotes** in straight or curly quotation marks (“ ” ‘ ’ " ' and the ``''`` / ````` ASCII pairs),
  including quotes that run over several sentences or paragraphs (a paragraph left open and the next one
  reopening), split quotes (``"X," he said, "Y."``: one attribution, two ``content_parts``) and bare quote
  sentences that continue the previous speaker's quote;
* **reported speech** from a lexicon of general English reporting, cognition and stance verbs: a clausal
  complement (``X said (that) ...``), an infinitive complement (``X vowed to ...``), a parenthetical
  (``The economy, he said, is strong``) or, for a few verbs, a direct object (``X denied the report``);
* ``according to X, ...`` and nominal cues (``X's claim that ...``, ``a statement saying ...``);
* speakers before or after the cue, in coordination (``X said ... and added ...``), participles
  (``..., saying ...``), relative clauses (``officials who said ...``) and passives (``it was announced by X``);
* stance adjectives and nouns with a prepositional object (``X is critical of Y``, ``X's attacks on Y``), evidence
  (``Polls show ...``), documents and events that speak for their issuer (``X issued a statement saying ...``),
  naming (``called him a liar``, ``what X calls Y``) and Title Case headlines (``Union Slams Port Plan``);
* repairs of common parser slips (a subject hung on a preceding phrase, ``hopes`` lemmatized as ``hop``), and no
  attribution for acts only planned or refused (``declined to comment``), reasons (``criticized him for saying``),
  nominal cues nobody holds (``the notion that ...``) or quotes whose framing verb has no speaker.

The speaker is the span as written; ``speaker_head`` is its head (with name compounds: "Haley Morris") and
``speaker_resolved`` the best in-document name for it: a pronoun or a definite description ("he",
"the minister", "the ministry") goes to the nearest preceding compatible named mention (PERSON for persons,
ORG/GPE/NORP for institutions), a surname to the fuller name used earlier ("Morris" -> "Haley Morris").
Cross-article entity resolution happens elsewhere.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from newsweave.annotate.datelines import dateline_end

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

__all__ = ["Attribution", "extract_quotes", "find_quote_spans", "CUE_VERBS"]


@dataclass(slots=True)
class Attribution:
    kind: str  # "direct" | "indirect" | "according_to" | "mixed"
    content_start: int
    content_end: int
    cue_start: int | None
    cue_end: int | None
    speaker_start: int | None
    speaker_end: int | None
    speaker_head: str | None
    speaker_resolved: str | None = None
    # the content as one or more disjoint ranges (a split quote has two); content_start/end is their extent
    content_parts: list[tuple[int, int]] = field(default_factory=list)
    # what the content is: "clause" (what was said: a that-clause, a parenthetical, a quote), "infinitive"
    # ("vowed to build", "wants to leave"), "object" (the thing talked about or acted on: "denied the report",
    # "sought immunity") or "stance" ("critical of the plan"). Attribution corpora count all four; only a
    # clause, or the infinitive of a verb of saying, is somebody's words.
    form: str = "clause"
    cue_lemma: str | None = None  # the cue verb's (or adjective's, or noun's) lemma, when it has one

    def content(self, text: str) -> str:
        return text[self.content_start : self.content_end]

    def cue(self, text: str) -> str | None:
        return None if self.cue_start is None else text[self.cue_start : self.cue_end]

    def speaker(self, text: str) -> str | None:
        return None if self.speaker_start is None else text[self.speaker_start : self.speaker_end]


# ---------------------------------------------------------------------------------------------- lexicons

# Reporting verbs (speech acts): a that-clause, a quote or a parenthetical makes them a cue.
SPEECH_VERBS = frozenset(
    """
    say tell add announce state confirm deny claim warn insist note write tweet urge ask explain argue
    suggest report declare acknowledge admit reply respond answer recall predict promise pledge vow assert
    contend maintain concede complain allege accuse charge comment remark observe mention stress emphasize
    emphasise reiterate repeat clarify testify swear assure reassure inform advise caution counter retort
    object protest boast brag joke quip lament acknowledge disclose reveal indicate signal hint imply
    estimate forecast project post blog email text message write tell announce proclaim exclaim shout yell
    scream whisper cry recount describe detail outline explain suggest recommend demand order instruct
    threaten offer concur disagree dispute question wonder query challenge dismiss rebut refute deny insist
    conclude find show point caution predict guarantee speculate theorize theorise surmise posit reckon
    grumble mutter murmur snap sneer scoff mock complain counsel plead beg implore urge press call vouch
    attest certify affirm reaffirm avow aver allege specify opine pronounce publish broadcast air air
    confide cite quote summarize summarise continue go_on pointed_out
    """.split()
)

# Cognition and stance verbs: PolNeAR-style attributions of beliefs and intentions ("X believes that ...").
MIND_VERBS = frozenset(
    """
    believe fear hope expect want wish suspect doubt plan intend decide vow hope prefer seek aim refuse
    decline threaten promise pledge acknowledge
    """.split()
)

CUE_VERBS = SPEECH_VERBS | MIND_VERBS

# "... asked not to be named / identified / quoted": the passive of these as an infinitive complement is a
# source's condition of anonymity, never the content of what it said.
_ANONYMITY_VERBS = frozenset({"name", "identify", "quote", "cite"})

# Verbs whose infinitive complement is the attributed content ("vowed to build", "urged voters to vote").
XCOMP_VERBS = frozenset(
    """
    vow promise pledge threaten want plan intend hope expect decide refuse decline urge ask call seek aim
    wish prefer agree offer demand order instruct encourage warn advise tell claim
    """.split()
)

# Verbs whose direct object is the attributed content ("X denied the report", "X praised the plan"):
# communication and stance verbs (PolNeAR-style attributions of positions taken towards something).
OBJECT_VERBS = frozenset(
    """
    announce deny confirm criticize criticise praise endorse support dismiss dispute question predict
    promise pledge demand recommend reveal disclose acknowledge admit describe report cite blame accuse
    defend applaud condemn denounce decry slam blast attack welcome reiterate repeat tweet write post say
    ask want call back mention discuss offer thank congratulate tout mock ridicule challenge express
    prefer favor favour like dislike hate love fear name list recall highlight stress emphasize emphasise
    urge lament regret hail laud commend salute blast lambaste rip knock fault question doubt suggest signal
    float publish air push pitch champion advocate promote recommend veto condemn honor honour warn threaten
    predict forecast project estimate describe characterize characterise label dub brand term deride
    disparage belittle insult smear accuse charge sue answer acknowledge concede insist explain claim want
    seek plan intend expect believe
    """.split()
)

# Verb + preposition pairs whose prepositional object is the content ("called for a recount").
PREP_VERBS = {
    "call": {"for", "on"}, "ask": {"about", "for"}, "talk": {"about", "of"},
    "refer": {"to"}, "focus": {"on"}, "respond": {"to"}, "point": {"to"}, "comment": {"on"},
    "complain": {"about", "of"}, "warn": {"about", "of", "against"}, 
    "argue": {"for", "against"}, "push": {"for"}, "advocate": {"for"}, "campaign": {"for", "against"},
    "rail": {"against"}, "hint": {"at"}, "reflect": {"on"}, "joke": {"about"}, "boast": {"about", "of"},
    "brag": {"about"}, "write": {"about"}, "tweet": {"about"}, "lash": {"at"}, "weigh": {"on"},
    "testify": {"about", "on"},
    "disagree": {"with", "on"}, "side": {"with"}, "object": {"to"},
    "react": {"to"}, "reply": {"to"}, "insist": {"on"}, "elaborate": {"on"}, "dwell": {"on"},
    "rally": {"behind", "around"}, "lobby": {"for", "against"},
    "apologize": {"for"}, "criticize": {"for"}, "blame": {"for"}, "praise": {"for"},
}

# -- hand-written extension (general English, from the linguistics of reporting: Levin's verbs of
# communication, manner of speaking, assessment, judgement and psych verbs; no corpus counts)

# Verbs whose clausal complement is what someone said, thinks, feels or knows.
_MORE_CCOMP = frozenset(
    """
    think feel know realize realise recognize recognise understand learn hear discover sense notice
    assume presume suppose figure guess imagine reckon trust bet wager gamble worry fret regret accept
    agree concur conclude decide determine judge consider calculate deduce infer gather conjecture
    hypothesize hypothesise contend maintain reason insist argue counter rebut retort reply respond answer
    add continue remind notify inform alert warn caution brief assure reassure convince persuade
    tell show prove demonstrate establish verify confirm acknowledge concede grant admit confess
    recount recall remember forget mention note observe remark comment write tweet post text email
    blog announce declare proclaim publicize disclose reveal leak report signal indicate suggest imply
    hint insinuate predict forecast project estimate warn threaten promise pledge vow swear guarantee
    certify attest testify allege charge accuse complain grumble gripe lament bemoan mourn protest object
    shout yell scream holler bellow roar thunder whisper murmur mutter mumble stammer growl snarl bark
    hiss sneer scoff snap quip joke tease laugh chuckle sigh gasp cry plead beg urge demand ask
    wonder question doubt suspect fear hope expect anticipate wish pray dream
    boast brag gush enthuse rave rant rail fume seethe chide scold rebuke admonish berate
    emphasize emphasise stress underscore underline highlight point clarify explain elaborate specify
    summarize summarise conclude surmise speculate theorize theorise posit opine aver avow affirm
    reaffirm reiterate repeat restate assert claim declare profess purport
    """.split()
)

# Verbs whose infinitive complement is an intention, commitment or directive that someone voices.
_MORE_XCOMP = frozenset(
    """
    vow promise pledge threaten swear want wish hope plan intend mean aim seek decide choose opt
    refuse decline agree offer volunteer demand ask urge beg implore plead encourage persuade convince
    order command instruct direct tell warn advise caution forbid invite expect prefer desire resolve
    commit vow claim pretend profess purport propose push press lobby call appeal petition move
    """.split()
)

# Verbs whose direct object is the position or thing talked about.
_MORE_OBJECT = frozenset(
    """
    support oppose back reject embrace welcome criticize criticise attack assail condemn denounce
    decry deplore bemoan lament mourn celebrate cheer applaud hail laud praise commend salute thank
    congratulate blame fault accuse charge sue endorse favor favour propose suggest recommend request
    demand seek order promise guarantee vow pledge predict forecast anticipate fear dread want prefer
    like love hate dislike despise respect admire trust distrust blast slam ridicule mock lampoon scorn
    dismiss downplay minimize minimise emphasize emphasise stress underscore highlight tout trumpet
    promote defend justify explain clarify deny refute rebut contradict dispute question doubt challenge
    concede admit acknowledge confess recognize recognise accept protest rebuke reprimand scold chastise
    berate lambaste lambast excoriate castigate vilify demonize demonise disparage belittle insult smear
    warn threaten urge announce unveil reveal disclose report describe characterize characterise portray
    depict label dub term brand nickname call cite quote mention discuss address note
    """.split()
)

# Verb + preposition pairs whose object is what the speech or attitude is about.
_MORE_PREP = {
    "speak": {"about", "of", "on", "against"}, "talk": {"about", "of"}, "think": {"about", "of"},
    "worry": {"about"}, "complain": {"about", "of"}, "warn": {"of", "about", "against"},
    "boast": {"about", "of"}, "brag": {"about"}, "joke": {"about"}, "comment": {"on"}, "remark": {"on"},
    "reflect": {"on"}, "insist": {"on"}, "vouch": {"for"}, "argue": {"for", "against", "about"},
    "push": {"for"}, "call": {"for", "on"}, "press": {"for"}, "plead": {"for", "with"},
    "appeal": {"for", "to"}, "campaign": {"for", "against", "on"}, "rail": {"against"},
    "lash": {"at"}, "hit": {"at"}, "fire": {"at"}, "criticize": {"for"}, "criticise": {"for"},
    "blame": {"for", "on"}, "praise": {"for"}, "thank": {"for"}, "apologize": {"for"},
    "apologise": {"for"}, "accuse": {"of"}, "agree": {"with", "on", "to"}, "disagree": {"with", "on"},
    "side": {"with"}, "object": {"to"}, "respond": {"to"}, "reply": {"to"}, "react": {"to"},
    "refer": {"to"}, "allude": {"to"}, "point": {"to"}, "testify": {"about", "on", "to"},
    "believe": {"in"}, "hope": {"for"}, "wish": {"for"}, "pray": {"for"}, "ask": {"for", "about"},
    "inquire": {"about"}, "wonder": {"about"}, "dream": {"of", "about"}, "write": {"about", "of"},
    "tweet": {"about"}, "post": {"about"}, "blog": {"about"}, "opine": {"on"}, "weigh": {"in"},
    "elaborate": {"on"}, "expand": {"on"}, "dwell": {"on"}, "harp": {"on"}, "focus": {"on"},
    "lobby": {"for", "against"}, "advocate": {"for"}, "rally": {"behind", "around"},
    "caution": {"against"}, "protest": {"against"}, "fight": {"for", "against"}, "vow": {"to"},
}

# Verbs of accusation and judgement whose source-less passive with "of"/"for" reports an unnamed party's charge
# or verdict ("the firm was accused of fraud", "the agency has been criticized for its delays").
_PASSIVE_REASON_VERBS = frozenset(
    """
    accuse charge suspect blame criticize criticise fault condemn praise credit hail slam blast attack
    denounce applaud commend chastise castigate
    """.split()
)

# Documents through which their issuer speaks ("issued a statement saying ...") and the verbs of issuing them.
_DOC_NOUNS = frozenset(
    """
    statement letter memo memorandum report paper release announcement tweet post message email e-mail note
    video ad advertisement op-ed editorial column essay brief filing motion complaint lawsuit suit petition
    resolution communique declaration proclamation notice order ruling opinion decision bill proposal plan
    """.split()
)
_EVENT_NOUNS = frozenset(
    "conference briefing meeting speech rally interview hearing event address session appearance call debate forum summit gathering ceremony".split()
)
_CARRIER_PREPS = frozenset("in on via through".split())
_ISSUE_VERBS = frozenset(
    """
    issue release send publish post put write sign file deliver tweet air run unveil unleash circulate
    distribute pen draft submit present introduce hand
    """.split()
)

# Evidence that "shows" or "finds" something: a poll, a study, a video ("Polls show a close race").
_EVIDENCE_VERBS = frozenset("show find suggest indicate reveal confirm demonstrate prove document depict put".split())
_EVIDENCE_NOUNS = frozenset(
    """
    poll survey study analysis report review audit data figure number statistic record document file
    research investigation probe inquiry test result finding video footage recording tape photo photograph
    image picture email memo letter transcript average tally estimate projection model chart graph map
    census count index sample
    """.split()
)

# (nouns of mere topic or neutral stance, "support for", "position on", "view of", "response to", held their
# object far less often than a reader would attribute it, and are left out)
# Stance adjectives and nouns whose prepositional object is what the stance is about ("critical of", "attacks on").
_ADJ_PREPS = {
    **{a: {"of"} for a in "critical supportive skeptical sceptical wary aware fond enamored enamoured dismissive contemptuous tired sick afraid fearful suspicious ashamed proud respectful scornful mindful".split()},
    **{a: {"about", "over"} for a in "worried concerned nervous anxious optimistic pessimistic enthusiastic excited passionate upset angry furious mad unhappy happy hopeful confident uncertain unsure coy cautious bullish bearish adamant outspoken vocal defensive".split()},
    **{a: {"to", "toward", "towards"} for a in "opposed sympathetic receptive averse".split()},
    **{a: {"with"} for a in "pleased satisfied unhappy happy disappointed frustrated angry furious upset impressed dissatisfied".split()},
    **{a: {"for"} for a in "grateful thankful eager".split()},
    **{a: {"at"} for a in "angry furious mad upset".split()},
    **{a: {"in"} for a in "disappointed confident interested".split()},
}
for _a, _ps in (("critical", {"of"}), ("upset", {"about", "over", "with", "at"}), ("angry", {"about", "over", "with", "at"})):
    _ADJ_PREPS[_a] = _ADJ_PREPS.get(_a, set()) | _ps
_NOUN_PREPS = {
    "attack": {"on", "against"}, "criticism": {"of", "over", "on"}, "critique": {"of"}, "question": {"about", "over"},
    "concern": {"about", "over"}, "doubt": {"about", "over"}, "worry": {"about", "over"}, "fear": {"of", "about", "over"},
    "opposition": {"to"}, "endorsement": {"of"}, "rejection": {"of"}, "praise": {"for", "of"},
    "defense": {"of"}, "defence": {"of"}, "embrace": {"of"}, "condemnation": {"of"}, "denunciation": {"of"},
    "comment": {"about", "on"}, "remark": {"about", "on"}, "opinion": {"of", "on"}, "complaint": {"about", "over"}, "accusation": {"of", "against"}, "allegation": {"of", "against"},
    "warning": {"about", "of", "against"}, "call": {"for"}, "demand": {"for"}, "plea": {"for"},
    "denial": {"of"}, "swipe": {"at"}, "jab": {"at"}, "dig": {"at"}, "tribute": {"to"}, "apology": {"for"},
    "objection": {"to"}, "enthusiasm": {"for"}, "passion": {"for"},
    "admiration": {"for"}, "contempt": {"for"}, "disdain": {"for"}, "skepticism": {"about", "of"}, "distrust": {"of"},
    "suspicion": {"of"}, "reference": {"to"}, "mention": {"of"}, "assessment": {"of"},
    "characterization": {"of"}, "description": {"of"}, "dismissal": {"of"}, "insistence": {"on"},
}
# Light verbs whose object noun carries the stance ("voiced concerns about", "launched attacks on").
_LIGHT_VERBS = frozenset(
    """
    voice express raise launch offer give have make show signal pledge declare announce reiterate register air
    issue renew level lodge file hurl direct aim repeat share state lend throw
    """.split()
)

# Verbs of naming: "called him a liar", "dubbed the plan a giveaway".
_NAMING_VERBS = frozenset("call label dub brand term name nickname deem pronounce declare".split())

# Verbs whose object is the person addressed ("told me", "assured reporters").
_ADDRESSEE_VERBS = frozenset("tell remind assure reassure inform warn caution advise brief promise".split())

# Stance adjectives with a clausal complement ("X is confident (that) ...", "X was eager to ...").
_MORE_ADJS = frozenset(
    """
    confident sure certain convinced optimistic pessimistic hopeful afraid worried concerned anxious
    fearful aware unaware glad happy pleased delighted proud sorry sad disappointed upset angry furious
    frustrated eager keen willing unwilling reluctant determined ready prepared adamant insistent
    skeptical sceptical doubtful unsure uncertain thankful grateful surprised shocked satisfied
    """.split()
)

# Nouns of speech, thought and stance that take a that-clause ("the claim that ...").
_MORE_NOUNS = frozenset(
    """
    vow threat guarantee declaration proclamation boast complaint criticism rebuke idea notion theory
    thesis position stance assumption conviction sense feeling impression perception recognition
    realization realisation understanding proposal demand request call appeal plea order instruction
    advice recommendation message signal indication suspicion worry doubt expectation finding
    speculation insinuation implication hint confirmation revelation disclosure justification excuse
    reply response answer retort objection protest argument assurance promise pledge
    """.split()
)

# More verbs of stance and speech whose object is the position or words taken up ("echoed the charge",
# "invoked the law", "likened the rules to theft", "disavowed the group").
_MORE_OBJECT2 = frozenset(
    """
    echo invoke compare liken disavow rebuff trash bash savage hammer herald articulate foresee envision
    contemplate mull retweet recite relish chant boo attribute tie link credit rehash parrot applaud
    lambast skewer pan knock assail
    """.split()
)
# Verbs of regarding: a stance only with an "as" phrase or object predicate ("sees the plan as a trap").
_AS_VERBS = frozenset("see view regard deem interpret paint cast peg identify treat consider rate rank count".split())
# Verbs whose object is linked "to"/"with" something ("likened the rules to theft", "tied him to the scandal").
_LINK_VERBS = frozenset("compare liken attribute tie link credit connect equate".split())
LINK_VERBS = _LINK_VERBS  # for the briefing's quote list, where what a linking verb ties together is no one's words
MORE_OBJECT2 = True  # "echoed the charge", "likened X to Y", "disavowed the group": more stance verbs with objects: dev +0.50, train +0.26
AS_VERBS = True  # "sees the plan as a trap", "deemed it a failure": regarding verbs with an "as" phrase: dev +0.26, train +0.14
VOTE_PREP = False  # off: dev -0.01, train +0.07; "voted for the bill", "will vote against him": a vote is a position taken

# No list here is learned from an annotated corpus: every lemma was written by hand from general English
# (PolNeAR, the benchmark, states no licence, so nothing derived from its annotations ships). Evidential
# raising verbs ("seem", "appear") name no source and are no cues.

# Verbs whose clausal complement is the content ("X said (that) ...", "X hopes ...").
CCOMP_VERBS = CUE_VERBS | _MORE_CCOMP
XCOMP_VERBS = XCOMP_VERBS | _MORE_XCOMP
_OBJECT_BASE = OBJECT_VERBS | _MORE_OBJECT
OBJECT_VERBS = _OBJECT_BASE | (_MORE_OBJECT2 if MORE_OBJECT2 else frozenset()) | (_AS_VERBS if AS_VERBS else frozenset())
if VOTE_PREP:
    PREP_VERBS.setdefault("vote", set()).update({"for", "against"})
for _lem, _ps in _MORE_PREP.items():
    PREP_VERBS.setdefault(_lem, set()).update(_ps)
# Adjectives with a clausal complement ("X is confident that ...", "X was eager to ...").
CUE_ADJS = _MORE_ADJS

_NOT_CCOMP: frozenset[str] = frozenset()
# Verbs that take clauses but report no one's speech or thought in news prose.
_NEVER_CUE = frozenset("be have do make let help see mean happen turn go get become seem appear".split())
GENERIC_CCOMP = False  # tried: +0.1 R, -2 P on train

_ALL_CUE_VERBS = CCOMP_VERBS | XCOMP_VERBS | OBJECT_VERBS | frozenset(PREP_VERBS)

# Nouns that report speech or thought and take a that-clause ("the claim that ...", "a statement saying").
CUE_NOUNS = frozenset(
    """
    statement claim assertion remark comment warning promise pledge argument belief suggestion accusation
    allegation announcement insistence denial admission contention view opinion prediction assessment
    conclusion report testimony tweet post message letter email speech interview explanation notion idea
    hope fear concern assurance vow threat charge complaint acknowledgment acknowledgement
    """.split()
)

CUE_NOUNS = CUE_NOUNS | _MORE_NOUNS

# Prepositional objects that belong to the cue ("said in a statement", "told reporters in an interview").
MEDIUM_NOUNS = frozenset(
    """
    statement interview release tweet post letter email e-mail speech conference briefing call message
    remarks appearance op-ed editorial column memo filing report address rally video broadcast
    """.split()
)

# Line labels that introduce no one's words ("Editor's note: ...", "Correction: ...", "Photo: ...").
_COLON_LABELS = frozenset(
    """
    note correction update clarification disclosure disclaimer caption credit photo picture image video
    watch related advertisement tag topic category subject date time location byline contact email phone
    read share see listen editor latest breaking live exclusive
    """.split()
)
# a line that ends by naming who says it: "..., insiders claim.", "..., the ministry said."
_OWN_ATTRIBUTION_AT_END = re.compile(r",\s+(?:[\w'’.-]+\s+){0,5}(?:said|says|say|claims?|claimed|told|added|reported|"
                                     r"insists?|insisted|alleges?|alleged)\b[^,;:\"“”]{0,40}[.!?]?\s*$")
# Common nouns that head a headline source ("Poll: ...", "Study: ...", "Officials: ...").
_COLON_SOURCES = frozenset("poll survey study report analysis sources source officials experts aides".split())

PERSON_PRONOUNS = frozenset({"he", "she", "him", "her"})
GROUP_PRONOUNS = frozenset({"they", "them", "we"})
THING_PRONOUNS = frozenset({"it"})
RELATIVE_PRONOUNS = frozenset({"who", "that", "which", "whom"})

# Heads of definite descriptions of a person ("the minister") vs. of an institution ("the ministry").
PERSON_ROLE_NOUNS = frozenset(
    """
    minister president spokesman spokeswoman spokesperson official officer senator governor mayor candidate
    nominee chairman chairwoman chair director secretary ambassador general commander chief leader lawmaker
    representative congressman congresswoman judge lawyer attorney prosecutor adviser advisor aide manager
    founder executive ceo head king queen prince premier chancellor diplomat envoy negotiator analyst
    expert professor researcher economist witness victim father mother man woman businessman billionaire
    politician strategist pollster candidate speaker sheriff detective actor author writer reporter
    """.split()
)
ORG_NOUNS = frozenset(
    """
    ministry government company firm agency department office campaign committee council party group
    organization organisation administration military army police union bank court commission board
    authority authorities network newspaper paper magazine website outlet team club state country
    embassy coalition alliance foundation institute university school hospital presidency cabinet parliament
    senate regime junta secretariat navy
    """.split()
)

# ---------------------------------------------------------------------------------------- quotation marks

_DOUBLE_OPEN = {"\u201c", "\u201e", "\u00ab"}  # “ „ «
_DOUBLE_CLOSE = {"\u201d", "\u00bb"}  # ” »
_SINGLE_OPEN = "\u2018"  # ‘
_SINGLE_CLOSE = "\u2019"  # ’ (also the apostrophe)
_OPEN_BEFORE = set(" \t\n([{\u2014\u2013-/:;,") | _DOUBLE_OPEN | {'"'}
_PUNCT_AFTER = set(" \t\n.,;:!?)]}\u2014\u2013-\u2026") | _DOUBLE_CLOSE | {'"'}


@dataclass(slots=True)
class Quote:
    start: int  # offset of the opening mark
    end: int  # offset just after the closing mark (or the paragraph end when never closed)
    inner_start: int
    inner_end: int
    double: bool = True


def _double_marks(text: str) -> list[tuple[int, int, str]]:
    """(offset, length, role) for double quotation marks; role is 'open', 'close' or 'para' (newline)."""
    out: list[tuple[int, int, str]] = []
    i, n = 0, len(text)
    while i < n:
        ch = text[i]
        if ch == "\n":
            out.append((i, 1, "para"))
            i += 1
            continue
        two = text[i : i + 2]
        if ch in _DOUBLE_OPEN:
            out.append((i, 1, "open"))
        elif ch in _DOUBLE_CLOSE:
            # a closing mark typed at the start of a paragraph, before a word, opens a quote (a common typo)
            at_para_start = i == 0 or text[i - 1] == "\n"
            nxt = text[i + 1] if i + 1 < n else " "
            out.append((i, 1, "open" if at_para_start and nxt.isalnum() else "close"))
        elif ch == '"' or two in ("''", "``"):
            length = 1 if ch == '"' else 2
            if two == "``":
                out.append((i, 2, "open"))
            else:
                prev = text[i - 1] if i > 0 else " "
                nxt = text[i + length] if i + length < n else " "
                if prev in _OPEN_BEFORE and not nxt.isspace():
                    role = "open"
                elif nxt in _PUNCT_AFTER or nxt.isspace():
                    role = "close"
                elif prev.isspace():
                    role = "open"
                else:
                    role = "ambig"
                out.append((i, length, role))
            i += length
            continue
        i += 1
    return out


def find_quote_spans(text: str) -> list[Quote]:
    """Quoted passages of ``text`` in document order (double quotes, then free-standing single quotes).

    A double quote left open at a paragraph end continues when the next paragraph opens with a quotation
    mark (the news convention for multi-paragraph quotes); otherwise it ends with its paragraph. Apostrophes
    inside or at the end of words never open a quote.
    """
    quotes: list[Quote] = []
    marks = _double_marks(text)
    open_at: int | None = None
    open_len = 0
    continuing = False
    for k, (pos, length, role) in enumerate(marks):
        if role == "para":
            if open_at is None or continuing:
                continue
            # paragraph ends inside a quote: does the next paragraph reopen it?
            j = pos
            while j < len(text) and text[j].isspace():
                j += 1
            if j < len(text) and j > pos and (
                text[j] in _DOUBLE_OPEN or text[j] == '"' or text[j : j + 2] in ("''", "``")
            ):
                continuing = True
            else:
                end = pos
                while end > open_at and text[end - 1].isspace():
                    end -= 1
                quotes.append(Quote(open_at, end, open_at + open_len, end))
                open_at = None
            continue
        if role == "ambig":
            role = "close" if open_at is not None else "open"
        if role == "open":
            if open_at is not None and continuing:
                continuing = False  # the reopening mark of a continued paragraph
                continue
            open_at, open_len = pos, length  # (an unclosed earlier open is dropped)
            continuing = False
        elif role == "close" and open_at is not None:
            quotes.append(Quote(open_at, pos + length, open_at + open_len, pos))
            open_at = None
            continuing = False
    if open_at is not None:
        end = len(text.rstrip())
        if end - open_at > 1:
            quotes.append(Quote(open_at, end, open_at + open_len, end))
    quotes = [q for q in quotes if q.inner_end > q.inner_start]
    quotes.extend(_single_quotes(text, quotes))
    quotes.sort(key=lambda q: q.start)
    return quotes


def _single_quotes(text: str, doubles: list[Quote]) -> list[Quote]:
    """‘…’ and '…' spans outside double quotes; an opener must follow a space/bracket and precede a letter."""
    starts = [q.start for q in doubles]

    def inside_double(i: int) -> bool:
        k = bisect.bisect_right(starts, i) - 1
        return k >= 0 and doubles[k].start <= i < doubles[k].end

    out: list[Quote] = []
    pat = re.compile(r"(?:(?<=^)|(?<=[\s(\[\u2014:]))([\u2018'])(?=[A-Za-z0-9])")
    for m in pat.finditer(text):
        i = m.start(1)
        if inside_double(i) or (out and i < out[-1].end):
            continue
        para_end = text.find("\n", i)
        para_end = len(text) if para_end < 0 else para_end
        closer = _SINGLE_CLOSE if m.group(1) == _SINGLE_OPEN else "'"
        j = i + 1
        while True:
            j = text.find(closer, j, para_end)
            if j < 0:
                break
            nxt = text[j + 1] if j + 1 < len(text) else " "
            if text[j - 1].isalpha() and nxt.isalpha():  # apostrophe inside a word: don't, Armenia's
                j += 1
                continue
            if nxt in _PUNCT_AFTER or nxt.isspace():  # (a plural possessive "voters’ " also closes: ambiguous)
                out.append(Quote(i, j + 1, i + 1, j, double=False))
                break
            j += 1
    return out


# ------------------------------------------------------------------------------------------- extraction


@dataclass
class _Cand:
    kind: str
    parts: list[tuple[int, int]]
    cue: tuple[int, int] | None
    speaker_tok: "Token | None"
    speaker: tuple[int, int] | None
    frame: tuple[int, int] | None  # char extent of speaker+cue material (for quote adjacency)
    order: int = 0
    weak: bool = False
    minor: bool = False  # a nominal/adjectival stance: dropped inside any other attribution's content
    form: str = "clause"  # what the content is: see Attribution.form
    cue_lemma: str | None = None


FREE_QUOTES = False
PASSIVE_NO_AGENT = False  # tried: -0.1 F1 on dev (more source-less false positives than hits)
NESTED = True
# rules of this round (dev speaker-attribution F1 gain when added, in order)
SAME_PARA_QUOTE = False  # a quote closing the previous paragraph may be framed by this one: off, +0.28
CLIP_PARA = True  # reported (clausal) content stays in the cue's paragraph: +0.07
SAME_LINE_SUBJ = True  # of two subjects, the one on the verb's line: +0.16
COLON_PARA = True  # "X said:" ending a paragraph frames the quote that opens the next: +0.06
LINE_ANCHOR = True  # a subject run in from a headline is cut to the verb's line: +0.10
OBJ_REASON = True  # "blamed him for ...", "described it as ...": object + for/of/as phrase: +0.34
# rules of the next round (dev gain when added; "The Latest:" as a colon line label: +0.02)
THAT_RELCL = True  # "told the meeting that ...": a that-clause parsed as the object's relative clause: +0.03 (train +0.00)
PAREN_SEG = True  # "The plan, as X pointed out, ...", "These employees, X explained, were ...": +0.11 (train +0.03)
FRAMED_NAME = False  # '"...," Police Chief Ann Lee said' (a name run left without a subject link): off, +0.04 dev, -0.01 train
NOUN_VERB_SLIP = True  # "Trump claims that ..." tagged as a noun compound: the name is the speaker: +0.10 (train 0)
PASSIVE_REASON = True  # source-less "X was accused of Y", "X has been blamed for Y": +0.16 (train +0.03)
COLON_NEXT = True  # "X added:" closing a paragraph: the next (unquoted) paragraph is what X said: +0.06 (train +0.03)
# rules of round 4 (dev / train speaker-attribution F1 lost when the rule alone is switched off; dev 75.31, train 71.47
# with all on; MORE_OBJECT2 and AS_VERBS: gain when added)
SLIP_SUBJ = True  # a finite cue verb left without a subject: the noun phrase right before it ("In a talk with the board Lee said"): dev +0.18, train +0.08
NAMING = True  # "called him a liar", "called Lee a fraud" parsed as two predicates: the naming is the content: dev +0.02, train +0.11
PAREN_ADDRESSEE = True  # "The plan, he told me, is ...": an addressee object does not stop a comma-set frame: dev +0.03, train +0.02
INF_CUE = True  # "declined to comment", "plans to sue": a to-infinitive cue under a cue verb or a noun is no attribution: dev +0.37, train +0.39
REDUCED_RELATIVE = True  # ", a move critics say will ...": the appositive is not part of the speaker, the clause before the comma is not the content
PARTICIPLE_MOD = False  # off: dev +0.03, train -0.01; "a bill focused on jobs": a passive participle modifying a noun is no attribution
NOUN_HOLDER = True  # a nominal cue ("the claim that ...") needs a holder: a possessor, a by-phrase or a light verb's subject: dev +0.03, train +0.09
DEMONSTRATIVE_SPEAKER = True  # "That means ...", "This shows ...": no speaker, no attribution: dev +0.00, train +0.05
QUOTE_SPEAKER = True  # a quote framed by a cue verb but left without a speaker is dropped: dev +0.12, train +0.16
GERUND_COMP = True  # "reported raising $9 million", "denied having met him": a gerund complement is the content: dev +0.06, train +0.10
PROFORM = True  # "half said so", "most said yes", "she said the same": the pro-form is the content: dev +0.00, train +0.09
ONE_QUOTE_ONE_FRAME = True  # a quote framed by "said" is not framed again by a participle hung on "said": dev +0.05, train +0.05
ACCORDING_OUTER = True  # "Lee said X, according to the Times": "according to" attributes the whole report: dev +0.00, train +0.04
GERUND_REASON = True  # "criticized him for suggesting ...": a gerund after "for"/"from" is no attribution of its own: dev +0.10, train +0.07
INF_CONJ = True  # ... and the base-form verb coordinated with such an infinitive ("vowed to repeal and replace it"): dev +0.01, train +0.02
NO_TIME_CONTENT = False  # off: dev -0.03, train +0.04; "spoke on Thursday": a date or time is never the content
MUTUAL_PAREN = True  # "He hoped, he said, that ...": the comma-set "he said" holds the sentence: dev +0.01, train +0.03
TITLE_LINE = True  # "Harbour Union Slams Port Plan": a Title Case headline's verb, subject and object: dev +0.06, train +0.07
COLON_SUBJ = True  # "The Latest: Trump urges ...": of two subjects, not the label before a colon: dev +0.05, train +0.03
EMBEDDED_Q = False  # off: dev -0.01, train +0.03; "whether she believes ...", "how voters feel ...": a cue inside an embedded question asserts nothing
ADJ_PREP = True  # "X is critical of Y", "X was worried about Y": a stance adjective's prepositional object: dev +0.08, train +0.22
NOUN_PREP = True  # "X's attacks on Y", "X voiced concerns about Y": a stance noun's object, with a possessor or light verb: dev +0.00, train +0.18
EVIDENCE = True  # "Polls show a close race": a poll, study or video as the source of what it shows: dev +0.18, train +0.18
EVENT_HOST = True  # "she spoke at a news conference announcing ...": the speaker at the event, not the event: dev +0.05, train +0.02
DOC_ISSUER = True  # "X issued a statement saying ...": X is the speaker, not the statement: dev +0.30, train +0.16
FREE_REL = True  # "what X calls Y": X's content is Y; "denounced what X calls Y": the free relative is the object: dev +0.02, train +0.06
PAREN_NO_PP = True  # "Lee, at a later briefing, said ...": a prepositional phrase between commas is no speaker: dev +0.05, train +0.03
_TRIM_PUNCT = set(".,;:!?\u2014\u2013-") | set(" \t\n")


def _trim(text: str, a: int, b: int, keep_close_quote: bool = True) -> tuple[int, int]:
    while a < b and (text[a].isspace() or text[a] in ",;:\u2014\u2013-"):
        a += 1
    while b > a and (text[b - 1] in _TRIM_PUNCT):
        b -= 1
    # 'called the walkout "irresponsible" and ...': the parser hangs the closing mark on the verb, so a span
    # that opens a quote ends just before it; the mark belongs to the span
    if keep_close_quote and b < len(text) and (
            text[b] == '"' and text.count('"', a, b) % 2 == 1 or text[b] == "”" and text.count("“", a, b) > text.count("”", a, b)):
        b += 1
    return a, b


def _tok_span(toks: "list[Token]") -> tuple[int, int]:
    return toks[0].idx, toks[-1].idx + len(toks[-1].text)


def _subtree_span(tok: "Token", exclude: "set[int] | None" = None) -> tuple[int, int]:
    lo, hi = tok.left_edge.i, tok.right_edge.i
    doc = tok.doc
    toks = [t for t in doc[lo : hi + 1] if not exclude or t.i not in exclude]
    if not toks:
        return tok.idx, tok.idx + len(tok.text)
    return _tok_span(toks)


def _subtree_parts(text: str, tok: "Token", exclude: set[int]) -> list[tuple[int, int]]:
    """The subtree of ``tok`` as trimmed character ranges, split where excluded tokens interrupt it."""
    doc = tok.doc
    runs: list[list["Token"]] = [[]]
    for t in doc[tok.left_edge.i : tok.right_edge.i + 1]:
        if t.i in exclude:
            if runs[-1]:
                runs.append([])
            continue
        runs[-1].append(t)
    out = []
    for run in runs:
        if run:
            a, b = _trim(text, *_tok_span(run))
            if b > a and any(ch.isalnum() for ch in text[a:b]):
                out.append((a, b))
    return out


def colon_token(doc: "Doc", char: int) -> int:
    """The index of the token at character ``char`` (a colon), or of the last token before it."""
    span = doc.char_span(char, char + 1, alignment_mode="expand")
    return span.start if span is not None else len(doc)


def _lemma(t: "Token") -> str:
    lemma = t.lemma_.lower()
    if LEMMA_FIX and lemma in _LEMMA_SLIPS and t.lower_.startswith(_LEMMA_SLIPS[lemma][0]):
        return _LEMMA_SLIPS[lemma][1]  # "hopes" lemmatized as "hop"
    return lemma


# Lemmatizer slips of the small English model on common cue words: lemma -> (word prefix, right lemma).
_LEMMA_SLIPS = {"hop": ("hope", "hope"), "hoping": ("hoping", "hope")}
LEMMA_FIX = True  # "hopes"/"hoped" lemmatized as "hop": read as "hope": dev +0.06, train +0.12


class _Extractor:
    def __init__(self, doc: "Doc"):
        self.doc = doc
        self.text = doc.text
        self.quotes = find_quote_spans(self.text)
        self.qstarts = [q.start for q in self.quotes]
        self.cands: list[_Cand] = []
        self._ents: "list[Span] | None" = None

    # -- quote lookup
    def quote_at(self, char: int) -> Quote | None:
        k = bisect.bisect_right(self.qstarts, char) - 1
        while k >= 0:
            q = self.quotes[k]
            if q.start <= char < q.end:
                return q
            if q.double:
                break
            k -= 1
        return None

    def in_quote(self, tok: "Token") -> bool:
        q = self.quote_at(tok.idx)
        return q is not None and q.inner_start <= tok.idx < q.inner_end

    # -- speaker
    def subject_of(self, verb: "Token", depth: int = 0) -> "Token | None":
        if depth > 4:
            return None
        subjs = [c for c in verb.children if c.dep_ in ("nsubj", "csubj")]
        # '"..., it will," said X': a subject the parser took from inside the quote is not the speaker
        subj = next((c for c in subjs if not self.in_quote(c)), subjs[0] if subjs else None)
        if SAME_LINE_SUBJ and len(subjs) > 1 and subj is not None and "\n" in self.text[min(subj.idx, verb.idx) : max(subj.idx, verb.idx)]:
            # the parser ran a headline or dateline into the sentence: the subject on the verb's own line
            subj = next((c for c in subjs if not self.in_quote(c) and "\n" not in self.text[min(c.idx, verb.idx) : max(c.idx, verb.idx)]), subj)
        if COLON_SUBJ and len(subjs) > 1 and subj is not None and subj.i < verb.i and any(x.text == ":" for x in self.doc[subj.i : verb.i]):
            # "The Latest: Trump urges ...": a line label before a colon is not the verb's subject
            subj = next((c for c in subjs if not self.in_quote(c) and not any(x.text == ":" for x in self.doc[min(c.i, verb.i) : max(c.i, verb.i)])), subj)
        if subj is not None and len(subjs) > 1 and _lemma(subj) in RELATIVE_PRONOUNS:
            # ", a step that aid groups warned could cut off food": two subjects, "that" and "groups"; the
            # relative pronoun is the reported clause's gapped subject, the noun the one who warned
            subj = next((c for c in subjs if c.i > subj.i and c.pos_ in ("NOUN", "PROPN", "PRON")
                         and _lemma(c) not in RELATIVE_PRONOUNS and not self.in_quote(c)), subj)
        if subj is not None and len(subjs) > 1 and subj.pos_ == "NOUN":
            # "The opposition Civic Alliance said ...": the parser made the descriptor and the name two subjects;
            # the name right after the descriptor is who spoke
            subj = next((c for c in subjs if c.pos_ == "PROPN" and c.left_edge.i == subj.i + 1
                         and not self.in_quote(c)), subj)
        if subj is None:
            for c in verb.children:
                if c.dep_ == "agent":
                    for g in c.children:
                        if g.dep_ == "pobj":
                            return g
        if subj is not None and LINE_ANCHOR and subj.i < verb.i and "\n" in self.text[subj.idx : verb.idx]:
            # a headline or dateline run into the sentence ("The Latest: ...\n\nDonald Trump is ..."): the
            # subject is the part of its subtree on the verb's own line
            line_start = self.text.rfind("\n", 0, verb.idx) + 1
            on_line = [x for x in subj.subtree if line_start <= x.idx < verb.idx and x.pos_ in ("NOUN", "PROPN", "PRON")]
            if on_line:
                subj = min(on_line, key=lambda x: (len(list(x.ancestors)), x.i))
        if subj is not None:
            if _lemma(subj) in RELATIVE_PRONOUNS and verb.dep_ == "relcl":
                head = verb.head
                if subj.lower_ in ("who", "whom") and head.ent_type_ in ("GPE", "LOC", "FAC") and head.dep_ == "pobj" \
                        and head.head.dep_ == "prep" and head.head.head.pos_ in ("NOUN", "PROPN"):
                    # "who" is people, not the place the parser hung it on: "experts in Velia, who say ..." are
                    # the experts
                    return head.head.head
                return head
            if verb.dep_ == "relcl" and verb.head.pos_ in ("NOUN", "PROPN") and any(
                    c.lower_ == "whose" for c in subj.children):
                # "the Velian cabinet, whose ministers warned of ...": what the antecedent's people said
                return verb.head
            return subj
        after_quote = verb.i > 0 and self.doc[verb.i - 1].text in ('"', "\u201d", "''")
        for c in verb.children if after_quote else ():
            n = next((g for g in c.children if g.dep_ == "nsubj"), None) if c.dep_ == "ccomp" and c.i > verb.i else None
            if n is not None and n.pos_ == "PROPN" and n.left_edge.i == verb.i + 1 and not self.in_quote(n):
                # '"...," said Marta Kovic, whose son was among those missing': the parser made the speaker the
                # subject of the relative clause's verb; the name right after the verb is who said it
                return n
        if any(c.dep_ == "nsubjpass" for c in verb.children):
            return None
        head = verb.head
        if head is verb:
            return None
        if verb.dep_ == "conj" and head.pos_ in ("VERB", "AUX"):
            host = self._speaker_clause_of(head)
            return self.subject_of(host if host is not None else head, depth + 1)
        if verb.dep_ in ("advcl", "xcomp") and verb.tag_ == "VBG" and head.pos_ in ("VERB", "AUX"):
            return self.subject_of(head, depth + 1)
        if verb.dep_ == "xcomp" and head.pos_ in ("VERB", "AUX"):
            return self.subject_of(head, depth + 1)
        if verb.dep_ == "pcomp" and verb.tag_ == "VBG" and head.pos_ == "ADP" and head.head.pos_ in ("VERB", "AUX") and head.head is not head:
            # "He pitched himself by telling them ...", "After saying ..., she was taken to ...": the subject
            # of the clause the preposition modifies (a passive subject too)
            host = head.head
            found = self.subject_of(host, depth + 1)
            if found is None:
                found = next((c for c in host.children if c.dep_ == "nsubjpass"), None)
            return found
        if verb.dep_ in ("relcl", "acl") and head.pos_ in ("NOUN", "PROPN", "PRON"):
            return head
        return None

    def _speaker_clause_of(self, relcl: "Token") -> "Token | None":
        """The clause a verb of saying belongs with when the parser coordinated it into a relative clause about a thing
        that cannot speak: 'He called the disclosure of the program that allows ... "reprehensible" and said ...' is
        his saying, not the program's. (A person, a body, or a plural that may be people, may say it in such a
        clause: "the ministry, which banned the march and said ...", "the workers that struck and said ...".)"""
        if relcl.dep_ != "relcl":
            return None
        noun = relcl.head
        pronoun = next((c for c in relcl.children if c.dep_ in ("nsubj", "nsubjpass") and _lemma(c) in ("that", "which")),
                       None)
        if (pronoun is None or noun.pos_ != "NOUN" or noun.tag_ != "NN" or noun.ent_type_
                or _lemma(noun) in PERSON_ROLE_NOUNS or _lemma(noun) in ORG_NOUNS or _lemma(noun) in _SPEAKING_THINGS):
            return None
        for a in noun.ancestors:
            if a.pos_ in ("VERB", "AUX") and a.dep_ not in ("relcl", "acl"):
                return a
        return None

    def appositive_before(self, subj: "Token", verb: "Token") -> "range | None":
        """The token indices of an appositive noun that the parser ran into the verb's plural subject: in
        ", a decision shop owners say will ...", "a" cannot go with "owners", so "a decision" is the
        appositive (what the owners speak of) and "shop owners" the speaker."""
        if subj.i > verb.i or subj.tag_ not in ("NNS", "NNPS"):
            return None
        det = next((c for c in subj.children if c.dep_ == "det" and c.lower_ in ("a", "an")), None)
        if det is None or det.i == 0 or self.doc[det.i - 1].text not in (",", "\u2014", "\u2013", "-"):
            return None
        noun = next((x for x in self.doc[det.i + 1 : subj.i] if x.tag_ in ("NN", "NNP")), None)
        if noun is None or any(x.dep_ == "punct" for x in self.doc[det.i : subj.i]):
            return None
        return range(det.i, noun.i + 1)

    def speaker_span(self, subj: "Token", avoid: set[int]) -> tuple[int, int]:
        # a relative clause set off by a comma is an aside about the speaker, not its name: "The government,
        # which passed the law in March 2025 after weeks of demonstrations, said ..." is the government
        # (unless the clause holds the cue itself: "Donald Trump, who says he ..." is attributed by it)
        # (so is a participle's clause: "The report, published on Friday, said ..." is the report)
        # (and "whose son Danil, 23," parsed as an apposition: "Marta Kovic, whose son ...")
        aside = {t.i for c in subj.children
                 if (c.dep_ in ("relcl", "acl") or c.dep_ == "appos" and c.left_edge.lower_ == "whose")
                 and c.left_edge.i > 0
                 and self.doc[c.left_edge.i - 1].text == "," and not any(x.i in avoid for x in c.subtree)
                 for t in c.subtree}
        toks = [t for t in subj.subtree if t.i not in avoid and t.i not in aside]
        # keep the contiguous run around the subject token
        idx = {t.i for t in toks}
        lo = hi = subj.i
        while lo - 1 in idx:
            lo -= 1
        while hi + 1 in idx:
            hi += 1
        run = [t for t in self.doc[lo : hi + 1] if not self.in_quote(t) or t.i == subj.i]
        while len(run) > 1 and (run[-1].is_punct or run[-1].dep_ in ("cc", "case") and run[-1].i != subj.i):
            run.pop()
        while len(run) > 1 and run[0].is_punct:
            run.pop(0)
        if not run:
            return subj.idx, subj.idx + len(subj.text)
        a, b = _tok_span(run)
        # never across a line break (datelines, timestamps, headlines above the sentence)
        nl = self.text.rfind("\n", a, subj.idx)
        if nl >= 0:
            a = nl + 1
        nl = self.text.find("\n", subj.idx, b)
        if nl >= 0:
            b = nl
        return _trim(self.text, a, b)

    # -- frame (speaker + cue + non-content dependents) extent
    def frame_of(self, cue: "Token", subj: "Token | None", content_heads: "list[Token]") -> tuple[int, int]:
        skip = {h.i for h in content_heads}
        toks = [cue]
        for c in cue.children:
            if c.i in skip or c.dep_ in ("ccomp", "xcomp", "conj", "advcl", "parataxis", "cc", "punct"):
                continue
            if self.in_quote(c):
                continue
            toks.extend(t for t in c.subtree if not self.in_quote(t))
        if subj is not None and subj.i not in {t.i for t in toks}:
            toks.extend(t for t in subj.subtree if not self.in_quote(t) and not (t.i > cue.i and t.dep_ == "relcl"))
        toks = [t for t in toks if t.i not in skip]
        lo = min(t.idx for t in toks)
        hi = max(t.idx + len(t.text) for t in toks)
        return lo, hi

    def adjacent_quotes(self, frame: tuple[int, int], sent: "Span") -> list[Quote]:
        lo, hi = frame
        text = self.text
        found = []
        k = bisect.bisect_left(self.qstarts, lo) - 1
        # quote ending right before the frame
        for q in self.quotes[max(0, k - 2) : k + 1]:
            if q.end <= lo and re.fullmatch(r"[\s,;:\u2014\u2013-]*", text[q.end : lo]) and q.inner_end - q.inner_start > 1 and (SAME_PARA_QUOTE or "\n" not in text[q.end : lo]):
                found.append(q)
        k2 = bisect.bisect_left(self.qstarts, hi)
        for q in self.quotes[k2 : k2 + 2]:
            gap = text[hi : q.start]
            if q.start >= hi and re.fullmatch(r"[\s,;:\u2014\u2013-]*", gap) and ("\n" not in gap or COLON_PARA and re.fullmatch(r"[ \t]*:[ \t]*\n\s*", gap)):
                found.append(q)
                break
        return found

    # -- candidates
    def add_verb_cues(self) -> None:
        for t in self.doc:
            if t.pos_ != "VERB" or t.dep_ in ("amod", "compound", "nmod"):
                continue
            lemma = _lemma(t)
            generic = False
            if lemma not in _ALL_CUE_VERBS:
                # any other verb with a subject and a clausal complement ("X figures (that) ...")
                if not (GENERIC_CCOMP and lemma not in _NOT_CCOMP and lemma not in _NEVER_CUE
                        and any(c.dep_ == "ccomp" for c in t.children)
                        and any(c.dep_ in ("nsubj",) and c.pos_ in ("PRON", "PROPN", "NOUN") for c in t.children)):
                    continue
                generic = True
            if self.in_quote(t):
                continue
            if INF_CUE and self.planned_act(t):
                # "declined to comment", "plans to sue", "in order to show": a speech act only intended, refused or
                # planned; the governing verb (if a cue) is the attribution and this one part of its content
                continue
            if EMBEDDED_Q and any(c.i < t.i and (c.dep_ == "mark" and c.lower_ == "whether" or c.dep_ == "advmod" and c.lower_ == "how") for c in t.children):
                continue  # "asked whether she thinks ...", "how voters feel about ...": a question, nothing asserted
            if GERUND_REASON and t.tag_ == "VBG" and t.dep_ == "pcomp" and t.head.lower_ in ("for", "from"):
                continue  # "rebuked him for suggesting ...", "barred her from publishing ...": the reason of another's act
            if PARTICIPLE_MOD and t.tag_ == "VBN" and t.dep_ == "acl" and not _appended_frame(t):
                continue  # "a bill focused on jobs", "a resolution meant to ...": a passive participle modifying a noun
            if _COMPARED_BEFORE.search(self.text, max(0, t.idx - 30), t.idx):
                continue  # "a day later than first announced", "as previously reported": a comparison, no attribution
            self.from_cue_verb(t, lemma, generic)

    def from_cue_verb(self, t: "Token", lemma: str, generic: bool = False) -> None:
        text = self.text
        if any(c.dep_ == "mark" and c.lower_ == "than" and c.i < t.i for c in t.children):
            return  # a comparison, not an attribution: "far more than the government's figures admit"
        heads = [c for c in t.children if c.dep_ == "ccomp"] if generic or lemma in CCOMP_VERBS else []
        # "The union wants a 9% rise; the airline has offered 4.5%.": a clause before a semicolon is a
        # statement of its own, which the parser hung on the next clause's verb, not that verb's content
        heads = [c for c in heads if not (c.i < t.i and any(x.text == ";" for x in t.doc[c.right_edge.i + 1:t.i]))]
        # ... nor a noun the parser took for a clause's verb right after a preposition: "wrote his name into Rovers
        # folklore" (no that-clause starts with "into")
        heads = [c for c in heads if not (c.i > t.i and c.left_edge.i > 0 and t.doc[c.left_edge.i - 1].dep_ == "prep"
                                          and t.doc[c.left_edge.i - 1].head.i == t.i)]
        if not heads and lemma in SPEECH_VERBS:
            # "X said after the meeting he would ...": a finite clause the parser took for an adverbial
            heads = [
                c for c in t.children
                if c.dep_ == "advcl" and c.i > t.i and c.tag_ in ("VBD", "VBZ", "VBP", "VB", "MD")
                and any(g.dep_ in ("nsubj", "nsubjpass") for g in c.children)
                and not any(g.dep_ in ("mark", "advmod") and g.i < c.i and g.lower_ != "that" for g in c.children)
            ]
        if not heads and THAT_RELCL and lemma in CCOMP_VERBS:
            # "he told a meeting of leaders that few people understood ...": the parser took the that-clause
            # for a relative clause of the object (a real relative "that" is its clause's subject or object)
            for o in (c for c in t.children if c.dep_ in ("dobj", "dative")):
                rel = [r for r in o.subtree if r.dep_ == "relcl" and r.i > o.i and any(g.dep_ == "mark" and g.lower_ == "that" and g.i < r.i for g in r.children) and any(g.dep_ in ("nsubj", "nsubjpass") for g in r.children)]
                if rel:
                    heads = rel[:1]
                    break
        if not heads and GERUND_COMP and lemma in SPEECH_VERBS | MIND_VERBS:
            # "reported raising $9 million", "denied having met him", "recalled seeing the crash"
            # (not one after an object, which it tells more of: "declared three days of mourning starting on
            # Wednesday")
            heads = [c for c in t.children if c.dep_ in ("xcomp", "ccomp") and c.tag_ == "VBG" and c.i > t.i
                     and not any(g.dep_ == "aux" and g.lower_ == "to" for g in c.children)
                     and not any(g.dep_ in ("dobj", "dative") and t.i < g.i < c.i for g in t.children)]
        kind = "indirect"
        weak = False  # content from an object or infinitive: only kept with a speaker
        form = "clause"
        if not heads and lemma in XCOMP_VERBS:
            # "asked not to be named": a condition of anonymity, not something the source said
            heads = [c for c in t.children if c.dep_ == "xcomp" and not (
                c.lemma_.lower() in _ANONYMITY_VERBS and any(g.dep_ == "auxpass" for g in c.children))]
            weak = bool(heads)
            form = "infinitive"
        parts: list[tuple[int, int]] = []
        subj = self.subject_of(t)
        if subj is not None and subj.head.i > t.i and subj.left_edge.i == t.i + 1 and subj.dep_ == "nsubj" \
                and subj.head.dep_ == "ccomp" and subj.head.head.i == t.i:
            # '"...," said Marta Kovic, whose son was among those missing': the clause the parser hung the speaker on
            # is no content (see subject_of)
            heads = [h for h in heads if h.i != subj.head.i]
        # ", a move immigrant advocates said would hurt families": the parser read the appositive ("a move")
        # and the speaker of the reduced relative clause as one noun phrase, and the clause before the comma
        # as what was said
        appositive = self.appositive_before(subj, t) if REDUCED_RELATIVE and subj is not None else None
        if appositive is not None:
            heads = [h for h in heads if h.i > t.i]
        if SLIP_SUBJ and subj is not None and t.dep_ == "conj" and self.in_quote(subj) and not self.in_quote(t):
            subj = None  # '"We will win," Chief Lee said' with "said" hung on the quote's verb: not the quote's "We"
        slip_run = None
        if subj is None and SLIP_SUBJ:
            subj = self.slip_subject(t)
            if subj is not None:
                slip_run = self.name_run(subj, t)
        if DOC_ISSUER and subj is not None:
            subj = self.issuer_of(t, subj)
        avoid = {t.i}
        if subj is not None:
            avoid |= {x.i for x in subj.subtree}
            if t in subj.subtree:  # a relative clause's antecedent holds the cue: "an architect who said ..."
                avoid -= {x.i for x in t.subtree} - {t.i}
        for h in heads:
            parts.extend(_subtree_parts(text, h, avoid))
        if len(parts) > 1 and text[parts[0][0]:parts[0][1]].lower() in RELATIVE_PRONOUNS:
            # "the agreement, which critics say does little for farmers": the relative pronoun before the
            # speaker stands for the antecedent; what the critics say is "does little for farmers"
            parts = parts[1:]
        if not parts and PROFORM and lemma in SPEECH_VERBS:
            # "half said so", "46 percent said yes", "Kim said the same", "Lee said as much": a pro-form answer
            pro = [c for c in t.children if c.i > t.i and (c.lower_ in ("so", "yes", "no", "otherwise") and c.dep_ in ("advmod", "dobj", "intj", "ccomp", "attr", "npadvmod")
                   or c.dep_ == "dobj" and c.lower_ in ("same", "much") and c.i - t.i <= 3)]
            if pro and pro[0].i - t.i <= 3 and not (pro[0].lower_ == "so" and pro[0].i + 1 < len(self.doc) and self.doc[pro[0].i + 1].pos_ in ("ADJ", "ADV")):
                parts.append(_trim(text, *_subtree_span(pro[0])))
                heads = pro[:1]
                weak = True
                form = "object"
        paren_spk = None
        if PAREN_SEG and lemma in SPEECH_VERBS and (
            not parts or subj is not None and subj.i < t.i and any(x.text == "," for x in self.doc[subj.right_edge.i + 1 : t.i])
        ):
            seg = self.paren_segment(t)
            if seg is not None:
                parts, heads, paren_spk = seg
                form = "clause"
        if (
            not parts
            and t.dep_ == "parataxis"
            and lemma in CCOMP_VERBS
            and t.head.pos_ in ("VERB", "AUX")
            and t.head.i != t.i
            and "\n" not in text[min(t.head.idx, t.idx) : max(t.head.idx, t.idx)]
        ):
            # "The economy, he said, is strong." -> content is the host clause without the parenthetical
            host = t.head
            inner = {x.i for x in t.subtree}
            toks = [x for x in host.subtree if x.i not in inner]
            if toks:
                # split at the parenthetical
                before = [x for x in toks if x.i < t.left_edge.i]
                after = [x for x in toks if x.i > t.right_edge.i]
                for grp in (before, after):
                    if grp:
                        a, b = _tok_span(grp)
                        a, b = _trim(text, a, b)
                        if b > a:
                            parts.append((a, b))
                heads = [host]
                form = "clause"
        if not parts and EVIDENCE and lemma in _EVIDENCE_VERBS and subj is not None and _lemma(subj) in _EVIDENCE_NOUNS:
            # "Polls show a close race", "The video shows him with his hands raised": what the evidence shows
            rest = [c for c in t.children if c.i > t.i and c.dep_ in ("dobj", "ccomp", "xcomp", "oprd", "dative", "prep", "acomp") and not self.in_quote(c)]
            if rest and rest[0].dep_ in ("dobj", "ccomp", "dative"):
                a = rest[0].left_edge.idx
                b = _subtree_span(rest[-1], exclude=avoid)[1]
                a, b = _trim(text, a, b)
                if b - a > 2 and "\n" not in text[a:b]:
                    parts.append((a, b))
                    heads = rest
                    form = "clause" if rest[0].dep_ == "ccomp" else "object"
        if not parts and lemma in OBJECT_VERBS:
            objs = [c for c in t.children if c.dep_ in ("dobj",)]
            if FREE_REL and not objs:
                # "denounced what it calls a smear": a free relative the parser took for a clausal complement
                objs = [c for c in t.children if c.dep_ == "ccomp" and c.i > t.i and c.left_edge.lower_ in ("what", "whatever")
                        and any(g.lower_ in ("what", "whatever") and g.dep_ in ("dobj", "nsubj") for g in c.children)][:1]
            # "blamed him for the loss", "accused them of lying", "described it as a failure"
            reason_preps = ("for", "of", "as") + (("to", "with") if lemma in _LINK_VERBS else ())
            reason = [c for c in t.children if OBJ_REASON and objs and c.dep_ == "prep" and c.lower_ in reason_preps and c.i == objs[0].right_edge.i + 1]
            if AS_VERBS and lemma in _AS_VERBS and lemma not in _OBJECT_BASE and not (reason and reason[0].lower_ in ("as", "to") or any(c.dep_ == "oprd" for c in t.children)):
                objs = []  # "sees the plan as a trap", "views him as a threat": only with the "as" phrase
            oprds = [c for c in t.children if c.dep_ == "oprd" and c.i > t.i]
            if NAMING and lemma in _NAMING_VERBS and oprds:
                if FREE_REL and objs and objs[0].lower_ in ("what", "whatever") and objs[0].i < t.i:
                    objs = oprds[:1]  # "what Lee calls a smear": Lee's words are the name
                    oprds = oprds[1:]
                elif objs and objs[0].i < oprds[0].i:
                    reason = reason or oprds[:1]  # "called him a liar": the pronoun is named, the naming is content
                elif not objs and len(oprds) >= 2:
                    objs = oprds[:1]  # "called Lee a liar" parsed as two predicates
                    oprds = oprds[1:]
            if NO_TIME_CONTENT and objs and objs[0].ent_type_ in ("DATE", "TIME") and not reason:
                objs = []  # "spoke Thursday", "weighed in Friday": a time, not what was said
            if objs and (reason or not (objs[0].pos_ == "PRON" and objs[0].lower_ not in ("what", "it", "this", "that"))):
                a, b = _subtree_span(objs[0], exclude=avoid)
                oprd = [c for c in t.children if c.dep_ in ("oprd", "xcomp") and c.i > objs[0].i] or reason
                if oprd:  # "called Trump “unhinged”"
                    b = max([b] + [_subtree_span(o, exclude=avoid)[1] for o in oprd])
                    heads = objs + oprd
                else:
                    heads = objs
                parts.append(_trim(text, a, b))
                weak = True
                form = "object"
        if not parts and lemma in PREP_VERBS:
            preps = PREP_VERBS[lemma]
            for c in t.children:
                if c.dep_ == "prep" and c.lower_ in preps:
                    pobj = [g for g in c.children if g.dep_ in ("pobj", "pcomp") and not (NO_TIME_CONTENT and g.ent_type_ in ("DATE", "TIME"))]
                    if pobj:
                        a, b = _subtree_span(pobj[0], exclude=avoid)
                        parts.append(_trim(text, a, b))
                        heads = [c]
                        weak = True
                        form = "object"
                        break
        # passive "X was reported by Y": the subject is the content
        if not parts and any(c.dep_ == "agent" for c in t.children):
            sp = [c for c in t.children if c.dep_ == "nsubjpass" and _lemma(c) != "it"]
            if sp:
                a, b = _subtree_span(sp[0])
                parts.append(_trim(text, a, b))
                heads = sp
                form = "object"
        if (
            PASSIVE_NO_AGENT
            and lemma in CUE_VERBS
            and not parts
            and subj is None
            and any(c.dep_ == "auxpass" for c in t.children)
            and not any(c.dep_ == "agent" for c in t.children)
            and t.dep_ not in ("relcl", "acl", "amod")
        ):
            # "X is widely thought to be ...", "peacekeepers have been accused of ...": a source-less
            # attribution whose content is the passive clause
            sp = [c for c in t.children if c.dep_ == "nsubjpass"]
            if sp and not self.in_quote(sp[0]):
                parts = _subtree_parts(text, t, set())
                heads = [t]
                form = "clause"
        if CLIP_PARA and parts:
            # reported content stays in the cue's paragraph (the parser's sentences can run over a break)
            lo = text.rfind("\n", 0, t.idx) + 1
            hi = text.find("\n", t.idx)
            hi = len(text) if hi < 0 else hi
            parts = [(max(a, lo), min(b, hi)) for a, b in parts if min(b, hi) > max(a, lo)]
            parts = [_trim(text, a, b) for a, b in parts]
            parts = [p for p in parts if p[1] - p[0] > 1]
        if COLON_NEXT and not parts and lemma in SPEECH_VERBS and not self.in_quote(t):
            # "The governor added:" ending its paragraph: the next paragraph is what was said (a quoted one is
            # framed as an adjacent quote below)
            eol = text.find("\n", t.idx)
            if eol > 0 and re.fullmatch(r"[^\n.!?\"\u201c\u201d]{0,40}:[ \t]*", text[t.idx + len(t.text) : eol]):
                m = re.compile(r"\s*").match(text, eol)
                nxt = m.end()
                end = text.find("\n", nxt)
                end = len(text) if end < 0 else end
                if nxt < end and text[nxt] not in "\"\u201c\u201d'\u2018":
                    a, b = _trim(text, nxt, end)
                    if b - a > 3:
                        parts = [(a, b)]
                        form = "clause"
        frame = self.frame_of(t, subj, heads)
        if slip_run is not None:
            frame = (min(frame[0], slip_run[0]), max(frame[1], slip_run[1]))
        sent = t.sent
        # a relative-clause verb ("the economist, who advises the bank, said") frames no quote of its own
        adj = [] if t.dep_ in ("relcl", "acl", "amod") else self.adjacent_quotes(frame, sent)
        if adj:
            qparts = [(q.inner_start, q.inner_end) for q in adj]
            # keep clausal content only when it lies outside the adjacent quotes
            keep = [p for p in parts if not any(q.start <= p[0] < q.end for q in adj)]
            if t.dep_ == "parataxis" and not any(c.dep_ == "ccomp" for c in t.children):
                keep = []  # '"...," he said': the quote, not the clause the parser hung "said" on
            parts = keep + qparts
            weak = False
        parts = [p for p in parts if p[1] > p[0]]
        if not parts:
            return
        cue = (t.idx, t.idx + len(t.text))
        prt = [c for c in t.children if c.dep_ == "prt" and c.i == t.i + 1]
        if prt:
            cue = (t.idx, prt[0].idx + len(prt[0].text))
        for c in t.children:  # "said in a statement", "told reporters in an interview" (adjacent only)
            if c.dep_ == "prep" and c.lower_ in ("in", "on", "via", "during") and c.i <= t.right_edge.i:
                pobj = [g for g in c.children if g.dep_ == "pobj" and _lemma(g) in MEDIUM_NOUNS]
                gap = text[cue[1] : c.idx]
                if pobj and c.i > t.i and (not gap.strip() or len(gap) < 20 and "," not in gap):
                    end = pobj[0].idx + len(pobj[0].text)
                    if not any(a < end and cue[0] < b for a, b in parts):
                        cue = (cue[0], end)
                    break
        speaker = None
        if subj is not None:
            sp_avoid = {t.i} | {x for p in heads for x in (y.i for y in p.subtree)}
            if t in subj.subtree:
                # a relative clause: "an architect who said ..." -> the antecedent up to the relative pronoun
                sp_avoid |= {x.i for x in t.subtree if not (x.head == t and _lemma(x) in RELATIVE_PRONOUNS and x.dep_.startswith("nsubj"))}
            if appositive is not None:
                sp_avoid |= set(appositive)
            speaker = self.speaker_span(subj, avoid=sp_avoid)
        if slip_run is not None and speaker is not None:
            speaker = (min(speaker[0], slip_run[0]), max(speaker[1], slip_run[1]))
        if paren_spk is not None:
            subj, speaker = paren_spk
        if speaker is not None and any(p[0] < speaker[1] and speaker[0] < p[1] for p in parts):
            # speaker inside content: drop the overlap (e.g. a parse that swallowed the subject)
            if any(p[0] <= speaker[0] and speaker[1] <= p[1] for p in parts):
                speaker, subj = None, None
        if weak and speaker is None:
            passive = [c for c in t.children if c.dep_ == "nsubjpass" and _lemma(c) != "it"]
            reason = (
                PASSIVE_REASON and passive and lemma in _PASSIVE_REASON_VERBS and t.dep_ not in ("relcl", "acl", "amod")
                and not any(c.dep_ == "agent" for c in t.children)
                and any(c.dep_ == "prep" and c.lower_ in ("of", "for") and c.i > t.i for c in t.children)
            )
            # "the firm was accused of fraud": an unnamed party's charge; content = the subject and the reason
            if not (passive and (lemma in XCOMP_VERBS or reason) and any(c.dep_ == "auxpass" for c in t.children)):
                return
            # "X is expected to Y": a source-less attribution whose content is the whole clause
            parts = _subtree_parts(text, passive[0], {t.i}) + parts
            weak = False
            form = "clause"
        self.cands.append(_Cand(kind, sorted(parts), cue, subj, speaker, frame, order=t.i, weak=weak, form=form,
                                cue_lemma=lemma))

    def paren_segment(self, t: "Token"):
        """A comma-set reporting frame inside a sentence whatever the parse: "Hawaii, as one adviser pointed
        out, rarely gets ...", "These workers, the manager explained on Friday, were ...", "As experts have
        noted, the law ...". Returns (content parts, heads, (speaker token, speaker span)) or None."""
        if (t.dep_ in ("relcl", "acl", "amod", "xcomp", "pcomp", "csubj") and not _appended_frame(t)) or any(
            c.dep_ in ("dobj", "xcomp", "nsubjpass") and not (PAREN_ADDRESSEE and self.addressee(t, c)) for c in t.children
        ):
            return None
        doc, text = self.doc, self.text
        sent = t.sent
        # right edge: a comma or the sentence end after a few adverbials ("said on Friday", "pointed out")
        r = None
        for j in range(t.i + 1, min(sent.end, t.i + 9)):
            x = doc[j]
            if x.text == ",":
                r = j
                break
            if x.text in (".", "!", "?") or x.is_space:
                r = j
                break
            if x.pos_ in ("VERB", "AUX") or self.in_quote(x) or "\n" in x.text or x.text in (";", ":", '"', "\u201c", "\u201d"):
                return None
        if r is None:
            return None
        at_end = doc[r].text != ","
        # left edge: back to a comma (or the sentence start) over a subject
        lo = None
        commas = 0
        k = t.i - 1
        while k >= sent.start:
            x = doc[k]
            if self.in_quote(x) or "\n" in x.text or x.text in (";", ":", "(", ")"):
                return None
            if x.text == ",":
                seg = doc[k + 1 : t.i]
                if any(y.pos_ in ("NOUN", "PROPN", "PRON") for y in seg):
                    lo = k + 1
                    break
                commas += 1
                if commas > 2:
                    return None
            elif x.pos_ == "VERB" or x.pos_ == "AUX" and x.head.i != t.i:
                return None
            k -= 1
            if t.i - k > 14:
                return None
        if lo is None:
            lo = sent.start
        seg = [y for y in doc[lo : t.i]]
        if seg and seg[0].lower_ in _NOT_A_FRAME_OPENING:
            return None  # "While civil liberties groups cried foul over the program, Clapper issued ...": a clause of
            # time or contrast, not a frame of what the rest of the sentence says
        while seg and (seg[0].lower_ == "as" or seg[0].is_punct):
            seg = seg[1:]
        if PAREN_NO_PP and seg and seg[0].pos_ == "ADP" and seg[0].dep_ == "prep":
            return None  # "Lee, at a later briefing, said": an adverbial, not the speaker
        while seg and (seg[-1].pos_ in ("AUX", "ADV", "PART") or seg[-1].dep_ in ("aux", "neg", "advmod")):
            seg = seg[:-1]
        nominals = [y for y in seg if y.pos_ in ("NOUN", "PROPN", "PRON")]
        if not seg or not nominals or len(seg) > 10:
            return None
        if lo == sent.start and doc[lo].lower_ != "as" and at_end:
            return None
        before = [y for y in doc[sent.start : lo] if not y.is_space]
        after = [y for y in doc[r + 1 : sent.end] if not y.is_space] if not at_end else []
        if lo == sent.start and doc[lo].lower_ != "as" and before == [] and not after:
            return None
        parts = []
        clause = False
        for grp in (before, after):
            if grp:
                a, b = _trim(text, *_tok_span(grp))
                if b > a and len(text[a:b].split()) >= 1:
                    parts.append((a, b))
                    clause = clause or any(y.pos_ in ("VERB", "AUX") for y in grp)
        if not parts or not clause or sum(len(text[a:b].split()) for a, b in parts) < 3:
            return None
        subj = next((c for c in t.children if c.dep_ == "nsubj" and lo <= c.i < t.i), None)
        if subj is None:
            subj = min(nominals, key=lambda y: (sum(1 for _ in y.ancestors), -y.i))
        a, b = _trim(text, *_tok_span(seg))
        return parts, [], (subj, (a, b))

    @staticmethod
    def planned_act(t: "Token") -> bool:
        """A to-infinitive under a cue verb or a noun, or in a purpose clause ("declined to comment", "plans to
        sue", "in order to show"), or the base-form verb coordinated with one ("vowed to repeal and replace")."""
        if t.tag_ != "VB":
            return False
        if INF_CONJ and t.dep_ == "conj" and t.head.tag_ == "VB" and t.head.i < t.i:
            t = t.head
        if not any(c.dep_ == "aux" and c.lower_ == "to" for c in t.children):
            return False
        return t.dep_ in ("acl", "advcl", "relcl") or t.dep_ == "xcomp" and _lemma(t.head) in _ALL_CUE_VERBS

    def issuer_of(self, t: "Token", subj: "Token") -> "Token":
        """"Lee issued a statement saying ...", "the group sent a letter that urges ...": the one who issued the
        document speaks through it."""
        if t.head.i != subj.i or t.dep_ not in ("acl", "relcl") or subj.pos_ != "NOUN":
            return subj
        if EVENT_HOST and subj.dep_ == "pobj" and subj.head.dep_ == "prep" and subj.head.head.pos_ == "VERB" and (
                _lemma(subj) in _EVENT_NOUNS or _lemma(subj) in _DOC_NOUNS and subj.head.lower_ in _CARRIER_PREPS):
            # "she said at a news conference announcing that ...": the one who spoke at the event; "he said in a
            # video posted online that ...": the one who spoke in the document, not the document
            host = subj.head.head
            who = self.subject_of(host)
            if who is not None and who.pos_ in ("PROPN", "NOUN", "PRON") and not self.in_quote(who) and who.lower_ not in RELATIVE_PRONOUNS:
                return who
            return subj
        if _lemma(subj) not in _DOC_NOUNS:
            return subj
        host = subj.head
        if subj.dep_ != "dobj" or host.pos_ != "VERB" or _lemma(host) not in _ISSUE_VERBS:
            return subj
        issuer = self.subject_of(host)
        if issuer is None or issuer.pos_ not in ("PROPN", "NOUN", "PRON") or self.in_quote(issuer):
            return subj
        if issuer.pos_ == "PRON" and issuer.lower_ in RELATIVE_PRONOUNS:
            return subj
        return issuer

    @staticmethod
    def addressee(t: "Token", obj: "Token") -> bool:
        """The object of "told me", "assured reporters": the person spoken to, not what was said."""
        if _lemma(t) not in _ADDRESSEE_VERBS or obj.dep_ != "dobj" or obj.i < t.i:
            return False
        return obj.lower_ in ("me", "us", "him", "her", "them", "you") or (
            obj.right_edge.i - obj.left_edge.i < 3 and obj.pos_ in ("NOUN", "PROPN") and not any(x.pos_ == "VERB" for x in obj.subtree)
        )

    def name_run(self, p: "Token", t: "Token") -> tuple[int, int]:
        """The noun phrase that ends with ``p`` right before the verb ``t``, however the parser attached its words
        ("Tulsa police Chief Ann Lee" with "Tulsa" taken for a verb): back over names, nouns, adjectives and
        determiners on the same line, outside quotes."""
        doc = self.doc
        lo = p.i
        while lo - 1 >= 0:
            x = doc[lo - 1]
            if self.in_quote(x) or x.is_punct or x.is_space or "\n" in x.text or x.lower_ in ("and", "or", "but"):
                break
            if not (x.pos_ in ("PROPN", "NOUN", "ADJ", "DET", "NUM") or x.text[:1].isupper() and x.i > 0 and not doc[x.i - 1].is_sent_start and x.pos_ != "PRON"):
                break
            if x.pos_ == "DET" or x.tag_ == "PRP$":
                lo -= 1
                break
            lo -= 1
        a = doc[lo].idx
        return a, p.idx + len(p.text)

    def slip_subject(self, t: "Token") -> "Token | None":
        """The speaker of a finite reporting verb the parser left without a subject: the noun phrase that ends
        right before the verb (its head hung on a preceding phrase: "In a meeting with the board Lee said ...",
        "When the plan failed, Lee and Kim call it ..."), or the one before a comma-set adverbial ("Lee,
        opening the bridge on Monday, said ...")."""
        if t.tag_ not in ("VBD", "VBZ", "VBP") or t.dep_ in ("relcl", "acl", "amod", "advcl", "xcomp", "ccomp", "pcomp", "csubj"):
            return None
        if any(c.dep_ in ("nsubj", "nsubjpass", "expl", "csubj") for c in t.children):
            return None
        doc, text = self.doc, self.text
        k = t.i - 1
        while k >= 0 and (doc[k].dep_ in ("advmod", "neg", "aux") and doc[k].head.i == t.i or doc[k].is_space and "\n" not in doc[k].text):
            k -= 1
        if k < 0:
            return None
        p = doc[k]
        if p.text == ",":
            # "NAME, <adverbial>, said": the adverbial is a dependent of the verb set off by commas
            mods = [c for c in t.children if c.i < k and c.dep_ in ("advcl", "prep", "npadvmod") and c.right_edge.i == k - 1]
            if not mods or mods[0].left_edge.i < 2 or doc[mods[0].left_edge.i - 1].text != ",":
                return None
            k = mods[0].left_edge.i - 2
            p = doc[k]
            if p.pos_ == "PROPN" and p.dep_ == "appos":
                pass
        if p.pos_ not in ("PROPN", "NOUN", "PRON") or p.dep_ in ("nsubj", "nsubjpass", "dobj", "poss") and p.head.i != t.i:
            return None
        if p.pos_ == "PRON" and p.lower_ not in PERSON_PRONOUNS | GROUP_PRONOUNS | {"i", "you"}:
            return None
        if p.pos_ == "NOUN" and not (p.tag_ == "NNS" or _lemma(p) in PERSON_ROLE_NOUNS or _lemma(p) in ORG_NOUNS):
            return None
        if self.in_quote(p) or "\n" in text[p.idx : t.idx] or p.sent.start != t.sent.start:
            return None
        while p.dep_ == "conj" and p.head.pos_ == p.pos_ and p.head.i < p.i and "\n" not in text[p.head.idx : p.idx]:
            p = p.head  # "Lee and Kim call it ...": the coordination
        return p

    def add_adj_cues(self) -> None:
        """Stance adjectives with a clausal complement: "X is confident (that) ...", "X was eager to ..."."""
        text = self.text
        for t in self.doc:
            if t.pos_ != "ADJ" or _lemma(t) not in CUE_ADJS or self.in_quote(t):
                continue
            heads = [c for c in t.children if c.dep_ in ("ccomp", "xcomp")]
            if not heads or t.dep_ not in ("acomp", "ROOT", "conj", "amod"):
                continue
            host = t.head if t.dep_ == "acomp" else t
            subj = self.subject_of(host) if t.dep_ != "amod" else t.head
            if subj is None or subj.pos_ not in ("PRON", "PROPN", "NOUN"):
                continue
            avoid = {t.i, host.i} | {x.i for x in subj.subtree}
            parts = [p for h in heads for p in _subtree_parts(text, h, avoid)]
            if not parts:
                continue
            lo = host.i if host.i < t.i and host.lemma_ == "be" else t.i
            cue = (self.doc[lo].idx, t.idx + len(t.text))
            speaker = self.speaker_span(subj, avoid={t.i, host.i} | {x.i for h in heads for x in h.subtree})
            if any(p[0] < speaker[1] and speaker[0] < p[1] for p in parts):
                continue
            self.cands.append(_Cand("indirect", parts, cue, subj, speaker, (min(cue[0], speaker[0]), max(cue[1], speaker[1])), order=t.i,
                                    form="clause" if heads[0].dep_ == "ccomp" else "infinitive", cue_lemma=_lemma(t)))

    def add_according_to(self) -> None:
        for t in self.doc:
            if t.lower_ != "according" or self.in_quote(t):
                continue
            nxt = self.doc[t.i + 1] if t.i + 1 < len(self.doc) else None
            if nxt is None or nxt.lower_ != "to":
                continue
            pobj = [c for c in nxt.children if c.dep_ == "pobj"]
            src_tok = pobj[0] if pobj else (self.doc[t.i + 2] if t.i + 2 < len(self.doc) else None)
            if src_tok is None:
                continue
            sent = t.sent
            pp = {x.i for x in t.subtree} | {x.i for x in nxt.subtree}
            lo_pp, hi_pp = min(pp), max(pp)
            before = [x for x in sent if x.i < lo_pp]
            after = [x for x in sent if x.i > hi_pp]
            parts = []
            for grp in (before, after):
                if grp:
                    a, b = _trim(self.text, *_tok_span(grp))
                    if b > a and any(ch.isalnum() for ch in self.text[a:b]):
                        parts.append((a, b))
            if not parts:
                continue
            sp_toks = [x for x in self.doc[src_tok.left_edge.i : src_tok.right_edge.i + 1] if x.i in pp]
            while len(sp_toks) > 1 and sp_toks[-1].is_punct:
                sp_toks.pop()
            speaker = _tok_span(sp_toks) if sp_toks else (src_tok.idx, src_tok.idx + len(src_tok.text))
            cue = (t.idx, nxt.idx + len(nxt.text))
            self.cands.append(_Cand("according_to", parts, cue, src_tok, speaker, (t.idx, speaker[1]), order=t.i))

    def add_prep_stance_cues(self) -> None:
        """Stance adjectives and nouns with a prepositional object: "X is critical of Y", "X was worried about
        Y", "X's attacks on Y", "X voiced concerns about Y". Kept only with a holder: the copula's subject, the
        possessor, or the subject of a light verb ("voiced", "raised", "expressed")."""
        text = self.text
        for t in self.doc:
            if self.in_quote(t):
                continue
            lemma = _lemma(t)
            if t.pos_ == "ADJ" and ADJ_PREP:
                preps = _ADJ_PREPS.get(lemma)
            elif t.pos_ == "NOUN" and NOUN_PREP:
                preps = _NOUN_PREPS.get(lemma)
            else:
                continue
            if not preps:
                continue
            prep = next((c for c in t.children if c.dep_ == "prep" and c.lower_ in preps and c.i > t.i), None)
            pobj = next((g for g in prep.children if g.dep_ in ("pobj", "pcomp")), None) if prep is not None else None
            if pobj is None:
                continue
            subj = None
            if t.pos_ == "ADJ":
                if t.dep_ == "acomp":
                    subj = self.subject_of(t.head)
                elif t.dep_ == "amod" and t.head.pos_ in ("NOUN", "PROPN") and t.i > t.head.i:
                    subj = t.head  # "voters worried about the economy"
            else:
                poss = [c for c in t.children if c.dep_ == "poss"]
                if poss:
                    subj = poss[0]
                elif t.dep_ == "dobj" and _lemma(t.head) in _LIGHT_VERBS and t.head.pos_ == "VERB":
                    subj = self.subject_of(t.head)
            if subj is None or subj.pos_ not in ("PRON", "PROPN", "NOUN") or self.in_quote(subj):
                continue
            if subj.pos_ == "PRON" and subj.lower_ in ("it", "this", "that", "which", "what", "there"):
                continue
            a, b = _trim(text, *_subtree_span(pobj))
            if b - a < 2 or "\n" in text[a:b] or pobj.ent_type_ in ("DATE", "TIME"):
                continue
            cue = (t.idx, prep.idx + len(prep.text))
            speaker = self.speaker_span(subj, avoid={t.i} | {x.i for x in prep.subtree})
            if speaker[0] < b and a < speaker[1]:
                continue
            self.cands.append(_Cand("indirect", [(a, b)], cue, subj, speaker, (min(cue[0], speaker[0]), max(cue[1], speaker[1])), order=t.i, weak=True, minor=True,
                                    form="stance", cue_lemma=lemma))

    def add_noun_cues(self) -> None:
        for t in self.doc:
            if t.pos_ != "NOUN" or _lemma(t) not in CUE_NOUNS or self.in_quote(t):
                continue
            clause = [c for c in t.children if c.dep_ in ("acl", "ccomp") and any(g.dep_ == "mark" and g.lower_ == "that" for g in c.children)]
            saying = [c for c in t.children if c.dep_ == "acl" and _lemma(c) in SPEECH_VERBS]
            if saying:
                continue  # "a statement saying ..." is handled by the verb
            if not clause:
                continue
            poss = [c for c in t.children if c.dep_ == "poss"]
            subj = poss[0] if poss else None
            if subj is None:
                by = [g for c in t.children if c.dep_ == "prep" and c.lower_ in ("by", "from") for g in c.children if g.dep_ == "pobj"]
                subj = by[0] if by else None
            if subj is None and NOUN_VERB_SLIP and t.dep_ == "ROOT" and t.tag_ == "NNS" and _lemma(t) in CCOMP_VERBS:
                # "Trump claims that ...", "The mayor warns that ...": a verb the tagger took for a plural noun
                # in a sentence with no other verb; the name or noun before it is the speaker
                left = [c for c in t.children if c.dep_ in ("compound", "nsubj", "nmod") and c.i < t.i and c.pos_ in ("PROPN", "NOUN", "PRON")]
                inner = {x.i for c in clause for x in c.subtree}
                if left and not any(x.pos_ in ("VERB", "AUX") for x in t.sent if x.i != t.i and x.i not in inner):
                    subj = left[-1]
            minor = False
            if subj is None and NOUN_HOLDER and t.dep_ == "dobj" and t.head.pos_ == "VERB" and _lemma(t.head) in _LIGHT_VERBS:
                subj = self.subject_of(t.head)  # "Lee expressed hope that ...", "Kim made the argument that ..."
                minor = True  # (the light verb, when a cue itself, holds it: "expressed hope that ...")
            if subj is None and NOUN_HOLDER:
                continue  # "the notion that ...", "concern that ...": no one holds it in the text
            a, b = _subtree_span(clause[0])
            parts = [_trim(self.text, a, b)]
            speaker = None
            if subj is not None:
                speaker = self.speaker_span(subj, avoid={t.i})
            self.cands.append(_Cand("indirect", parts, (t.idx, t.idx + len(t.text)), subj, speaker, (t.idx, t.idx + len(t.text)), order=t.i, minor=minor))

    def add_colon_cues(self) -> None:
        """Headline style "Speaker: what they said" (a short name-led line before a colon)."""
        text = self.text
        for m in re.finditer(r"(?m)^([^\n:]{2,60}?):[ \t]+(\S[^\n]*)$", text):
            a, b = m.span(1)
            span = self.doc.char_span(a, b, alignment_mode="contract")
            if span is None or len(span) == 0 or len(span) > 7:
                continue
            if any(t.pos_ in ("VERB", "AUX") for t in span) or _lemma(span.root) in _COLON_LABELS or span.root.lower_ in _COLON_LABELS:
                continue
            named = any(t.pos_ == "PROPN" for t in span) or (len(span) <= 3 and all(t.is_title or t.is_punct for t in span))
            if not named and _lemma(span.root) not in _COLON_SOURCES:
                continue
            if any(t.pos_ == "ADP" for t in span) and not any(t.ent_type_ for t in span) and _lemma(span.root) not in _COLON_SOURCES:
                continue  # a kicker, "Tragedy on the slopes: four skiers dead ...", names no one who spoke
            if any(ch.isdigit() for ch in span.text):
                continue
            if _OWN_ATTRIBUTION_AT_END.search(m.group(2)):
                # a line that names its own source after a kicker ("DEATH TRAP: Greedy builders cut corners ...,
                # insiders claim."): the label says no one's words (a transcript's "PENCE: Well, look, ..." does)
                continue
            ca, cb = _trim(text, *m.span(2))
            if cb <= ca:
                continue
            head = span.root
            self.cands.append(_Cand("direct", [(ca, cb)], (b, b + 1), head, (a, b), (a, b + 1), order=head.i))

    def add_verb_colon_quotes(self) -> None:
        """A quote opened right after "<speaker> <speech verb> [object]:" that no cue has taken: "..., where union
        leader Tomas Edvall told the crowd: "This government ..."". The parser often makes the quote's verb the
        sentence root there, cutting it off the speech verb that frames it."""
        text, doc = self.text, self.doc
        for q in self.quotes:
            if not q.double or any(p[0] < q.inner_end and q.inner_start < p[1] for c in self.cands for p in c.parts):
                continue
            colon = text.rfind(":", max(0, q.start - 3), q.start + 1)
            if colon < 0 or text[colon + 1:q.start].strip():
                continue
            before = doc.char_span(max(0, colon - 120), colon, alignment_mode="contract")
            if before is None:
                continue
            # the nearest speech verb before the colon, with its subject, at most six words back (its object
            # between: "told the crowd", "said in a statement")
            for verb in reversed([t for t in before if t.i >= colon_token(doc, colon) - 7]):
                if verb.pos_ != "VERB" or _lemma(verb) not in SPEECH_VERBS:
                    continue
                subj = next((ch for ch in verb.children if ch.dep_ in ("nsubj", "nsubjpass")), None)
                if subj is None or subj.pos_ == "PRON" and subj.lower_ in ("it", "this", "that", "which", "what"):
                    break
                speaker = self.speaker_span(subj, avoid={verb.i})
                cue = (verb.idx, verb.idx + len(verb.text))
                self.cands.append(_Cand("direct", [(q.inner_start, q.inner_end)], cue, subj, speaker,
                                        (min(cue[0], speaker[0]), max(cue[1], speaker[1])), order=verb.i,
                                        cue_lemma=_lemma(verb)))
                break

    def add_title_cues(self) -> None:
        """A headline in Title Case, which the parser reads poorly: "Harbour Union Slams Port Plan", "Mayor Says
        Bridge Will Open in May". The first word after the subject that is a present-tense form of a reporting
        or stance verb is the cue; the words before it (after a "Label:") are the speaker, the rest the content."""
        text, doc = self.text, self.doc
        lexicon = SPEECH_VERBS | _OBJECT_BASE | _MORE_OBJECT2 | CCOMP_VERBS
        for m in re.finditer(r"(?m)^[^\n]+$", text):
            a, b = m.span()
            words = re.findall(r"[A-Za-z][A-Za-z'\u2019-]*", text[a:b])
            if not 3 <= len(words) <= 25:
                continue
            small = {"a", "an", "the", "and", "or", "of", "to", "in", "on", "for", "at", "by", "with", "as", "from", "but", "is", "be"}
            content_words = [w for w in words if w.lower() not in small]
            if not content_words or sum(w[0].isupper() for w in content_words) < 0.8 * len(content_words) or text[a:b].isupper():
                continue
            if any(c.cue and a <= c.cue[0] < b for c in self.cands):
                continue
            span = doc.char_span(a, b, alignment_mode="expand")
            if span is None:
                continue
            toks = [t for t in span if not t.is_space]
            start = 0
            for k, t in enumerate(toks):
                if t.text == ":":
                    start = k + 1
                    break
            for k in range(start + 1, len(toks)):
                t = toks[k]
                w = t.lower_
                if not t.text[:1].isupper() or self.in_quote(t):
                    continue
                stem = w[:-2] if w.endswith("es") and w[:-2] in lexicon else w[:-1] if w.endswith("s") else w
                if stem not in lexicon or stem in ("be", "have", "do"):
                    continue
                plural_subject = toks[k - 1].lower_.endswith("s") and toks[k - 1].tag_ != "POS" and k - 1 >= start
                if t.pos_ != "VERB" and not (t.pos_ in ("NOUN", "PROPN") and (w.endswith("s") or plural_subject)):
                    continue  # "Terror Suspect": a noun, unless a present-tense form agreeing with its subject
                subject = toks[start:k]
                if len(subject) > 6 or any(x.pos_ in ("VERB", "AUX") or x.text[:1].islower() and x.lower_ not in ("of", "and") for x in subject):
                    break  # the words before the verb must be a bare name or noun phrase
                prev = toks[k - 1]
                if prev.pos_ in ("DET", "ADP", "PART", "CCONJ") or prev.tag_ in ("POS", "PRP$") or prev.is_punct and prev.text not in ("\u2019", "'", "\u201d", '"'):
                    break
                if k + 1 >= len(toks):
                    break
                ca, cb = _trim(text, toks[k + 1].idx, b)
                sa, sb = _trim(text, toks[start].idx, prev.idx + len(prev.text))
                if cb - ca < 3 or sb <= sa:
                    break
                self.cands.append(_Cand("indirect", [(ca, cb)], (t.idx, t.idx + len(t.text)), prev, (sa, sb), (sa, t.idx + len(t.text)), order=t.i,
                                        form="clause" if stem in CCOMP_VERBS else "object", cue_lemma=stem))
                break

    def add_dash_cues(self) -> None:
        """A signed quote or post: ``“...” ― Name`` (a line's quote followed by a dash and the name that ends
        the line) and embedded posts ``text — Name (@handle) date``."""
        text = self.text
        pat = re.compile(r"[ \t\u00a0]*(?:[\u2015\u2014\u2013]|--)[ \t\u00a0]*([A-Z][^\n()\u2015\u2014\u2013:;,.!?\"\u201c\u201d]{1,50}?)[ \t\u00a0]*(\(@\w+\)|\.?[ \t\u00a0]*(?=\n|$))")
        for m in pat.finditer(text):
            dash = m.start()
            a, b = m.span(1)
            post = m.group(2).startswith("(@")
            line_start = text.rfind("\n", 0, dash) + 1
            before = text[line_start:dash].rstrip()
            if not before:
                continue
            if post:
                ca, cb = _trim(text, line_start, line_start + len(before))
            else:
                q = self.quote_at(line_start + len(before) - 1)
                if q is None or not q.double or q.end != line_start + len(before) or q.start < line_start:
                    continue
                ca, cb = q.inner_start, q.inner_end
            span = self.doc.char_span(a, b, alignment_mode="contract")
            if span is None or not 0 < len(span) <= 6 or not all(t.is_title or t.is_punct or t.is_upper or t.pos_ == "PROPN" for t in span):
                continue
            if cb - ca < 3 or any(p[0] < cb and ca < p[1] for c in self.cands for p in c.parts):
                continue
            cue_end = text.find(m.group(1), m.start())
            cue = (dash + len(m.group(0)) - len(m.group(0).lstrip(" \t\u00a0")), cue_end)
            cue = (cue[0], cue[0] + len(text[cue[0]:cue_end].rstrip()))
            self.cands.append(_Cand("direct", [(ca, cb)], cue, span.root, (a, b), (cue[0], b), order=span.root.i))

    def add_framed_quotes(self) -> None:
        """``“...,” NAME VERBED`` with a verb outside the lexicon: the frame right after a comma-ended quote."""
        text = self.text
        for q in self.quotes:
            if not q.double or not re.search(r"[,?!]\s*$", text[q.inner_start : q.inner_end]):
                continue
            if any(p[0] < q.inner_end and q.inner_start < p[1] for c in self.cands for p in c.parts):
                continue
            span = self.doc.char_span(q.end, min(len(text), q.end + 80), alignment_mode="contract")
            if span is None:
                continue
            toks = [t for t in span[:8] if not t.is_space]
            verb = next((t for t in toks if t.pos_ == "VERB" and not self.in_quote(t)), None)
            if FRAMED_NAME:
                # a capitalised word the tagger took for a verb ("Tulsa police Chief ...") is no cue
                verb = next((t for t in toks if t.pos_ == "VERB" and _lemma(t) in SPEECH_VERBS and not self.in_quote(t)), verb)
            if verb is None or any(t.text in ".!?" or self.in_quote(t) for t in toks if t.i < verb.i):
                continue
            subj = self.subject_of(verb)
            if subj is None or not (q.end <= subj.idx < q.end + 80):
                # '"...," Police Chief Ann Lee said': the name run between the quote and the verb
                run = [t for t in toks if t.i < verb.i and t.idx >= q.end and not (t.is_punct and t.text in ",\u201d\"'")]
                if not (FRAMED_NAME and _lemma(verb) in SPEECH_VERBS and 0 < len(run) <= 8 and run[0].text[:1].isupper()
                        and all(t.text[:1].isupper() or t.pos_ in ("DET", "NOUN", "ADP", "ADJ", "PUNCT") for t in run)):
                    continue
                subj = run[-1]
                speaker = _trim(text, run[0].idx, run[-1].idx + len(run[-1].text))
            else:
                speaker = self.speaker_span(subj, avoid={verb.i})
            cue = (verb.idx, verb.idx + len(verb.text))
            self.cands.append(
                _Cand("direct", [(q.inner_start, q.inner_end)], cue, subj, speaker, (min(cue[0], speaker[0]), max(cue[1], speaker[1])), order=verb.i)
            )

    def attach_quotes(self) -> None:
        """Quotes no candidate uses: continue the previous speaker's quote, or stand alone without a speaker."""
        text = self.text
        self.cands.sort(key=lambda c: c.parts[0][0])
        for q in self.quotes:
            if not q.double:
                continue
            if any(p[0] < q.inner_end and q.inner_start < p[1] for c in self.cands for p in c.parts):
                continue
            if any(c.speaker and c.speaker[0] < q.end and q.start < c.speaker[1] for c in self.cands):
                continue
            # the most recent candidate whose material ends before this quote
            prev = None
            for c in self.cands:
                end = max(c.parts[-1][1], c.frame[1] if c.frame else 0, c.speaker[1] if c.speaker else 0)
                if end <= q.start:
                    if prev is None or end >= prev[1]:
                        prev = (c, end)
            if prev is not None:
                c, end = prev
                gap = text[end : q.start]
                if re.fullmatch(r"[\s.,;:!?\u2014\u2013\"\u201d\u2019'-]*", gap) and c.kind != "according_to":
                    c.parts.append((q.inner_start, q.inner_end))
                    if c.kind == "indirect":
                        c.kind = "mixed"
                    continue
            # a free-standing quote (whole sentences, not scare quotes) near a previous speaker: theirs
            words = len(text[q.inner_start : q.inner_end].split())
            before = text[max(0, text.rfind("\n", 0, q.start) + 1) : q.start].strip()
            if FREE_QUOTES and prev is not None and words >= 4 and (not before or before[-1] in ".!?:"):
                c, end = prev
                if c.speaker is not None and text.count("\n\n", end, q.start) <= 1:
                    self.cands.append(_Cand("direct", [(q.inner_start, q.inner_end)], None, c.speaker_tok, c.speaker, None, order=q.start))
                    self.cands.sort(key=lambda c: c.parts[0][0])

    def build(self) -> list[Attribution]:
        self.add_verb_cues()
        self.add_adj_cues()
        self.add_according_to()
        self.add_noun_cues()
        self.add_prep_stance_cues()
        self.add_colon_cues()
        self.add_dash_cues()
        self.add_verb_colon_quotes()
        if TITLE_LINE:
            self.add_title_cues()
        self.add_framed_quotes()
        self.dedupe()
        self.attach_quotes()
        out = []
        for c in sorted(self.cands, key=lambda c: c.parts[0][0]):
            parts = _merge(sorted(set(c.parts)))
            kind = c.kind
            if kind != "according_to":
                quoted = [self.is_quoted(p) for p in parts]
                has_quote = [self.has_quote(p) for p in parts]
                if all(quoted):
                    kind = "direct"
                elif any(has_quote):
                    kind = "mixed"
                else:
                    kind = "indirect"
            if DEMONSTRATIVE_SPEAKER and c.speaker_tok is not None and c.speaker_tok.pos_ == "PRON" and c.speaker_tok.lower_ in ("that", "this") and c.speaker is not None and c.speaker[1] - c.speaker[0] <= 4:
                continue  # "That means ...", "This suggests ...": a demonstrative refers to a fact, not a speaker
            if QUOTE_SPEAKER and kind in ("direct", "mixed") and c.cue is not None and c.speaker is None and c.kind != "according_to":
                continue  # a quote framed by a verb whose speaker the parse lost: no attribution beats a wrong one
            head = resolved = None
            if c.speaker_tok is not None:
                tok = _person_in_apposition(c.speaker_tok, c.speaker) or c.speaker_tok
                head = _head_text(tok)
                resolved = self.resolve(tok, parts)
            out.append(
                Attribution(
                    kind=kind,
                    content_start=parts[0][0],
                    content_end=parts[-1][1],
                    cue_start=c.cue[0] if c.cue else None,
                    cue_end=c.cue[1] if c.cue else None,
                    speaker_start=c.speaker[0] if c.speaker else None,
                    speaker_end=c.speaker[1] if c.speaker else None,
                    speaker_head=head,
                    speaker_resolved=resolved,
                    content_parts=parts,
                    form=c.form,
                    cue_lemma=c.cue_lemma,
                )
            )
        return out

    def is_quoted(self, part: tuple[int, int]) -> bool:
        q = self.quote_at(part[0]) or self.quote_at(max(part[0] - 1, 0))
        return q is not None and q.start <= part[0] and part[1] <= q.end

    def has_quote(self, part: tuple[int, int]) -> bool:
        k = bisect.bisect_left(self.qstarts, part[0] - 1)
        return k < len(self.quotes) and self.quotes[k].start < part[1]

    def dedupe(self) -> None:
        """One attribution per cue, and no attribution nested in another one's content (PolNeAR is univocal:
        "X said Y claimed Z" is one attribution, X's, whose content holds Y's claim)."""
        seen: set[tuple[int, int] | None] = set()
        keep = []
        for c in sorted(self.cands, key=lambda c: c.order):
            if c.cue in seen:
                continue
            seen.add(c.cue)
            keep.append(c)
        if ONE_QUOTE_ONE_FRAME:
            # '"A," Lee said, referring to the report, "B."': the quote is framed once, by the main verb; a
            # participle or coordinated verb hung on it ("referring", "adding") does not take it again
            doc = self.doc
            def cue_tok(c):
                if c.cue is None or not 0 <= c.order < len(doc) or doc[c.order].idx != c.cue[0]:
                    return None
                return doc[c.order]
            toks = {id(c): cue_tok(c) for c in keep}
            out = []
            for c in keep:
                t = toks[id(c)]
                if t is not None and t.dep_ in ("advcl", "conj", "xcomp", "acl"):
                    heads = [o for o in keep if o is not c and toks[id(o)] is not None and toks[id(o)].i == t.head.i]
                    if heads:
                        qp = [p for p in c.parts if self.is_quoted(p)]
                        taken = [p for p in qp if any(a < p[1] and p[0] < b for o in heads for a, b in o.parts)]
                        if taken:
                            c.parts = [p for p in c.parts if p not in taken]
                            if not c.parts:
                                continue
                out.append(c)
            keep = out
        if NESTED:
            outer = [(c, self.own_parts(c)) for c in keep if not c.weak]
            doc = self.doc

            def frame_wins(c: _Cand, o: _Cand) -> bool:
                # "He hoped, he said, that ...": two cues each inside the other's content; the comma-set
                # reporting frame (a parataxis) holds the whole sentence
                if not MUTUAL_PAREN or c.cue is None or o.cue is None or o.kind == "according_to" or not any(a <= o.cue[0] < b for a, b in c.parts):
                    return False
                t = doc[c.order] if 0 <= c.order < len(doc) else None
                u = doc[o.order] if 0 <= o.order < len(doc) else None
                if t is None or t.idx != c.cue[0] or _lemma(t) not in SPEECH_VERBS:
                    return False
                # (or "The documents indicate, he said, that ...": the cue that governs the other one)
                return t.dep_ == "parataxis" or u is not None and u.idx == o.cue[0] and t in u.ancestors

            keep = [
                c
                for c in keep
                if c.cue is None
                or ACCORDING_OUTER and c.kind == "according_to"
                or not any(o is not c and any(a <= c.cue[0] < b for a, b in parts) and not frame_wins(c, o) for o, parts in outer)
            ]
            keep = [
                c for c in keep
                if not c.minor or not any(o is not c and any(a <= c.cue[0] < b for a, b in o.parts) for o in keep)
            ]
        self.cands = keep

    def own_parts(self, c: _Cand) -> list[tuple[int, int]]:
        """The parts of ``c`` as they will be output: reported (unquoted) content stays in the paragraph of
        its cue (the parser's sentences sometimes run over a paragraph break), see ``_within_paragraph``."""
        if c.cue is None:
            return c.parts
        text = self.text
        lo = text.rfind("\n", 0, c.cue[0]) + 1
        hi = text.find("\n", c.cue[1])
        hi = len(text) if hi < 0 else hi
        return [p if self.is_quoted(p) else (max(p[0], lo), min(p[1], hi)) for p in c.parts]

    # -- in-document speaker resolution
    def resolve(self, tok: "Token", content: Sequence[tuple[int, int]] = ()) -> str | None:
        """The name a speaker token stands for; a pronoun's is the nearest name before it outside the words it is
        said to have said (``content``: "Energy Minister Lidia Voss will lead the inquiry, he said" is not hers)."""
        doc = self.doc
        low = tok.lower_
        if self._ents is None:
            self._ents = [e for e in doc.ents if e.label_ in ("PERSON", "ORG", "GPE", "NORP")]
        ents = self._ents
        if tok.pos_ == "PRON":
            if low in PERSON_PRONOUNS:
                labels = ("PERSON",)
            elif low in GROUP_PRONOUNS:
                labels = ("ORG", "NORP", "GPE")
            elif low in THING_PRONOUNS:
                labels = ("ORG", "GPE")
            else:
                return None
            return self._nearest(ents, tok, labels, content)
        ent = next((e for e in ents if e.start <= tok.i < e.end), None)
        if ent is not None:
            return self._full_name(ents, ent)
        if tok.pos_ == "PROPN":
            name = _head_text(tok)
            longer = [e.text for e in ents if e[-1].lower_ == tok.lower_ and len(e.text) > len(name) and len(e) <= 4]
            return re.sub(r"(?:'s|\u2019s)$", "", max(longer, key=len)) if longer else name
        named = next((c for c in tok.children if c.dep_ == "appos" and c.ent_type_ == "PERSON" and c.i > tok.i), None)
        if named is not None and tok.pos_ == "NOUN" and _lemma(tok) in PERSON_ROLE_NOUNS:
            # "The regional governor, Pavel Rusin, said ...": the name in apposition, not the last person named before
            ent = next((e for e in ents if e.start <= named.i < e.end), None)
            if ent is not None:
                return self._full_name(ents, ent)
        det = [c for c in tok.children if c.dep_ == "det" and c.lower_ in ("the", "this", "that")]
        if det and tok.pos_ == "NOUN":
            lemma = _lemma(tok)
            if lemma in PERSON_ROLE_NOUNS:
                return self._nearest(ents, tok, ("PERSON",))
            if lemma in ORG_NOUNS:
                return self._nearest(ents, tok, ("ORG", "GPE"))
        return None

    def _nearest(self, ents: "list[Span]", tok: "Token", labels: tuple[str, ...],
                 content: Sequence[tuple[int, int]] = ()) -> str | None:
        for e in reversed(ents):
            if any(a <= e.start_char < b for a, b in content):
                continue
            if e.end <= tok.i and e.label_ in labels and not self.in_quote(e[0]):
                return self._full_name(ents, e)
        return None

    @staticmethod
    def _full_name(ents: "list[Span]", ent: "Span") -> str:
        """The longest same-label mention ending with the same word ("Morris" -> "Haley Morris")."""
        best = ent.text
        last = ent[-1].lower_
        for e in ents:
            same_kind = e.label_ == ent.label_ or {e.label_, ent.label_} <= {"PERSON", "ORG"}
            if same_kind and e[-1].lower_ == last and len(e.text) > len(best) and len(e) <= 4:
                best = e.text
        return re.sub(r"(?:'s|\u2019s)$", "", best)


# subordinators that open a clause of time, contrast, cause or condition: "While X said ...", unlike "As X noted, ..."
_NOT_A_FRAME_OPENING = frozenset({"while", "whereas", "when", "whenever", "although", "though", "because", "since",
                                  "after", "before", "if", "unless", "once", "until"})


# things that speak in the news though no organisation by name: "the panel that reviewed the case and said ..."
_SPEAKING_THINGS = frozenset({"panel", "family", "report", "study", "survey", "statement", "court", "jury", "team",
                              "campaign", "coalition", "network", "website", "newspaper", "channel", "broadcaster"})


def _appended_frame(t: "Token") -> bool:
    """Is the verb a sentence's closing reporting frame that the parser hung on a noun after the comma, as its
    participle? "... one billion customers, the hackers boasted last night." may read "the hackers" as renaming the
    customers, or as an object of the main verb, and "boasted" as theirs (not "the bill, a measure passed by the
    senate, ..."): the verb right after the noun, and nothing after it but words of time to the sentence's end."""
    head, doc = t.head, t.doc
    if not (t.dep_ == "acl" and head.pos_ in ("NOUN", "PROPN") and t.i == head.i + 1 and head.left_edge.i > 0
            and doc[head.left_edge.i - 1].text == ","):
        return False
    rest = [x for x in doc[t.i + 1:t.sent.end] if not x.is_space]
    return bool(rest) and rest[-1].text in (".", "!", "?") and all(
        x.dep_ in ("npadvmod", "advmod", "amod", "det", "punct") or x.ent_type_ in ("DATE", "TIME") for x in rest[:-1])


def _merge(parts: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for a, b in parts:
        if out and a <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], b))
        else:
            out.append((a, b))
    return out


def _person_in_apposition(tok: "Token", span: tuple[int, int] | None) -> "Token | None":
    """The person a place-headed speaker describes: "Brownsburg, Indiana, resident Krista Hoffman, who ..."
    parses with the town as its head and the name in apposition to it; the speaker is that person (not one
    named in a relative clause). The last token of the name, or None."""
    if span is None or tok.pos_ != "PROPN" or tok.ent_type_ == "PERSON":
        return None
    doc = tok.doc
    for t in doc[tok.i + 1:]:
        if t.idx >= span[1] or t.lower_ in ("who", "whom", "whose", "which", "that"):
            return None
        if t.ent_type_ == "PERSON" and t.dep_ == "appos" and t.head.i == tok.i:
            return t
    return None


def _head_text(tok: "Token") -> str:
    """The head noun with its name compounds ("Haley Morris", "ministry")."""
    if tok.pos_ == "PROPN":
        lo = tok.i
        doc = tok.doc
        while lo - 1 >= 0 and doc[lo - 1].head.i == tok.i and doc[lo - 1].dep_ in ("compound", "flat") and doc[lo - 1].pos_ == "PROPN":
            lo -= 1
        return doc[lo : tok.i + 1].text
    return tok.text


# a verb of saying in a comparison ("than first announced", "than expected", "as previously reported"): the
# sentence compares with what was said, no one is quoted by it
_COMPARED_BEFORE = re.compile(r"\b(?:than|as)\s+(?:(?:first|originally|initially|previously|earlier|already|widely)\s+)?$",
                              re.IGNORECASE)


def extract_quotes(doc: "Doc") -> list[Attribution]:
    """Direct quotes, reported speech and ``according to`` attributions of one parsed document."""
    ex = _Extractor(doc)
    text = ex.text  # (``doc.text`` is rebuilt from the tokens on every access)
    return [_before_speaker(text, a) for a in (_within_paragraph(text, _without_dateline(text, a)) for a in ex.build())
            if a is not None]


# a clause's last words after a comma, lower-case words that may name a role ("chief financial officer")
_DESCRIPTOR_TAIL = re.compile(r",\s+((?:[a-z][\w'’-]*\s+){0,4}([a-z][\w'’-]*))\s*$")


def _before_speaker(text: str, a: Attribution) -> Attribution:
    """Reported speech ends before its speaker: in "... carrying a satellite into orbit, launch company Stellarline
    said" the speaker is "launch company Stellarline", and "launch company" is no part of what was said (a
    descriptor without an article the parse left in the clause). So does a descriptor the parse set beside the
    clause's last noun ("... will cost about 3 billion crowns, chief financial officer Piet Alvers said": the
    officer is the speaker's title, not the crowns')."""
    if (a.kind != "direct" and a.speaker_start is not None and a.content_start < a.content_end <= a.speaker_start
            and not text[a.content_end:a.speaker_start].strip()):
        tail = _DESCRIPTOR_TAIL.search(text, a.content_start, a.content_end)
        if tail and tail.group(2).lower() in PERSON_ROLE_NOUNS | ORG_NOUNS and tail.start() > a.content_start:
            a.speaker_start = tail.start(1)
            a.content_end = tail.start()
            a.content_parts = [(s, min(e, tail.start())) for s, e in a.content_parts if s < tail.start()] or [
                (a.content_start, tail.start())]
        return a
    if (a.kind == "direct" or a.speaker_start is None or not a.content_start < a.speaker_start < a.content_end
            or a.content_end > a.speaker_end):
        return a  # (a content that runs on past its speaker is another parse's matter)
    end = a.speaker_start
    while end > a.content_start and (text[end - 1].isspace() or text[end - 1] in ",;:-–—"):
        end -= 1
    if end <= a.content_start:
        return a
    a.content_end = end
    a.content_parts = [(s, min(e, end)) for s, e in a.content_parts if s < end] or [(a.content_start, end)]
    return a


_NAME_AFTER_DATELINE = re.compile(r"((?:[A-Z][\w.'’-]*\s+){0,4}[A-Z][\w.'’-]*)")


def _without_dateline(text: str, a: Attribution) -> Attribution:
    """Reported speech that starts an article's first sentence starts after its dateline: in "LONDON,
    March 10 (Wire) - Prices rose, officials said" the officials said that prices rose, not the dateline.
    Nor is a dateline the speaker ("PALM BEACH, Fla. — President Varga began the talks by saying ..." is
    President Varga's)."""
    if a.speaker_start is not None:
        end = dateline_end(text, text.rfind("\n", 0, a.speaker_start) + 1)
        if end is not None and a.speaker_start < end:
            m = _NAME_AFTER_DATELINE.match(text, end)
            if m and m.end(1) <= (a.cue_start if a.cue_start is not None else a.content_start):
                a.speaker_start, a.speaker_end = m.span(1)
                a.speaker_head, a.speaker_resolved = m.group(1).split()[-1], None
            else:
                a.speaker_start = a.speaker_end = a.speaker_head = a.speaker_resolved = None
    if a.kind == "direct" or a.content_start != text.rfind("\n", 0, a.content_start) + 1:
        return a  # only content that begins a paragraph can begin with a dateline
    end = dateline_end(text, a.content_start)
    if end is None or end >= a.content_end:
        return a
    a.content_start = end
    a.content_parts = [(max(s, end), e) for s, e in a.content_parts if e > end] or [(end, a.content_end)]
    return a


_SUBJECT_BEFORE_CUE = re.compile(
    r"((?:[Tt]he\s+)?[A-Z][\w.'’&-]*(?:\s+(?:[A-Z][\w.'’&-]*|of|for|and|the)){0,6})"
    r"(?:\s+(?:has|have|had|also|later|earlier|previously|has\s+also|had\s+also))*\s*$")


def _speaker_in_paragraph(text: str, a: Attribution, para_start: int) -> None:
    m = _SUBJECT_BEFORE_CUE.fullmatch(text, para_start, a.cue_start)
    if m and m.group(1)[-1:].isalnum():
        a.speaker_start, a.speaker_end = m.start(1), m.end(1)
        a.speaker_head = m.group(1).split()[-1]
        a.speaker_resolved = None
    else:
        a.speaker_start = a.speaker_end = a.speaker_head = a.speaker_resolved = None


def _within_paragraph(text: str, a: Attribution) -> Attribution | None:
    """Reported speech never runs over a paragraph break: a span that does (a quote closed at the end of one
    paragraph taken up by the next paragraph's cue) is cut back to the paragraph that holds the cue. Direct
    quotes may run on (a paragraph left open and reopened), so they are left alone."""
    if a.kind == "direct" or a.cue_start is None:
        return a
    para_start = text.rfind("\n", 0, a.cue_start) + 1
    para_end = text.find("\n", a.cue_start)
    para_end = len(text) if para_end == -1 else para_end
    if a.speaker_start is not None and (a.speaker_start < para_start or a.speaker_end > para_end):
        # nor does its speaker: a parse that ran two paragraphs together ("... with the U.S.\n\nThe White
        # House has said ...") took the previous paragraph's subject. The speaker is then the name right
        # before the cue in the cue's own paragraph, if that is all there is.
        _speaker_in_paragraph(text, a, para_start)
    breaks = [m.end() for m in re.finditer(r"\n\s*\n", text[a.content_start:a.content_end])]
    if not breaks:
        return a
    start, end = max(a.content_start, para_start), min(a.content_end, para_end)
    if a.cue_end is not None and start <= a.cue_start and a.cue_end < end:
        start = a.cue_end  # "X confirmed that Y": what was said follows the cue
        m = re.match(r"\s*(?:that\s+)?", text[start:end])
        start += m.end() if m else 0
    if end - start < 3:
        return None
    a.content_start, a.content_end = start, end
    a.content_parts = [(max(s, start), min(e, end)) for s, e in a.content_parts if min(e, end) > max(s, start)] or [(start, end)]
    return a
