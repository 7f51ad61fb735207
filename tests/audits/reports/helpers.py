"""Reading a report's PDF as a reader would: its text, page by page."""

import io
import re

from pypdf import PdfReader


def pdf_text(content: bytes) -> str:
    """The PDF's text with runs of whitespace made one space (lines wrap where the layout says)."""
    reader = PdfReader(io.BytesIO(content))
    return re.sub(r"\s+", " ", " ".join(page.extract_text() for page in reader.pages))


def pdf_pages(content: bytes) -> int:
    return len(PdfReader(io.BytesIO(content)).pages)
