"""Wire datelines: "PHOENIX _", "LONDON (Reuters) -", "STRAVENIK, March 10 (Kestpress) -", "GENEVA, 4 May -".

A dateline says where (and when) a report was filed; it is not part of the first sentence's statement.
"""

from __future__ import annotations

import re

# A place in capitals (and an abbreviated state), optionally a comma and a date, optionally an (agency), then a dash; what follows
# must start the report.
_MONTH = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|"
          r"Nov(?:ember)?|Dec(?:ember)?)\.?")
DATELINE = re.compile(rf"(?:{_MONTH}\s+\d{{1,2}}(?:,\s*\d{{4}})?\s*(?=\()|"  # "April 29 (UPI) —": a date alone, with its agency
                      r"[A-Z][A-Z .,'’-]{1,40}"
                      # an abbreviated US state or region after the place: "PALM BEACH, Fla.", "ELKO, Nev."
                      r"(?:(?<=,\s)[A-Z][a-z]{1,5}\.\s*|(?<=,)[A-Z][a-z]{1,5}\.\s*)?"
                      # or its country or region, named in full: "KYIV, Ukraine (AP) —", "MONTESOL, Calvera, Aug 9 (...) -"
                      r"(?:(?<=,\s)[A-Z][a-z]+(?:\s[A-Z][a-z]+){0,2}(?=,|\s*\(|\s*(?:_|--|—|–|-)\s),?(?:\s+(?=\())?)?"
                      r"(?:(?<=,)\s*(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}|\d{1,2}\s+[A-Z][a-z]{2,8}\.?)(?:,\s*\d{4})?\s*)?"
                      r")(?:\([^)]{1,30}\))?\s*(?:_|--|—|–|-)\s+(?=\S)")


# A live page's entry opens on the 24-hour clock time it was posted ("16:05 Power company Nordnett says ..."): a
# label like a dateline, not part of the entry's first sentence. A chronology's "8:02 a.m. EDT -- Plane lands at
# Newark" is not one: its time is when the event happened, and stays in the sentence for the timeline.
ENTRY_TIME = re.compile(r"\d{1,2}:\d{2}(?:\s+(?:GMT|UTC|BST|CET|CEST))?\s+(?=[A-Z\"“‘])")


def dateline_end(text: str, start: int = 0) -> int | None:
    """Where a dateline (or a live entry's time label) that begins at ``start`` ends (the report's first
    character), or None."""
    m = DATELINE.match(text, start) or ENTRY_TIME.match(text, start)
    return m.end() if m else None


# The date of a dateline at the start of a paragraph ("STRAVENIK, March 10 (Kestpress) -", "June 2: ...")
# says when the report was filed, not when anything in it happened. Before the date: nothing, or a place
# in capitals and a comma; after it: an optional (agency) and a dash or colon.
_DATELINE_BEFORE = re.compile(r"(?:[A-Z][A-Z .'’-]{1,40},\s*(?:[A-Z][a-z]+(?:\s[A-Z][a-z]+){0,2},\s*)?)?")
_DATELINE_AFTER = re.compile(r"\s*(?:\([^()\n]{1,40}\)\s*)?(?:_|--|—|–|-|:)\s")


def date_dateline_end(text: str, start: int, end: int) -> int | None:
    """Where the dateline ends when ``text[start:end]``, a date, is the date of a dateline at the start of
    its paragraph (the offset of the report's first word); else None."""
    para = text.rfind("\n", 0, start) + 1
    after = _DATELINE_AFTER.match(text, end)
    return after.end() if after and _DATELINE_BEFORE.fullmatch(text, para, start) else None
