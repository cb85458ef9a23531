"""PDF and Word documents as inputs: their text in paragraphs, their own title, author and date where the text gives
none, and a damaged, encrypted or scanned one skipped with its reason (a story we wrote)."""

from __future__ import annotations

import datetime as dt

import pytest

from newsweave.ingest import ingest
from newsweave.ingest.documents import _paragraphs

LINES = [
    "BRENN, March 16 (Coast Wire) - Thieves stole six pieces of jewellery from the",
    "Orla Museum in Brenn on Sunday, in a raid that lasted five minutes, police",
    "said.",
    "The museum, which opened in 1911, will stay closed until Wednesday, the",
    "city said. Its director called the theft a shock to the whole town and its",
    "visitors.",
    "",
    "Police are looking for three men.",
]


def make_pdf(lines, title=None, author=None, created=None) -> bytes:
    """A one-page PDF whose text is ``lines`` (one PDF text line each; "" leaves a gap), in Helvetica."""
    def esc(t):
        return t.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
    ops = ["BT", "/F1 11 Tf", "14 TL", "72 760 Td"]
    for line in lines:
        ops.append(f"({esc(line)}) Tj T*" if line else "T*")
    ops.append("ET")
    stream = "\n".join(ops).encode("latin-1")
    objs = [b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
            b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
            b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"]
    info = []
    if title:
        info.append(b"/Title (" + esc(title).encode("latin-1") + b")")
    if author:
        info.append(b"/Author (" + esc(author).encode("latin-1") + b")")
    if created:
        info.append(b"/CreationDate (D:" + created.encode() + b")")
    objs.append(b"<< " + b" ".join(info) + b" >>")
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for i, o in enumerate(objs, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + o + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)
    for off in offsets:
        out += b"%010d 00000 n \n" % off
    out += b"trailer\n<< /Size %d /Root 1 0 R /Info %d 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, len(objs), xref)
    return bytes(out)


def _docx(path, title=None):
    import docx

    d = docx.Document()
    if title:
        d.core_properties.title = title
    d.core_properties.author = "Anna Kessler"
    d.core_properties.created = dt.datetime(2026, 3, 16, 9, 0)
    d.add_paragraph("Thieves take jewels from Orla Museum", style="Title")
    d.add_paragraph("Thieves stole six pieces of jewellery from the Orla Museum in Brenn on Sunday, police said.")
    d.add_paragraph("")
    d.add_paragraph("The museum will stay closed until Wednesday.")
    d.save(path)


def test_a_pdf_is_read_in_paragraphs_with_its_own_title_author_and_date(tmp_path):
    (tmp_path / "report.pdf").write_bytes(make_pdf(LINES, title="Thieves take jewels from Orla Museum",
                                                   author="Anna Kessler", created="20260316090000"))
    result = ingest([str(tmp_path / "report.pdf")])
    assert not result.skipped, result.skipped
    (a,) = result.articles
    assert (a.title, a.byline, a.published, a.outlet) == ("Thieves take jewels from Orla Museum", "Anna Kessler",
                                                            "2026-03-16", "Coast Wire")
    assert a.text.split("\n\n") == [
        "BRENN, March 16 (Coast Wire) - Thieves stole six pieces of jewellery from the Orla Museum in Brenn on Sunday, "
        "in a raid that lasted five minutes, police said.",
        "The museum, which opened in 1911, will stay closed until Wednesday, the city said. Its director called the "
        "theft a shock to the whole town and its visitors.",
        "Police are looking for three men."]


def test_a_word_broken_across_lines_is_mended():
    assert _paragraphs("The agency re-\nported the theft on Sunday, police in the town of Brenn said\nlate.") == (
        "The agency reported the theft on Sunday, police in the town of Brenn said late.")


def test_a_word_document_is_read_with_its_headline_and_properties(tmp_path):
    _docx(tmp_path / "story.docx")
    (a,) = ingest([str(tmp_path / "story.docx")]).articles
    assert (a.title, a.byline, a.published) == ("Thieves take jewels from Orla Museum", "Anna Kessler", "2026-03-16")
    assert a.text == ("Thieves stole six pieces of jewellery from the Orla Museum in Brenn on Sunday, police said.\n\n"
                      "The museum will stay closed until Wednesday.")


@pytest.mark.parametrize("name, data, reason", [
    ("damaged.pdf", b"%PDF-1.4\nnot really a pdf", "not a readable PDF"),
    ("damaged.docx", b"PK\x03\x04garbage", "not a readable Word document"),
    ("scanned.pdf", None, "no text in it"),
])
def test_a_document_that_cannot_be_read_is_skipped_with_its_reason_and_the_batch_goes_on(tmp_path, name, data, reason):
    (tmp_path / name).write_bytes(make_pdf([]) if data is None else data)
    _docx(tmp_path / "good.docx", title="Thieves take jewels from Orla Museum")
    result = ingest([str(tmp_path)])
    assert [a.id for a in result.articles] == ["good"]
    (skipped,) = result.skipped
    assert skipped.source.endswith(name) and reason in skipped.reason, skipped


def test_a_document_of_another_editor_is_skipped_with_what_to_save_it_as(tmp_path):
    (tmp_path / "story.doc").write_bytes(b"\xd0\xcf\x11\xe0 an old Word file")
    (skipped,) = ingest([str(tmp_path)]).skipped
    assert skipped.reason == "unsupported file type '.doc': save it as .docx, PDF or plain text"
