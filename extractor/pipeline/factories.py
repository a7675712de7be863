"""Every spaCy registration of the filings pipeline, in one place (a config name traces to this file).

Registered: the tokenizer ``filings.tokenizer.v1``, the components ``filings_layout_tagger_v1`` and
``filings_assembler_v1``, and the ``Doc`` extensions the assembler writes. Importing this module has
no other side effect; ``spacy.load`` finds it through the ``spacy_factories`` entry point (or an import
of ``extractor.pipeline``). A behaviour change gets a ``_v2`` name; the old one stays loadable.
Trap: spaCy refuses ``.`` in *component factory* names (E853), so components are ``filings_<name>_v1``;
registry functions such as the tokenizer keep the dotted ``filings.tokenizer.v1``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from spacy.language import Language
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc
from spacy.util import registry

from extractor.pipeline.assembler import FilingsAssembler
from extractor.pipeline.layout_tagger import DEFAULT_MERGE_ROLES, LayoutTagger
from extractor.pipeline.tokenizer import create_filings_tokenizer

# ``normalised``: the caller's NormalisedText, so the rules see the offset map back to the source (the
# table reader finds page breaks from form feeds through it; ``doc.text`` alone has lost them).
# ``rules_result``: the caller's rule record of this very text (the cascade has it already), which the
# assembler then joins instead of running the rules a second time.
DOC_EXTENSIONS = (
    "form_type",
    "normalised",
    "rules_result",
    "filing",
    "field_spans",
    "confidence",
    "warnings",
)
for _ext in DOC_EXTENSIONS:
    if not Doc.has_extension(_ext):
        Doc.set_extension(_ext, default=None)


@registry.tokenizers("filings.tokenizer.v1")
def filings_tokenizer_v1() -> Callable[[Language], Tokenizer]:
    """Filing tokenizer rules (see ``extractor.pipeline.tokenizer``)."""
    return create_filings_tokenizer()


@Language.factory(
    "filings_layout_tagger_v1",
    default_config={"merge_roles": list(DEFAULT_MERGE_ROLES), "c": 1.0, "seed": 0},
)
def make_layout_tagger(
    nlp: Language, name: str, merge_roles: Sequence[str], c: float, seed: int
) -> LayoutTagger:
    """Line roles into ``doc.spans["layout"]`` and ``token.tag_``; weights come from ``initialize``."""
    return LayoutTagger(nlp, name, merge_roles=merge_roles, c=c, seed=seed)


@Language.factory("filings_assembler_v1", default_config={"use_ner": True})
def make_assembler(nlp: Language, name: str, use_ner: bool) -> FilingsAssembler:
    """Rules + NER -> ``doc._.filing``; runs last."""
    return FilingsAssembler(nlp, name, use_ner=use_ner)
