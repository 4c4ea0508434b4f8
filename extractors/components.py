"""spaCy components the extractors rely on."""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc


@Language.component("line_breaks_as_sentences")
def line_breaks_as_sentences(doc: Doc) -> Doc:
    """A line break ends a sentence: scraped pages are headings, list items and
    paragraphs, and the statistical sentence splitter glues them together. Runs before
    the senter/parser, which keep boundaries already set."""
    for i, token in enumerate(doc[:-1]):
        if token.is_space and "\n" in token.text:
            doc[i + 1].is_sent_start = True
    return doc
