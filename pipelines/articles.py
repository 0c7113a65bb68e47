"""From the fields an input gives to a clean ``Article``, the same for every format.

The text is cleaned, metadata values are repaired (NUL bytes and control characters removed, lone
surrogates replaced), the publication date is read into an ISO date, and the language is found.
What was repaired or dropped is noted on the article (``Article.notices``, warnings the summary
lists); what cannot become an article is a ``Rejection``.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Iterator, Mapping

from pipelines.clean import clean, clean_value, is_damaged
from pipelines.dates import iso_date
from pipelines.formats import Fields
from pipelines.keys import content_hash
from pipelines.language import detect_language
from pipelines.records import Article, Notice, Rejection

Item = Article | Rejection

_ONLY_BOILERPLATE = "no article text left after removing navigation and boilerplate lines: nothing to ingest"
_DAMAGED = "held NUL bytes or invalid characters (lone surrogates): removed them (U+FFFD for a surrogate)"


def id_key(fields: Fields) -> str:
    """The key of an article with an id of its own (``id:<id>``), "" without one."""
    given = clean_value(fields.id)
    return f"id:{given}" if given else ""


def article_of(fields: Fields, key: str, where: str, lang: str | None) -> Item:
    """The article of one input's ``fields``, under ``key``."""
    return article_from_fields(
        fields.text, key=key, given_id=fields.id or None, title=fields.title,
        published=fields.published, source=fields.source, url=fields.url, lang=fields.lang or lang, where=where,
    )


def article_from_fields(
    text: str,
    *,
    key: str,
    given_id: str | None = None,
    title: str = "",
    published: str = "",
    source: str = "",
    url: str = "",
    lang: str | None = None,
    where: str | None = None,
) -> Item:
    """Clean ``text`` and build the Article, shared by all formats.

    The language is ``lang`` unless that is None or "auto", then detected;
    ``content_hash`` is that of the cleaned text, and ``id`` is ``given_id``
    (cleaned) or the hash's first 16 characters.  A site name split off the
    title becomes ``source`` when none is given.  ``published`` becomes an
    ISO date, or "" with a notice when it is no date.  Rejections and
    notices name ``where`` (default: ``key``).
    """
    where = where or key
    cleaned = clean(text, title)
    if not cleaned.text.strip():
        return Rejection(where, _ONLY_BOILERPLATE)
    try:
        language = detect_language(cleaned.text, lang)
    except ValueError as err:
        return Rejection(where, str(err))
    date, notices = _published(published, where)
    notices += _damage(where, text=text, title=title, id=given_id or "", source=source, url=url)
    digest = content_hash(cleaned.text)
    return Article(
        id=clean_value(given_id or "") or digest[:16], key=key, text=cleaned.text, lang=language, title=cleaned.title,
        published=date, source=clean_value(source) or cleaned.site_name, url=clean_value(url),
        content_hash=digest, where=where, notices=tuple(notices),
    )


def _published(value: str, where: str) -> tuple[str, list[Notice]]:
    """The ISO date of ``value`` and no notice, or "" and a notice saying why it was dropped."""
    if not value.strip():
        return "", []
    try:
        return iso_date(value), []
    except ValueError as err:
        return "", [Notice(where, f"published date dropped: {err}")]


def _damage(where: str, **values: str) -> list[Notice]:
    return [Notice(where, f'"{name}" {_DAMAGED}') for name, value in values.items() if is_damaged(value)]


def last_wins(numbered: Iterable[tuple[int, Item]], last_of: Mapping[str, int]) -> Iterator[Item]:
    """The items of one input in order, without articles that a later one with the same key (the same
    id) replaces; each dropped one is noted on the article that replaces it.  ``last_of`` maps a key
    to the number of its last item."""
    replaced: dict[str, list[str]] = {}
    for number, item in numbered:
        if isinstance(item, Article) and last_of.get(item.key, number) > number:
            replaced.setdefault(item.key, []).append(item.where)
        elif isinstance(item, Article) and item.key in replaced:
            yield _replacing(item, replaced.pop(item.key))
        else:
            yield item


def _replacing(article: Article, earlier: list[str]) -> Article:
    reason = f"duplicate id {article.id!r}: replaced by the later one at {article.where} (the last one wins)"
    return dataclasses.replace(article, notices=(*article.notices, *(Notice(where, reason) for where in earlier)))
