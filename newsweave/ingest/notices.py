"""Web-page notices: the text a scraper gets instead of an article, or around it.

Cookie and JavaScript walls, paywalls and log-in walls, sign-up and e-mail verification prompts, the help
text of social-media widgets, web-archive crawl notes, video-player messages, comment forms and error pages.
They come from how web pages are built, never from a story, so the rules hold for any outlet and any news.

Two uses:
- :func:`notice_line` says whether one line of a page is such a notice, so that ingest removes it as site
  furniture. Only notices that address the reader ("please enable cookies", "you must log in") count here:
  a line that merely mentions the Internet Archive may be news.
- :func:`notice_page` says whether a whole input is notices and (almost) nothing else, so that ingest skips
  it with that reason instead of briefing a cookie wall as a report.
"""

from __future__ import annotations

import re

_I = re.IGNORECASE

# (kind, pattern, addresses the reader). Patterns are searched within one sentence.
_RULES: list[tuple[str, re.Pattern[str], bool]] = [
    ("cookie notice", re.compile(
        r"^\W*(?:please\s+)?(?:enable|allow|accept)\b[^.!?]{0,30}\bcookies\b"
        r"|\b(?:please|you (?:must|need to|should|have to))\b[^.!?]{0,20}\b(?:enable|allow|accept)\b[^.!?]{0,30}\bcookies\b"
        r"|\b(?:we|this (?:site|website)|our (?:site|website)s?)\b[^.!?]{0,40}\buses? cookies\b"
        r"|\b(?:our|see|read) cookies? (?:policy|settings|preferences|notice)\b|\b(?:our|agree to the) use of cookies\b", _I), True),
    ("video-player message", re.compile(
        r"\bvideo has been rented\b|\bthis feature is not available right now\b|\btranscript could not be loaded\b"
        r"|\b(?:enable javascript|flash player)\b[^.!?]{0,20}\b(?:watch|view|play) this video\b", _I), True),
    ("JavaScript or browser notice", re.compile(
        r"\bjavascript\b[^.!?]{0,40}\b(?:disabled|required|turned off|not enabled)\b"
        r"|\b(?:enable|turn on|activate)\b[^.!?]{0,20}\bjavascript\b"
        r"|\b(?:update|upgrade)\b[^.!?]{0,20}\byour (?:web )?browser\b"
        r"|\byour (?:web )?browser (?:is not|isn't|does not|doesn't|is out of date)\b|\bsupported browser\b"
        r"|\b(?:disable|turn off|whitelist|pause) (?:your |the )?ad ?blocker\b|\busing an ad ?blocker\b", _I), True),
    ("paywall", re.compile(
        r"\b(?:purchase|buy|start) a subscription\b|\bsubscription is required\b"
        r"|\b(?:subscribe|log in|sign in|register)(?: now| today)? to (?:continue|keep) reading\b|\bto continue reading\b"
        r"|\balready a subscriber\b|\bfree articles? (?:left|remaining|this month)\b"
        r"|\bfor your personal,? non-?commercial use only\b", _I), True),
    ("log-in wall", re.compile(
        r"\byou must (?:be )?(?:log(?:ged)?|sign(?:ed)?) ?in\b|\b(?:log|sign) ?in to (?:continue|comment|view)\b", _I), True),
    ("sign-up or verification prompt", re.compile(
        r"\bverification (?:e-?mail|link|message)\b|\b(?:check|confirm) your e-?mail\b"
        r"|\bactivate your (?:[\w.-]+ )?(?:profile|account)\b|\bspam (?:or|and) junk\b"
        r"|\b(?:subscribe to|sign up (?:for|to receive)) (?:our|the)\b[^.!?]{0,40}\bnewsletters?\b", _I), True),
    ("social-media widget text", re.compile(
        r"\btweet with a location\b|\blocation information to your tweets\b|\btweet location history\b"
        r"|\btweets may be archived\b|\badd a location to your tweets\b|\bproceed to legacy twitter\b", _I), True),
    ("comment-form text", re.compile(
        r"\bappear next to (?:all )?(?:of )?your comments\b|\bwill not appear anywhere on\b", _I), True),
    ("web-archive notice", re.compile(
        r"\binternet archive\b|\bwayback machine\b|\bweb ?crawls?\b|\bcrawl data\b|\b(?:these|focused|this) crawls?\b"
        r"|\bcrawl (?:start|end) date\b|\bseed ?list\b|\barchive-it\b|\bweb captures?\b", _I), False),
    ("error or legal page", re.compile(
        r"\blegal help page\b|\brequest content changes\b|\bterms of service violations\b"
        r"|\bpage (?:you requested|cannot be found|could not be found|not found)\b|\baccess (?:is )?denied\b"
        r"|\bare you a (?:human|robot)\b|\bcaptcha\b|\bplease try again later\b|\bsomething went wrong\b"
        r"|\b(?:see|read|review|agree to|accept) (?:our|the) (?:privacy policy|terms of (?:service|use))\b", _I), False),
]

# Sentences of scraped text: end punctuation before a capital or a quote, or a line break.
_SENTENCES = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"'“])|\n+")
# A notice sentence counts as notice up to this many words past the notice's words: in run-on text with no
# sentence breaks, a notice and the article's first sentence can look like one sentence ("enable JavaScript to
# watch this video two parents are being held ..."), and the article part must not count as notice.
NOTICE_TAIL_WORDS = 15
# A page is a notice page when notices make up at least this share of its words.
NOTICE_PAGE_SHARE = 0.6


def _notice(sentence: str, *, addressed_only: bool = False) -> tuple[str, int] | None:
    """The kind of web-page notice one sentence is, and where in it the notice's words end."""
    for kind, pattern, addressed in _RULES:
        if addressed or not addressed_only:
            m = pattern.search(sentence)
            if m:
                return kind, m.end()
    return None


def notice_kind(sentence: str, *, addressed_only: bool = False) -> str | None:
    """The kind of web-page notice one sentence is, or None."""
    found = _notice(sentence, addressed_only=addressed_only)
    return found[0] if found else None


def _sentences(text: str) -> list[str]:
    return [s.strip() for s in _SENTENCES.split(text) if s.strip()]


def notice_line(line: str) -> str | None:
    """The notice kind of a line in which every sentence is a notice that addresses the reader, or None."""
    sentences = _sentences(line)
    if not sentences or len(line.split()) > 80:
        return None
    kinds = [notice_kind(s, addressed_only=True) for s in sentences]
    return kinds[0] if all(kinds) else None


def notice_page(text: str) -> str | None:
    """Why a whole text is no article but web-page notices, or None when it has article text. The reason
    names the kinds and how many of the words are notices."""
    total = notice_words = 0
    kinds: list[str] = []
    for sentence in _sentences(text):
        n = len(sentence.split())
        total += n
        found = _notice(sentence)
        if found:
            kind, end = found
            notice_words += min(n, len(sentence[:end].split()) + NOTICE_TAIL_WORDS)
            if kind not in kinds:
                kinds.append(kind)
    if not total or notice_words < NOTICE_PAGE_SHARE * total:
        return None
    return f"not an article: web-page notices only ({'; '.join(kinds)}: {notice_words} of {total} words)"
