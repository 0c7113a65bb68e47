"""One spaCy ``Language`` per language, built once and cached.

The default is ``spacy.blank(lang)`` plus Entente's own components, which
need no download.  When a trained pipeline for the language is installed
(``de_core_news_sm`` …), it is loaded instead and its NER is merged with
the gazetteers by ``kg_entities``.
"""

from __future__ import annotations

import gc
import importlib
import importlib.util
from contextlib import AbstractContextManager, nullcontext
from functools import lru_cache
from weakref import WeakKeyDictionary

import spacy
from spacy.lang.char_classes import ALPHA, ALPHA_LOWER, ALPHA_UPPER
from spacy.language import Language
from spacy.tokenizer import Tokenizer
from spacy.util import compile_infix_regex, compile_suffix_regex

import pipelines.factories  # noqa: F401  (registers the kg_* factories)

TRAINED_PIPELINES = {
    "de": ("de_core_news_lg", "de_core_news_md", "de_core_news_sm"),
    "en": ("en_core_web_lg", "en_core_web_md", "en_core_web_sm"),
    "fr": ("fr_core_news_lg", "fr_core_news_md", "fr_core_news_sm"),
}
KG_COMPONENTS = ("kg_entities", "kg_agreements", "kg_relations")
# Split "russisch-nordkoreanische", "EU-Vietnam-Abkommen" and codes such as "G8-Gipfel" or "G-20-Gipfel"
# into their parts, and text glued by bad HTML conversion ("Rodong SinmunPutin") at the case change.
EXTRA_INFIXES = (
    rf"(?<=[{ALPHA}])-(?=[{ALPHA}])",
    rf"(?<=[0-9])-(?=[{ALPHA_UPPER}])",
    rf"(?<=[{ALPHA_LOWER}]{{3}})(?=[{ALPHA_UPPER}][{ALPHA_LOWER}]{{2}})",
)


def installed_pipeline(lang: str) -> str | None:
    """The name of an installed trained spaCy pipeline for ``lang``, if any."""
    for name in TRAINED_PIPELINES.get(lang, ()):
        if importlib.util.find_spec(name) is not None:
            return name
    return None


def _base_language(lang: str, use_trained: bool) -> Language:
    name = installed_pipeline(lang) if use_trained else None
    if name:
        # Every spaCy pipeline package exposes load(); importing it also works for packages
        # unpacked on the path without installer metadata.
        return importlib.import_module(name).load(exclude=["lemmatizer"])
    try:
        return spacy.blank(lang)
    except ImportError:
        return spacy.blank("xx")


# A full stop after a year ends the sentence ("aus dem Jahr 2001."); German keeps "13." as an ordinal.
EXTRA_SUFFIXES = (r"(?<=[0-9]{4})\.",)


def _extend_tokenizer(nlp: Language) -> None:
    """Add EXTRA_INFIXES and EXTRA_SUFFIXES to the language's own tokenizer rules."""
    infixes = list(nlp.Defaults.infixes or ()) + list(EXTRA_INFIXES)
    tokenizer: Tokenizer = nlp.tokenizer
    tokenizer.infix_finditer = compile_infix_regex(infixes).finditer
    suffixes = list(nlp.Defaults.suffixes or ()) + list(EXTRA_SUFFIXES)
    tokenizer.suffix_search = compile_suffix_regex(suffixes).search


@lru_cache(maxsize=8)
def get_nlp(lang: str, use_trained: bool = True) -> Language:
    """The cached pipeline for ``lang`` with sentences and the kg_* components."""
    nlp = _base_language(lang, use_trained)
    _extend_tokenizer(nlp)
    # Without a parser or senter, kg_paragraphs also applies the sentencizer's rule.
    nlp.add_pipe("kg_paragraphs", config={"punctuation": not nlp.has_pipe("parser") and not nlp.has_pipe("senter")})
    for name in KG_COMPONENTS:
        nlp.add_pipe(name, config={"lang": lang})
    # The gazetteers and lexicons just built (170,000 objects for German) live as long as the process;
    # moved out of the garbage collector's generations, they are no longer walked by every full
    # collection (measured: extraction 15-20 % faster).  Reference counting still frees them; the
    # collection first keeps garbage that exists now from being frozen with them.
    gc.collect()
    gc.freeze()
    return nlp


# Strings a pipeline may keep for good before its batches run in memory zones.  Inside a zone the
# tokenizer caches nothing and every word's lexeme is rebuilt per batch (measured: 0.93 s instead
# of 0.03 s per 100k German words), so the frequent words of a stream are kept; memory stays bounded.
WARM_STRINGS = 100_000
_string_limits: WeakKeyDictionary[Language, int] = WeakKeyDictionary()


def batch_zone(nlp: Language) -> AbstractContextManager[object]:
    """The context a batch runs in: none while the vocabulary is within WARM_STRINGS of its size at the
    first batch, else a memory zone that frees the strings and lexemes the batch adds."""
    limit = _string_limits.setdefault(nlp, len(nlp.vocab.strings) + WARM_STRINGS)
    return nlp.memory_zone() if len(nlp.vocab.strings) >= limit else nullcontext()
