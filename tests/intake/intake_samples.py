"""A minimal one-page PDF with a text layer, written by hand for tests."""

from __future__ import annotations


def tiny_pdf(text: str) -> bytes:
    """A valid PDF whose single page shows `text` (ASCII, no parentheses) in Helvetica."""
    stream = f"BT /F1 12 Tf 72 720 Td ({text}) Tj ET".encode("ascii")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] "
        b"/Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>",
        b"<< /Length " + str(len(stream)).encode() + b" >>\nstream\n" + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    for offset in offsets:
        out += f"{offset:010d} 00000 n \n".encode()
    trailer = f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n"
    out += trailer.encode()
    return bytes(out)


ARTICLE_PARAGRAPHS = [
    "The harbour authority voted on Monday to reopen the northern container terminal after a "
    "forty-day strike that left ships waiting at anchor and shelves half empty across the region.",
    "\u201cWe drew a line in the sand and the other side finally saw it,\u201d said Maria Alvarez, "
    "who led the dockworkers' union through weeks of talks with port managers and city officials.",
    "Park Ji-hoon, the authority's director, said the agreement raised wages by six percent over "
    "three years and added a night-shift bonus that the union had demanded since the spring.",
    "Shipping companies welcomed the vote. Several said they would move cargo back from southern "
    "ports within a week, though they warned that clearing the backlog could take until summer.",
]

ARTICLE_HTML = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>Port strike ends after forty days | Harbour Gazette</title>
<meta property="og:title" content="Port strike ends after forty days">
<meta property="og:site_name" content="Harbour Gazette">
<meta name="author" content="Lena Okafor">
<meta property="article:published_time" content="2024-03-11T08:00:00Z">
<link rel="canonical" href="https://news.test.example/2024/03/port-strike-ends">
</head><body>
<nav><a href="/">Home</a> <a href="/world">World</a> <a href="/sport">Sport</a></nav>
<div class="ad">Advertisement: buy the best boats at Boat World today</div>
<article><h1>Port strike ends after forty days</h1>
<p class="byline">By Lena Okafor</p>
{paragraphs}
</article>
<section class="comments"><h3>Comments</h3>
<div class="comment"><p>First! This port is always on strike, what a disgrace honestly.</p></div>
</section>
<footer><p>Copyright 2024 Harbour Gazette. All rights reserved.</p></footer>
</body></html>"""


def article_html(paragraphs: list[str] | None = None) -> str:
    """The sample article page, optionally with other paragraphs."""
    body = "\n".join(f"<p>{p}</p>" for p in (paragraphs or ARTICLE_PARAGRAPHS))
    return ARTICLE_HTML.replace("{paragraphs}", body)
