"""``filings.tokenizer.v1``: spaCy's rule tokenizer with affix rules for filing text.

Built on the English defaults (``spacy.blank("en")``), changed where filings break them:

- ``|`` (markdown and OCR table rules) is a boundary wherever it sits: ``b|c`` -> ``b``, ``|``, ``c``.
  Tabs and runs of spaces already are (spaCy emits them as whitespace tokens).
- Footnote markers glued to a value are split off as one token: ``69,672(1)`` -> ``69,672`` + ``(1)``,
  ``C^(1)`` -> ``C`` + ``^(1)``, ``5⁽¹⁾`` -> ``5`` + ``⁽¹⁾``. A free-standing ``(1)`` stays one token
  (the default prefix/suffix rules would cut it into ``(``, ``1``, ``)``).
- Checkbox marks ``_X_``, ``__X__``, ``[X]`` and a blank ``_____`` are one token each (the defaults
  give ``_``, ``X``, ``_``).
- ``$35.71`` -> ``$`` + ``35.71`` (English default), ``1,477`` and ``11/30/2006`` stay whole (default).

Everything is a regex of spaCy's ``Tokenizer``, so ``nlp.to_disk`` stores the rules
with the pipeline (``tokenizer`` file); the factory only rebuilds the same object on load.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from spacy.lang.en import English
from spacy.language import Language
from spacy.tokenizer import Tokenizer
from spacy.util import compile_infix_regex, compile_prefix_regex, compile_suffix_regex

# Footnote markers: "(1)", "^(1)", "^(12)", superscript "⁽¹⁾" / "¹". Bounded quantifiers only.
FOOTNOTE_MARK = r"\^?\(\d{1,2}\)|⁽[¹²³⁴⁵⁶⁷⁸⁹⁰]{1,2}⁾|[¹²³⁴⁵⁶⁷⁸⁹⁰]{1,2}"
# Whole tokens never split further: checkboxes (marked, or a blank ``_____``) and footnote markers.
# Trap: token_match is tried *before* each affix split, so it must only match complete marks, never a
# value with a mark glued on.
_TOKEN_MATCH = re.compile(rf"^(?:_{{1,6}}[Xx]_{{1,6}}|\[[Xx]\]|_{{2,40}}|{FOOTNOTE_MARK})$")


def _prefixes() -> list[str]:
    return [r"\|", *English.Defaults.prefixes]  # type: ignore[misc]


def _suffixes() -> list[str]:
    # Footnote marks go first: "69,672(1)" must lose "(1)" as a whole, not ")" alone.
    return [FOOTNOTE_MARK, r"\^", r"\|", *English.Defaults.suffixes]  # type: ignore[misc]


def _infixes() -> list[str]:
    return [r"\|", *English.Defaults.infixes]


def build_tokenizer(nlp: Language) -> Tokenizer:
    """The filings tokenizer over ``nlp.vocab``: affix rules and ``token_match``, NO special cases.

    Trap: spaCy stops caching a document's pieces once any special case (tokenizer exception) matched
    in it, and English exceptions (``a.m.``, ``Inc.``, ``:)``) match in nearly every filing: with them
    tokenizing took ~40 ms a filing, without them ~2 ms (repeated form text hits the cache). So the
    checkbox marks are kept whole by ``token_match``, and ``Inc.`` is ``Inc`` + ``.``.
    """
    return Tokenizer(
        nlp.vocab,
        rules={},
        prefix_search=compile_prefix_regex(_prefixes()).search,
        suffix_search=compile_suffix_regex(_suffixes()).search,
        infix_finditer=compile_infix_regex(_infixes()).finditer,
        token_match=_TOKEN_MATCH.match,
        url_match=English.Defaults.url_match,
    )


def create_filings_tokenizer() -> Callable[[Language], Tokenizer]:
    """Registered as ``filings.tokenizer.v1`` in ``extractor.pipeline.factories``."""
    return build_tokenizer
