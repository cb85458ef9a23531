"""Site furniture: the lines of a scraped page that are not the article.

Each rule looks at one line (and, for captions and embedded posts, its neighbours) and says why it is
furniture, or nothing. The rules are about how news sites are built (related-story blocks, share and
comment prompts, calls to action, copyright footers, staff credits, photo credits, embedded social posts, menus
flattened into a line), never about one story.
"""

from __future__ import annotations

import re

from newsweave.ingest.notices import notice_line

_I = re.IGNORECASE

# Whole-line patterns, checked on the stripped line. Order matters only for the reason reported.
_LINE_RULES: list[tuple[str, re.Pattern[str]]] = [
    ("read-more link", re.compile(r"^(?:read (?:more|also|next)|also read|see also|more on this|more:)\b.*$", _I)),
    (
        "related / most-read block",
        re.compile(
            r"^(?:related(?: (?:articles?|stories|posts|content|coverage|news|topics|links|reading))?"
            r"|more (?:from|stories|news|on|in)\b.{0,60}|most (?:read|popular|viewed|shared|watched)(?: .{0,20})?"
            r"|trending(?: now| stories)?|recommended(?: for you| stories| reading)?|top stories|latest(?: news| stories)?"
            r"|you (?:may|might) (?:also )?(?:like|be interested in).{0,40}|editor'?s picks|further reading"
            r"|what to read next|don'?t miss|popular (?:now|stories)|in (?:other|related) news|recommended videos?"
            r"|more videos?|up next|watch next)\s*:?$",
            _I,
        ),
    ),
    (
        "share prompt",
        re.compile(
            r"^(?:share(?: this| the)?(?: article| story| page| post)?(?: on| via| with)?(?: \w+)?"
            r"|share (?:this|the) (?:article|story|page|post) with (?:(?:your |a )?friends?(?: and family)?|others)"
            r"|like us on (?:facebook|instagram)|tweet(?: this)?|e-?mail(?: this)?"
            r"|print(?: this)?(?: article| page)?|copy link|(?:share on )?(?:facebook|twitter|x|whatsapp|linkedin|reddit|telegram|pinterest)"
            r"|follow us(?: on .{0,40})?|subscribe(?: now| to .{0,60})?|sign up(?: for| to) .{0,80}|click here.{0,80}"
            r"|download (?:our|the) app.{0,40}|listen to (?:this )?(?:article|story)|save(?: article)?|bookmark)\s*[.!:]?$",
            _I,
        ),
    ),
    (
        "comment prompt",
        re.compile(
            r"^(?:discuss this (?:article|story)|discussion about this (?:post|article|story)|comments?(?: \(\d+\))?"
            r"|\d+ comments?|leave a (?:comment|reply)|join the (?:conversation|discussion|debate)|show comments"
            r"|(?:add|post|view|read) (?:a |all )?comments?|reply|have your say|what do you think\??)\s*:?$",
            _I,
        ),
    ),
    (
        "advertisement",
        re.compile(
            r"^(?:advertisement|advert|sponsored(?: content)?|ad|skip (?:to|ad).{0,30}|loading\W*|story continues below.{0,30}"
            r"|article continues (?:below|after).{0,30}|scroll to continue.{0,30})\s*$",
            _I,
        ),
    ),
    ("copyright line", re.compile(r"^(?:copyright\b|©|\(c\)\s*\d{4}).*$|.*\ball rights reserved\b.*", _I)),
    ("source credit", re.compile(r"^(?:source|sources|via)\s*:\s*\S.{0,60}$", _I)),
    ("outlet credit", re.compile(r"^(?:other|more) (?:reports|stories|articles|news) (?:by|from)\s+\S.{0,60}$", _I)),
    (
        "photo credit",
        re.compile(
            r"^(?:(?:photo|photograph|image|picture|video|file photo|credit|illustration)s?\s*(?:credit)?\s*:\s*.{1,100}"
            r"|\(?(?:photo|image)s?\s*(?:by|:)\s*.{1,80}\)?|.{0,60}\b(?:getty images|shutterstock|afp via getty images)\s*\)?"
            r"|[A-Z][\w.'’-]+(?: [A-Z][\w.'’-]+){0,3}\s*/\s*[A-Z][\w&.'’-]*(?: [A-Z][\w&.'’-]*){0,3})$",
        ),
    ),
    (
        "photo caption",
        # A caption ending in a bracketed credit: "... [Agency/Handout via Reuters]" or "(Photo: X)".
        re.compile(r"^.{20,}\s[\[(](?:[^\])]*(?:/|\bvia\b|\bphoto\b|\bimage\b|getty|handout|file)[^\])]*)[\])]\s*$", _I),
    ),
]

# The last line of an embedded post: "— Name (@handle) November 13, 2020".
_SOCIAL_SIGNATURE = re.compile(r"^[—–-]{1,2}\s*.{1,80}?\(@\w{1,30}\)\s+\w+\.? \d{1,2},? \d{4}\s*$")
# ... or the end of the post's own line, when the page's text puts the two on one line ("Gas prices fell
# again. -- A. Writer (@awriter) July 6, 2022")
_SOCIAL_SIGNATURE_AT_END = re.compile(r"(?:^|\s)[—–-]{1,2}\s*[^—–\n]{1,80}?\(@\w{1,30}\)\s+\w+\.? \d{1,2},? \d{4}\s*$")
# A staff credit: "Edited by A. Writer (@awriter) in London and B. Editor in Paris.", "(Reporting by A. Writer;
# Editing by B. Editor)", "Curated by A. Writer in New York. (Feedback or tips? Email ...)"
_CREDIT_NAME = (r"(?-i:[A-Z])[\w.'’-]*(?:\s+(?-i:[A-Z])[\w.'’-]*){0,3}(?:\s*\(@\w+\))?"
                r"(?:\s+in\s+(?-i:[A-Z])[\w.'’-]*(?:\s+(?-i:[A-Z])[\w.'’-]*){0,2})?")
_STAFF_CREDIT = re.compile(
    rf"^\(?(?:curated|edited|compiled|produced|written|reported|reporting|editing|additional reporting)"
    rf"(?:\s+and\s+(?:edited|written|compiled|produced))?\s+by\s+{_CREDIT_NAME}"
    rf"(?:\s*(?:,|;|and)\s*(?:(?:editing|edited|reporting|writing)\s+by\s+)?{_CREDIT_NAME})*"
    rf"\s*[.)]*(?:\s*\([^()]{{0,100}}\))?\.?\s*$",
    _I,
)
# A page's option list or menu flattened into one line: many capitalised names, no sentence ("Country ...
# Latvia Lebanon, Lebanese Republic Lesotho, Kingdom of ...").
MENU_MIN_WORDS = 40
MENU_CAPITALISED_SHARE = 0.7
_PROSE_SENTENCE_END = re.compile(r"(?:[a-z]{2,}|\d)[.!?]['\"’”)]*(?:\s|$)")
_SOCIAL_MARKERS = re.compile(r"pic\.twitter\.com/|https?://t\.co/|(?:^|\s)#\w{2,}|(?:^|\s)@\w{2,}|instagram\.com/p/")

# A call to action: "If this was forwarded to you, sign up here.", "Download Insider's app here.", "Listen here."
# A line is one when each of its sentences is one.
_CALL_TO_ACTION = re.compile(
    r"^(?:if\b[^,]{1,60},\s*)?(?:please\s+)?(?:sign up|subscribe|download|listen|watch|read|click|tap|register|"
    r"learn more|find out more)\b.{0,60}?\bhere\s*[.!]?$", _I)
_LINE_SENTENCES = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"“])")

# Outlet names stated by furniture lines.
_OUTLET_PATTERNS = [
    re.compile(r"^(?:copyright|©)\s*(?:\(c\)\s*)?(?:©\s*)?(?:\d{4}(?:\s*[-–]\s*\d{4})?\s*,?\s*)?(?P<name>[^.,|;]{2,60}?)\s*(?:[.,|;]|\ball rights\b|$)", _I),
    re.compile(r"^\(c\)\s*\d{4}\s*(?P<name>[^.,|;]{2,60}?)\s*(?:[.,|;]|$)", _I),
    re.compile(r"^(?:other|more) (?:reports|stories|articles|news) (?:by|from)\s+(?P<name>.{2,60}?)\s*\.?$", _I),
    re.compile(r"^(?:source|sources)\s*:\s*(?P<name>.{2,60}?)\s*\.?$", _I),
]
# A wire credit in the lede: "MOSCOW (Reuters) - ..." or "WASHINGTON (AP) — ...".
_WIRE_CREDIT = re.compile(r"^[A-Z][A-Za-z0-9 .,'’-]{1,60}?\s*\((?P<name>[A-Z][\w&. '’-]{1,40})\)\s*[-—–]\s")


# An outlet's note on its own text: what an earlier version said, or why the text was changed. Not part of the
# report's statements (a summary must not state "An earlier version of this article said the deal was worth
# 2.1 billion euros"), but a reader of the briefing needs to see it: it is kept apart as CORRECTION_NOTE.
CORRECTION_NOTE = "correction note"
_CORRECTION = re.compile(
    r"^\W*(?:corrections?|clarifications?|editor['’]?s['’]? note|correction appended|update[ds]?\s+(?:and\s+)?corrections?)\s*[:.\-—–]"
    r"|\b(?:an|the)\s+(?:earlier|previous|original)\s+version\s+of\s+this\s+(?:article|story|report|piece|post)\b"
    r"|^\W*this\s+(?:article|story|report|piece)\s+(?:has\s+been|was)\s+(?:corrected|amended|updated\s+to\s+correct)\b", _I)


def classify_line(line: str) -> str | None:
    """Why a single line is furniture, or None. Long prose lines are never furniture."""
    s = line.strip()
    if not s:
        return None
    if _CORRECTION.search(s) and len(s.split()) <= 80:
        return CORRECTION_NOTE
    if _STAFF_CREDIT.match(s) and len(s.split()) <= 40:
        return "staff credit"
    if _menu_line(s):
        return "menu or option list"
    if len(s.split()) <= 24 and all(_CALL_TO_ACTION.match(x) for x in _LINE_SENTENCES.split(s)):
        return "call to action"
    for reason, pattern in _LINE_RULES:
        if reason == "photo caption":
            if pattern.match(s):
                return reason
            continue
        # Furniture lines are short; a long line that merely starts like one ("Related to this, ...") is prose,
        # except read-more links, which carry a whole headline.
        if len(s.split()) > (30 if reason in ("read-more link", "copyright line") else 12):
            continue
        if pattern.match(s):
            return reason
    return notice_line(s)


def _menu_line(s: str) -> bool:
    if s.count(" ") < MENU_MIN_WORDS - 1:
        return False  # (most lines: no need to find their words)
    words = re.findall(r"[^\W\d_][\w'’-]*", s)
    if len(words) < MENU_MIN_WORDS or _PROSE_SENTENCE_END.search(s):
        return False
    return sum(w[0].isupper() for w in words) >= MENU_CAPITALISED_SHARE * len(words)


def outlet_from_line(line: str) -> str | None:
    """The outlet a furniture line names ("Copyright 2020 NPR." -> "NPR"), if any."""
    s = line.strip()
    for pattern in _OUTLET_PATTERNS:
        m = pattern.match(s)
        if m:
            name = _clean_name(m.group("name"))
            if name and not re.fullmatch(r"[\d\s]+|all rights reserved", name, _I):
                return name
    return None


def wire_credit(first_paragraph: str) -> str | None:
    m = _WIRE_CREDIT.match(first_paragraph.strip())
    return _clean_name(m.group("name")) if m else None


def _clean_name(name: str) -> str | None:
    name = re.sub(r"\s+", " ", name).strip(" .,:;-—–'\"“”")
    name = re.sub(r"^by\s+", "", name, flags=_I)
    return name or None


def find_furniture(lines: list[str]) -> dict[int, str]:
    """Map line index -> reason for every furniture line of a body, using neighbours where needed.

    ``lines`` are the body's lines (blank lines included, as they separate paragraphs).
    """
    marks: dict[int, str] = {}
    for i, line in enumerate(lines):
        reason = classify_line(line)
        if reason:
            marks[i] = reason
    _mark_embedded_posts(lines, marks)
    _mark_captions_before_credits(lines, marks)
    _mark_repeated_captions(lines, marks)
    _mark_trailing_block(lines, marks)
    return marks


def _nonblank_before(lines: list[str], i: int) -> int | None:
    j = i - 1
    while j >= 0 and not lines[j].strip():
        j -= 1
    return j if j >= 0 else None


def _mark_embedded_posts(lines: list[str], marks: dict[int, str]) -> None:
    """An embedded post ends with its signature line; the lines just above it that carry hashtags,
    handles or short links belong to it too."""
    for i, line in enumerate(lines):
        s = line.strip()
        # (a post is short: a long paragraph that ends so is prose the page ran into the post)
        if not (_SOCIAL_SIGNATURE.match(s) or len(s.split()) <= 70 and _SOCIAL_SIGNATURE_AT_END.search(s)):
            continue
        marks[i] = "embedded social post"
        j = _nonblank_before(lines, i)
        taken = 0
        while j is not None and taken < 4 and j not in marks and _SOCIAL_MARKERS.search(lines[j]):
            marks[j] = "embedded social post"
            taken += 1
            j = _nonblank_before(lines, j)
    for i, line in enumerate(lines):  # a lone line that is only a media link
        if i not in marks and re.fullmatch(r"\s*(?:pic\.twitter\.com/\S+|https?://t\.co/\S+)\s*", line):
            marks[i] = "embedded social post"


def _mark_captions_before_credits(lines: list[str], marks: dict[int, str]) -> None:
    """A paragraph that sits directly on top of a photo-credit line (no blank line between) is its caption."""
    for i, reason in list(marks.items()):
        if reason != "photo credit" or i == 0:
            continue
        j = i - 1
        if lines[j].strip() and j not in marks and len(lines[j].split()) <= 80:
            marks[j] = "photo caption"


def _mark_repeated_captions(lines: list[str], marks: dict[int, str]) -> None:
    """The same line twice in a row is a caption (or teaser) the page printed twice."""
    prev_i: int | None = None
    for i, line in enumerate(lines):
        if not line.strip():
            continue
        if prev_i is not None and line.strip() == lines[prev_i].strip() and len(line.split()) >= 4:
            marks.setdefault(prev_i, "repeated line (photo caption)")
            marks.setdefault(i, "repeated line (photo caption)")
        prev_i = i


_SENTENCE_END = re.compile(r"[.!?…]['\"’”)\]]*$")


def _mark_trailing_block(lines: list[str], marks: dict[int, str]) -> None:
    """After the last prose paragraph, short unpunctuated lines are navigation left over from the page
    ("More from News", section names). Only applies at the very end, behind a line already known as furniture."""
    idx = [i for i, line in enumerate(lines) if line.strip()]
    if not idx:
        return
    tail: list[int] = []
    for i in reversed(idx):
        s = lines[i].strip()
        if i in marks:
            tail.append(i)
            continue
        if len(s.split()) <= 6 and not _SENTENCE_END.search(s):
            tail.append(i)
            continue
        break
    if any(i in marks for i in tail):
        for i in tail:
            marks.setdefault(i, "trailing site navigation")
