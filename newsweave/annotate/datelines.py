"""Wire datelines: "PHOENIX _", "LONDON (Reuters) -", "STRAVENIK, March 10 (Kestpress) -", "GENEVA, 4 May -".

A dateline says where (and when) a report was filed; it is not part of the first sentence's statement.
"""

from __future__ import annotations

import re

# A place in capitals, optionally a comma and a date, optionally an (agency), then a dash; what follows
# must start the report.
DATELINE = re.compile(r"[A-Z][A-Z .,'’-]{1,40}"
                      r"(?:(?<=,)\s*(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}|\d{1,2}\s+[A-Z][a-z]{2,8}\.?)(?:,\s*\d{4})?\s*)?"
                      r"(?:\([^)]{1,30}\))?\s*(?:_|--|—|–|-)\s+(?=\S)")


def dateline_end(text: str, start: int = 0) -> int | None:
    """Where a dateline that begins at ``start`` ends (the report's first character), or None."""
    m = DATELINE.match(text, start)
    return m.end() if m else None
