"""spaCy components the extractors rely on."""
from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc


_FOOTNOTE = re.compile(r"[.!?]\[\d{1,3}$")  # tokens before the ']' of 'then.[49] The'


@Language.component("line_breaks_as_sentences")
def line_breaks_as_sentences(doc: Doc) -> Doc:
    """A line break ends a sentence: scraped pages are headings, list items and
    paragraphs, and the statistical sentence splitter glues them together. Runs before
    the senter/parser, which keep boundaries already set. A sentence also ends after a
    footnote mark that follows its full stop (Wikipedia scrapes: 'then.[49] The')."""
    words = [t.text for t in doc]
    for i, word in enumerate(words[:-1]):
        if "\n" in word and word.isspace():
            doc[i + 1].is_sent_start = True
        elif word == "]" and words[i + 1][:1].isupper() and _FOOTNOTE.search("".join(words[max(0, i - 3):i])):
            doc[i + 1].is_sent_start = True  # '... since then.[49] The link with Jena': a footnote mark
    return doc
