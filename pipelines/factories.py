"""All ``Language.factory("kg_…")`` registrations of Entente, in one place.

Each component is thin: it calls the pure functions in ``components/`` and
stores what they found on the Doc: ``doc._.kg_entities`` (entity
candidates, also as ``doc.spans["kg_entities"]``), ``doc._.kg_agreements``
and ``doc._.kg_relations``.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc, Span

from pipelines.components.agreement_merge import resolve_agreements
from pipelines.components.agreements import find_agreements
from pipelines.components.article_relations import article_relations
from pipelines.components.coreference import link_persons
from pipelines.components.entities import find_entities
from pipelines.components.gazetteer import build_gazetteer
from pipelines.components.sentences import break_at_lines, split_sentences
from pipelines.components.tokens import tokens_of

for _name in ("kg_entities", "kg_agreements", "kg_relations"):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=None)


class ParagraphSplitter:
    """A line break ends a sentence (titles and captions carry no full stop).

    With ``punctuation`` (pipelines without a parser or senter) it also sets the sentences spaCy's
    ``sentencizer`` would, in the same pass.
    """

    def __init__(self, name: str, *, punctuation: bool) -> None:
        self.name, self.punctuation = name, punctuation

    def __call__(self, doc: Doc) -> Doc:
        return split_sentences(doc) if self.punctuation else break_at_lines(doc)


@Language.factory("kg_paragraphs", default_config={"punctuation": False})
def make_paragraph_splitter(nlp: Language, name: str, punctuation: bool) -> ParagraphSplitter:
    return ParagraphSplitter(name, punctuation=punctuation)


def separate_tokenizer(nlp: Language) -> Tokenizer:
    """A tokenizer with the pipeline's rules but its own cache.

    Tokenizing ~30,000 gazetteer names through ``nlp.tokenizer`` would fill its bounded cache
    before the first article and slow every later article (measured: 750k -> 135k words/s).
    """
    tok: Tokenizer = nlp.tokenizer
    return Tokenizer(nlp.vocab, rules=tok.rules, prefix_search=tok.prefix_search, suffix_search=tok.suffix_search,
                     infix_finditer=tok.infix_finditer, token_match=tok.token_match, url_match=tok.url_match)


class EntityRecognizer:
    """Countries, places, organisations and persons, with in-article coreference of person names."""

    def __init__(self, nlp: Language, name: str, *, lang: str) -> None:
        self.name, self.lang = name, lang
        names = separate_tokenizer(nlp)
        self.gazetteer = build_gazetteer(lang, lambda text: [t.text for t in names(text)])

    def __call__(self, doc: Doc) -> Doc:
        tokens = tokens_of(doc)
        candidates = link_persons(tokens, find_entities(doc, tokens, self.lang, self.gazetteer))
        doc._.kg_entities = candidates
        doc.spans["kg_entities"] = [Span(doc, c.start, c.end, label=c.type, kb_id=c.id) for c in candidates]
        return doc


class AgreementRecognizer:
    """Agreements with kind, status, year, parties and the earlier agreements they update."""

    def __init__(self, nlp: Language, name: str, *, lang: str) -> None:
        self.name, self.lang = name, lang

    def __call__(self, doc: Doc) -> Doc:
        entities = doc._.kg_entities or []
        labels = {c.id: c.label for c in entities}
        tokens = tokens_of(doc)
        phrases = find_agreements(tokens, self.lang, entities)
        published = str(doc.user_data.get("published", ""))
        doc._.kg_agreements = resolve_agreements(tokens, self.lang, phrases, entities, labels, published)
        doc.spans["kg_agreements"] = [Span(doc, m.start, m.end, label="agreement", kb_id=a.id) for a in doc._.kg_agreements for m in a.mentions]
        return doc


class RelationExtractor:
    """Typed relations per sentence, relations from attributes and agreements, and co-mentions."""

    def __init__(self, nlp: Language, name: str, *, lang: str) -> None:
        self.name, self.lang = name, lang

    def __call__(self, doc: Doc) -> Doc:
        doc._.kg_relations = article_relations(tokens_of(doc), self.lang, doc._.kg_entities or [], doc._.kg_agreements or [])
        return doc


@Language.factory("kg_entities", default_config={"lang": "xx"})
def make_entity_recognizer(nlp: Language, name: str, lang: str) -> EntityRecognizer:
    return EntityRecognizer(nlp, name, lang=lang)


@Language.factory("kg_agreements", default_config={"lang": "xx"})
def make_agreement_recognizer(nlp: Language, name: str, lang: str) -> AgreementRecognizer:
    return AgreementRecognizer(nlp, name, lang=lang)


@Language.factory("kg_relations", default_config={"lang": "xx"})
def make_relation_extractor(nlp: Language, name: str, lang: str) -> RelationExtractor:
    return RelationExtractor(nlp, name, lang=lang)
