from __future__ import annotations

import io
import json
import os
import sys
import time
from pathlib import Path

import pytest

from pipelines import jsonl
from pipelines.errors import InputError
from pipelines.keys import content_hash
from pipelines.records import Article
from pipelines.sources import Rejection, article_from_fields, files_in, read_jsonl, read_paths

SAMPLE = Path(__file__).resolve().parents[2] / "sample_data" / "putin-nordkorea-escambray.de.txt"
GERMAN_BODY = (
    "Der russische Präsident Wladimir Putin hat seinen ersten Besuch in Nordkorea seit mehr als "
    "zwei Jahrzehnten angetreten und machte zunächst in der russischen Republik Jakutien Station."
)
ENGLISH_BODY = (
    "Russian President Vladimir Putin arrived in Pyongyang for his first visit to North Korea "
    "in more than two decades, after a stop in Yakutsk."
)
PNG = (
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00"
    b"\x1f\x15\xc4\x89\x00\x00\x00\rIDATx\x9cc\xf8\x0f\x00\x00\x01\x01\x00\x05\x18\xd8N\x00"
    b"\x00\x00\x00IEND\xaeB`\x82"
)


def _write(path: Path, content: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


def _read(*paths: str | Path, lang: str | None = None) -> list[Article | Rejection]:
    return list(read_paths(paths, lang=lang))


def _one_article(*paths: str | Path, lang: str | None = None) -> Article:
    items = _read(*paths, lang=lang)
    assert len(items) == 1 and isinstance(items[0], Article), items
    return items[0]


def _one_rejection(*paths: str | Path) -> Rejection:
    items = _read(*paths)
    assert len(items) == 1 and isinstance(items[0], Rejection), items
    return items[0]


# The real sample ---------------------------------------------------------------


def test_read_paths_sample_article() -> None:
    article = _one_article(SAMPLE)
    assert article.title == "Wladimir Putin besucht Nordkorea zum ersten Mal seit mehr als 20 Jahren"
    assert (article.lang, article.source) == ("de", "Escambray")
    assert "PREV" not in article.text and "(Foto: Sputnik)." in article.text


def test_read_paths_sample_identity() -> None:
    article = _one_article(SAMPLE)
    assert article.content_hash == content_hash(article.text)
    assert article.id == article.content_hash[:16]
    assert article.key == str(SAMPLE.resolve())


# Text and Markdown ------------------------------------------------------------


def test_read_paths_txt_front_matter(tmp_path: Path) -> None:
    front = "---\ntitle: Putin in Pjöngjang\npublished: 2024-06-19\nsource: Beispiel\nurl: https://example.org/a\nlang: de\nid: a-1\n---\n"
    article = _one_article(_write(tmp_path / "a.txt", front + GERMAN_BODY))
    assert (article.title, article.published, article.source) == ("Putin in Pjöngjang", "2024-06-19", "Beispiel")
    assert (article.url, article.lang, article.id) == ("https://example.org/a", "de", "a-1")
    assert article.text == f"Putin in Pjöngjang\n\n{GERMAN_BODY}"
    assert article.key == str((tmp_path / "a.txt").resolve())


def test_read_paths_txt_first_short_line_is_title(tmp_path: Path) -> None:
    article = _one_article(_write(tmp_path / "a.txt", f"Putin in Jakutien\n\n{GERMAN_BODY}\n"))
    assert article.title == "Putin in Jakutien"


def test_read_paths_txt_leading_rule_is_not_front_matter(tmp_path: Path) -> None:
    article = _one_article(_write(tmp_path / "a.txt", f"---\n{GERMAN_BODY}\n---\nZweiter Absatz.\n"))
    assert article.text == f"{GERMAN_BODY}\n\nZweiter Absatz."


def test_read_paths_txt_broken_front_matter_rejected(tmp_path: Path) -> None:
    rejection = _one_rejection(_write(tmp_path / "a.txt", f"---\ntitle: [Putin\n---\n{GERMAN_BODY}"))
    assert "front matter is not valid YAML" in rejection.reason and "line 2" in rejection.reason


def test_read_paths_md_heading_links_and_emphasis(tmp_path: Path) -> None:
    markdown = (
        "# Putin besucht *Nordkorea*\n\nDer **russische** Präsident [Wladimir Putin](https://x.org/putin) "
        "ist in `Pjöngjang`.\n\n![Foto](bild.jpg)\n\n## Hintergrund\n\n> Ein Zitat von Kim_Jong_un.\n"
    )
    article = _one_article(_write(tmp_path / "a.md", markdown))
    assert article.title == "Putin besucht Nordkorea"
    assert article.text == (
        "Putin besucht Nordkorea\n\nDer russische Präsident Wladimir Putin ist in Pjöngjang."
        "\n\nHintergrund\n\nEin Zitat von Kim_Jong_un."
    )


def test_read_paths_md_front_matter_title_wins(tmp_path: Path) -> None:
    article = _one_article(_write(tmp_path / "a.md", f"---\ntitle: Vorspann\n---\n# Kopf\n\n{GERMAN_BODY}"))
    assert article.title == "Vorspann"
    assert article.text == f"Vorspann\n\nKopf\n\n{GERMAN_BODY}"


# HTML ---------------------------------------------------------------------------

PAGE = """<!DOCTYPE html>
<html lang="de"><head><meta charset="utf-8">
<title>Putin besucht Nordkorea – Escambray</title>
<meta property="og:site_name" content="Escambray">
<meta property="article:published_time" content="2024-06-18T10:00:00Z">
<link rel="canonical" href="https://example.org/putin-nordkorea">
</head><body>
<nav><ul><li><a href="/">Start</a></li><li><a href="/welt">Welt</a></li></ul></nav>
<article><h1>Putin besucht Nordkorea</h1>
<p>{body}</p>
<p>Der Besuch ist Teil einer umfassenderen Strategie zur Festigung einer strategischen Partnerschaft.</p>
</article>
<footer><p>© 2024 Escambray. Alle Rechte vorbehalten.</p></footer>
</body></html>"""


def test_read_paths_html_main_text_and_metadata(tmp_path: Path) -> None:
    article = _one_article(_write(tmp_path / "a.html", PAGE.format(body=GERMAN_BODY)))
    assert (article.title, article.published, article.source) == ("Putin besucht Nordkorea", "2024-06-18", "Escambray")
    assert article.url == "https://example.org/putin-nordkorea"
    assert article.text.startswith(f"Putin besucht Nordkorea\n\n{GERMAN_BODY}\n\nDer Besuch ist Teil")
    assert "Welt" not in article.text and "©" not in article.text


def test_read_paths_html_declared_latin1(tmp_path: Path) -> None:
    page = PAGE.format(body=GERMAN_BODY).replace('charset="utf-8"', 'charset="iso-8859-1"').replace("–", "-")
    article = _one_article(_write(tmp_path / "a.htm", page.encode("latin-1")))
    assert GERMAN_BODY in article.text


def test_read_paths_html_without_main_text_rejected(tmp_path: Path) -> None:
    page = '<html><head><title>Start</title></head><body><nav><a href="/">Home</a></nav></body></html>'
    assert "no main text" in _one_rejection(_write(tmp_path / "a.html", page)).reason


def test_read_paths_html_without_trafilatura_rejected(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "trafilatura", None)
    rejection = _one_rejection(_write(tmp_path / "a.html", PAGE.format(body=GERMAN_BODY)))
    assert "cannot read HTML: trafilatura does not load" in rejection.reason


# JSON ---------------------------------------------------------------------------


def test_read_paths_json_object_with_id(tmp_path: Path) -> None:
    record = {"id": "art-7", "text": ENGLISH_BODY, "title": "Putin in Pyongyang", "published": "2024-06-19"}
    article = _one_article(_write(tmp_path / "a.json", json.dumps(record)))
    assert (article.id, article.key, article.lang) == ("art-7", "id:art-7", "en")
    assert (article.title, article.published) == ("Putin in Pyongyang", "2024-06-19")


def test_read_paths_json_array_items(tmp_path: Path) -> None:
    path = _write(tmp_path / "a.json", json.dumps([{"text": ENGLISH_BODY}, {"title": "no text"}, {"text": GERMAN_BODY}]))
    first, second, third = _read(path)
    assert isinstance(first, Article) and first.key == f"{path.resolve()}#1"
    assert second == Rejection(f"{path}:item 2", 'missing "text": every article needs its text')
    assert isinstance(third, Article) and third.lang == "de"


def test_read_paths_json_syntax_error_rejected(tmp_path: Path) -> None:
    rejection = _one_rejection(_write(tmp_path / "a.json", '{"text": "x",\n "id": }'))
    assert rejection.reason.startswith("invalid JSON (Expecting value at line 2, column 8)")


def test_read_paths_json_list_value_rejected(tmp_path: Path) -> None:
    rejection = _one_rejection(_write(tmp_path / "a.json", json.dumps({"text": ENGLISH_BODY, "title": ["a"]})))
    assert '"title" must be a single value' in rejection.reason


# JSON lines ---------------------------------------------------------------------


def _jsonl(*lines: object) -> str:
    return "\n".join(line if isinstance(line, str) else json.dumps(line) for line in lines) + "\n"


def test_read_paths_jsonl_bad_lines_rejected_rest_read(tmp_path: Path) -> None:
    content = _jsonl(
        {"id": "a", "text": ENGLISH_BODY},
        '{"id": "b" "text": "x"}',
        "",
        [1, 2],
        {"id": "c"},
        {"id": "d", "text": "   "},
        {"text": GERMAN_BODY},
    )
    path = _write(tmp_path / "a.jsonl", content)
    items = _read(path)
    assert [type(item).__name__ for item in items] == ["Article", "Rejection", "Rejection", "Rejection", "Rejection", "Article"]
    assert items[1] == Rejection(f"{path}:line 2", "invalid JSON (Expecting ',' delimiter at column 12): fix or remove it")
    assert [item.where for item in items[2:5]] == [f"{path}:line {n}" for n in (4, 5, 6)]
    assert isinstance(items[2], Rejection) and "JSON array is not an article" in items[2].reason


def test_read_paths_jsonl_keys(tmp_path: Path) -> None:
    path = _write(tmp_path / "a.jsonl", _jsonl({"id": "a", "text": ENGLISH_BODY}, {"text": GERMAN_BODY}))
    first, second = _read(path)
    assert isinstance(first, Article) and (first.id, first.key) == ("a", "id:a")
    assert isinstance(second, Article) and second.key == f"{path.resolve()}#2"
    assert second.id == second.content_hash[:16]


def test_read_paths_jsonl_overlong_line_skipped(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(jsonl, "MAX_LINE_BYTES", 400)
    path = _write(tmp_path / "a.jsonl", _jsonl({"text": "x" * 1000}, {"id": "b", "text": ENGLISH_BODY}))
    rejection, article = _read(path)
    assert isinstance(rejection, Rejection) and rejection.where == f"{path}:line 1"
    assert "line longer than" in rejection.reason
    assert isinstance(article, Article) and article.id == "b"


def test_read_paths_jsonl_binary_stops(tmp_path: Path) -> None:
    path = _write(tmp_path / "a.jsonl", PNG + b"\n" + _jsonl({"text": ENGLISH_BODY}).encode())
    items = _read(path)
    assert all(isinstance(item, Rejection) for item in items)
    assert items[-1] == Rejection(f"{path}:line 3", "binary data (found NUL bytes): not JSON lines; stopped reading this input")


def test_read_paths_jsonl_invalid_utf8_line_rejected(tmp_path: Path) -> None:
    path = _write(tmp_path / "a.jsonl", b'{"text": "Pr\xe4sident"}\n' + _jsonl({"text": ENGLISH_BODY}).encode())
    rejection, article = _read(path)
    assert isinstance(rejection, Rejection) and "invalid UTF-8 at byte 12" in rejection.reason
    assert isinstance(article, Article)


def test_read_paths_jsonl_empty_rejected(tmp_path: Path) -> None:
    assert "empty input" in _one_rejection(_write(tmp_path / "a.jsonl", "\n\n")).reason


def test_read_jsonl_streams_line_by_line() -> None:
    stream = io.BytesIO(_jsonl(*[{"text": f"{ENGLISH_BODY} {n}"} for n in range(50)]).encode())
    items = read_jsonl(stream, "big.jsonl", key_base="/data/big.jsonl")
    first = next(items)
    assert isinstance(first, Article) and first.key == "/data/big.jsonl#1"
    assert stream.tell() < len(stream.getvalue()) / 10


def test_read_jsonl_text_stream_keys_by_hash() -> None:
    stream = io.StringIO("\ufeff" + _jsonl({"text": ENGLISH_BODY}))
    (article,) = read_jsonl(stream, "<stdin>")
    assert isinstance(article, Article) and article.key == f"stdin:{article.content_hash[:16]}"


def test_read_paths_dash_reads_stdin(monkeypatch: pytest.MonkeyPatch) -> None:
    data = _jsonl({"id": "s1", "text": ENGLISH_BODY}, "not json").encode()
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data), encoding="utf-8"))
    article, rejection = _read("-")
    assert isinstance(article, Article) and article.key == "id:s1"
    assert isinstance(rejection, Rejection) and rejection.where == "<stdin>:line 2"


# Encodings ----------------------------------------------------------------------


def test_read_paths_latin1_file(tmp_path: Path) -> None:
    text = "Der Präsident Wladimir Putin besucht Nordkorea. Die Länder wollen die Beziehungen stärken."
    article = _one_article(_write(tmp_path / "a.txt", text.encode("latin-1")))
    assert article.text == text


def test_read_paths_short_latin1_file(tmp_path: Path) -> None:
    assert _one_article(_write(tmp_path / "a.txt", b"Der Pr\xe4sident spricht.")).text == "Der Präsident spricht."


def test_read_paths_cp1251_file(tmp_path: Path) -> None:
    text = "Президент России Владимир Путин посетил Северную Корею."
    article = _one_article(_write(tmp_path / "a.txt", text.encode("cp1251")))
    assert (article.text, article.lang) == (text, "ru")


def test_read_paths_utf8_bom(tmp_path: Path) -> None:
    article = _one_article(_write(tmp_path / "a.txt", b"\xef\xbb\xbf" + GERMAN_BODY.encode()))
    assert article.text == GERMAN_BODY


def test_read_paths_utf16_with_bom(tmp_path: Path) -> None:
    assert _one_article(_write(tmp_path / "a.txt", GERMAN_BODY.encode("utf-16"))).text == GERMAN_BODY


def test_read_paths_utf8_with_invalid_byte_rejected(tmp_path: Path) -> None:
    data = "Der Präsident Wladimir Putin besucht Nordkorea, ".encode() + b"sagt F\xfchrer Kim. Gr\xc3\xbc\xc3\x9fe."
    rejection = _one_rejection(_write(tmp_path / "a.txt", data))
    assert rejection.reason.startswith("invalid UTF-8 at byte 55 (0xFC) and no other encoding fits")


def test_read_paths_utf8_cut_in_last_character(tmp_path: Path) -> None:
    data = GERMAN_BODY.encode() + " Grüß".encode()[:-1]
    assert _one_article(_write(tmp_path / "a.txt", data)).text == GERMAN_BODY + " Grü"


def test_read_paths_binary_file_rejected(tmp_path: Path) -> None:
    rejection = _one_rejection(_write(tmp_path / "image.txt", PNG))
    assert rejection.reason == "binary file (found NUL bytes): not an article"


def test_read_paths_undecodable_file_rejected(tmp_path: Path) -> None:
    rejection = _one_rejection(_write(tmp_path / "noise.txt", bytes(range(128, 256)) * 4))
    assert rejection.reason == "binary file (no text encoding fits): not an article"


# Paths, sizes, permissions -------------------------------------------------------


def test_read_paths_missing_path_rejected(tmp_path: Path) -> None:
    missing = tmp_path / "nope.txt"
    assert _one_rejection(missing) == Rejection(str(missing), "no such file or folder: check the path")


def test_read_paths_unknown_extension_rejected(tmp_path: Path) -> None:
    rejection = _one_rejection(_write(tmp_path / "a.pdf", GERMAN_BODY))
    assert rejection.reason.startswith("unsupported file type '.pdf': use one of .txt, .md")


@pytest.mark.parametrize("content", [b"", b"  \n\t\n", b"\xef\xbb\xbf\n"])
def test_read_paths_empty_file_rejected(tmp_path: Path, content: bytes) -> None:
    path = _write(tmp_path / "a.txt", content)
    assert _one_rejection(path) == Rejection(str(path), "empty file: nothing to ingest")


def test_read_paths_boilerplate_only_rejected(tmp_path: Path) -> None:
    rejection = _one_rejection(_write(tmp_path / "a.txt", "PREV Irgendwas\n-\nNEXT Anderes\n"))
    assert rejection.reason.startswith("no article text left after removing")


def test_read_paths_50mb_file_rejected_quickly(tmp_path: Path) -> None:
    path = _write(tmp_path / "huge.txt", b"a " * (25 * 1024 * 1024))
    started = time.perf_counter()
    rejection = _one_rejection(path)
    assert time.perf_counter() - started < 1
    assert rejection.reason.startswith("file too large (50.0 MiB, limit 10 MiB)")


def test_read_paths_permission_denied_rejected(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = _write(tmp_path / "a.txt", GERMAN_BODY)
    real_open = Path.open

    def deny(self: Path, *args: object, **kwargs: object) -> object:
        if self == path:
            raise PermissionError(13, "Permission denied")
        return real_open(self, *args, **kwargs)  # type: ignore[call-overload]

    monkeypatch.setattr(Path, "open", deny)
    assert _one_rejection(path) == Rejection(str(path), "permission denied: make the file readable")


def test_read_paths_folder_recursive_sorted_skipping_hidden(tmp_path: Path) -> None:
    _write(tmp_path / "b.txt", f"B-Titel\n\n{GERMAN_BODY}")
    _write(tmp_path / "sub" / "a.md", f"# A-Titel\n\n{GERMAN_BODY}")
    _write(tmp_path / "a.txt", f"A1-Titel\n\n{GERMAN_BODY}")
    _write(tmp_path / ".hidden.txt", f"Versteckt\n\n{GERMAN_BODY}")
    _write(tmp_path / ".git" / "c.txt", f"Git\n\n{GERMAN_BODY}")
    _write(tmp_path / "notes.pdf", b"%PDF-1.4")
    titles = [getattr(item, "title", item) for item in _read(tmp_path)]
    assert titles == ["A1-Titel", "B-Titel", "A-Titel"]


def test_read_paths_same_file_twice_read_once(tmp_path: Path) -> None:
    path = _write(tmp_path / "a.txt", GERMAN_BODY)
    assert len(_read(path, tmp_path, tmp_path / "." / "a.txt")) == 1


# Languages ----------------------------------------------------------------------


def test_read_paths_lang_argument_used_when_article_has_none(tmp_path: Path) -> None:
    path = _write(tmp_path / "a.jsonl", _jsonl({"text": ENGLISH_BODY}, {"text": ENGLISH_BODY + " 2", "lang": "en"}))
    assert [item.lang for item in _read(path, lang="de") if isinstance(item, Article)] == ["de", "en"]


def test_read_paths_invalid_lang_argument_raises(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="unknown language code 'german'"):
        read_paths([tmp_path], lang="german")


def test_read_paths_invalid_article_lang_rejected(tmp_path: Path) -> None:
    path = _write(tmp_path / "a.jsonl", _jsonl({"text": ENGLISH_BODY, "lang": "english"}))
    assert "unknown language code 'english'" in _one_rejection(path).reason


# article_from_fields --------------------------------------------------------------


def test_article_from_fields_site_name_becomes_source() -> None:
    article = article_from_fields(ENGLISH_BODY, key="k", title="Putin in Pyongyang - BBC News")
    assert isinstance(article, Article)
    assert (article.title, article.source, article.lang) == ("Putin in Pyongyang", "BBC News", "en")
    assert article.text == f"Putin in Pyongyang\n\n{ENGLISH_BODY}"


def test_article_from_fields_given_source_and_id_kept() -> None:
    article = article_from_fields(ENGLISH_BODY, key="k", given_id="x1", title="A - B", source="Reuters", lang="EN")
    assert isinstance(article, Article)
    assert (article.id, article.source, article.lang) == ("x1", "Reuters", "en")


def test_article_from_fields_rejection_names_where() -> None:
    rejection = article_from_fields("Anzeige\n-", key="id:1", where="in.jsonl:line 3")
    assert isinstance(rejection, Rejection) and rejection.where == "in.jsonl:line 3"


def test_rejection_str_names_where_and_reason() -> None:
    assert str(Rejection("a.txt", "empty file: nothing to ingest")) == "a.txt: empty file: nothing to ingest"


def test_read_paths_folder_skips_readme_but_reads_it_when_named(tmp_path: Path) -> None:
    _write(tmp_path / "README.md", "# About these articles\n\nThey were written for the tests.\n")
    _write(tmp_path / "a.txt", GERMAN_BODY)
    assert [Path(a.key).name for a in read_paths([tmp_path]) if isinstance(a, Article)] == ["a.txt"]
    assert len(list(read_paths([tmp_path / "README.md"]))) == 1


def test_files_in_lists_what_read_paths_reads(tmp_path: Path) -> None:
    _write(tmp_path / "README.md", "# About\n")
    _write(tmp_path / "sub" / "b.md", GERMAN_BODY)
    _write(tmp_path / "a.txt", GERMAN_BODY)
    _write(tmp_path / "notes.docx", "x")
    assert [p.name for p in files_in(tmp_path)] == ["a.txt", "b.md"]
    assert len(list(read_paths([tmp_path]))) == 2


# Hostile and unusual input: each is rejected or repaired alone --------------------


def test_read_paths_front_matter_impossible_date_kept_without_date(tmp_path: Path) -> None:
    article = _one_article(_write(tmp_path / "a.md", f"---\ntitle: Putin in Pjöngjang\npublished: 2024-02-30\n---\n{GERMAN_BODY}"))
    assert article.published == "" and article.title == "Putin in Pjöngjang"
    assert [(n.where, n.reason[:40]) for n in article.notices] == [(str(tmp_path / "a.md"), "published date dropped: '2024-02-30' is ")]


@pytest.mark.parametrize(
    ("written", "iso"),
    [("2024-06-19", "2024-06-19"), ("19.06.2024", "2024-06-19"), ("19. Juni 2024", "2024-06-19"), ("June 19, 2024", "2024-06-19")],
)
def test_read_paths_front_matter_dates_become_iso(tmp_path: Path, written: str, iso: str) -> None:
    assert _one_article(_write(tmp_path / "a.txt", f"---\npublished: {written}\n---\n{GERMAN_BODY}")).published == iso


def test_read_paths_jsonl_rss_date_becomes_iso(tmp_path: Path) -> None:
    path = _write(tmp_path / "a.jsonl", _jsonl({"text": ENGLISH_BODY, "published": "Wed, 19 Jun 2024 10:00:00 GMT"}))
    assert _one_article(path).published == "2024-06-19"


def test_read_paths_hostile_json_rejected_per_line(tmp_path: Path) -> None:
    path = _write(tmp_path / "a.jsonl", _jsonl(
        '{"id": ' + "9" * 5000 + ', "text": "x"}',
        "[" * 50_000 + "]" * 50_000,
        {"id": "ok", "text": ENGLISH_BODY},
    ))
    big, deep, article = _read(path)
    assert isinstance(big, Rejection) and big.where == f"{path}:line 1" and "more than 4,300 digits" in big.reason
    assert isinstance(deep, Rejection) and deep.where == f"{path}:line 2" and "nested more than" in deep.reason
    assert isinstance(article, Article) and article.id == "ok"


def test_read_paths_json_escapes_nul_and_surrogate_repaired_with_warnings(tmp_path: Path) -> None:
    line = '{"id": "a\\u0000b", "title": "Putin\\u0000 in Pjöngjang", "text": "' + GERMAN_BODY + ' \\ud800"}'
    article = _one_article(_write(tmp_path / "a.jsonl", line + "\n"))
    assert (article.id, article.key, article.title) == ("ab", "id:ab", "Putin in Pjöngjang")
    assert article.text.endswith("\ufffd") and article.text.encode("utf-8")
    assert sorted(n.reason.split(" ")[0] for n in article.notices) == ['"id"', '"text"', '"title"']


def test_read_paths_jsonl_duplicate_id_last_wins_with_warning(tmp_path: Path) -> None:
    path = _write(tmp_path / "a.jsonl", _jsonl(
        {"id": "x", "text": f"{ENGLISH_BODY} First."}, {"id": "y", "text": GERMAN_BODY}, {"id": "x", "text": f"{ENGLISH_BODY} Second."},
    ))
    for _ in range(2):
        first, second = _read(path)
        assert isinstance(first, Article) and isinstance(second, Article)
        assert (first.id, second.id) == ("y", "x") and second.text.endswith("Second.")
        assert second.notices[0].where == f"{path}:line 1" and f"later one at {path}:line 3" in second.notices[0].reason


def test_read_paths_json_array_duplicate_id_last_wins(tmp_path: Path) -> None:
    path = _write(tmp_path / "a.json", json.dumps([{"id": 1, "text": f"{ENGLISH_BODY} A"}, {"id": "1", "text": f"{ENGLISH_BODY} B"}]))
    article = _one_article(path)
    assert article.text.endswith(" B") and article.notices[0].where == f"{path}:item 1"


def test_read_jsonl_pipe_duplicate_id_last_wins() -> None:
    read_end, write_end = os.pipe()
    with os.fdopen(write_end, "wb") as writer:
        writer.write(_jsonl({"id": "x", "text": f"{ENGLISH_BODY} A"}, {"id": "x", "text": f"{ENGLISH_BODY} B"}).encode())
    with os.fdopen(read_end, "rb") as pipe:
        (article,) = read_jsonl(pipe, "<stdin>")
    assert isinstance(article, Article) and article.text.endswith(" B") and article.notices[0].where == "<stdin>:line 1"


def test_read_paths_folder_with_pipe_device_and_loop_reads_the_rest(tmp_path: Path) -> None:
    _write(tmp_path / "a.txt", GERMAN_BODY)
    os.mkfifo(tmp_path / "b.jsonl")
    (tmp_path / "c.txt").symlink_to("/dev/zero")
    (tmp_path / "d.md").symlink_to(tmp_path / "d.md")
    _write(tmp_path / "e.txt", ENGLISH_BODY)
    items = _read(tmp_path)
    assert [type(item).__name__ for item in items] == ["Article", "Rejection", "Rejection", "Rejection", "Article"]
    assert [item.where for item in items if isinstance(item, Rejection)] == [str(tmp_path / n) for n in ("b.jsonl", "c.txt", "d.md")]


def test_read_paths_link_loop_given_by_path_rejected(tmp_path: Path) -> None:
    (tmp_path / "loop.txt").symlink_to(tmp_path / "loop.txt")
    assert _one_rejection(tmp_path / "loop.txt").reason == "symbolic link loop: fix or remove the link"


def test_read_paths_non_utf8_file_name_read_with_printable_key(tmp_path: Path) -> None:
    path = Path(os.fsdecode(bytes(tmp_path) + b"/caf\xe9.txt"))
    _write(path, GERMAN_BODY)
    article = _one_article(tmp_path)
    assert article.key == f"{tmp_path}/caf\\xe9.txt" and article.where == article.key


def test_read_paths_newline_in_file_name_escaped(tmp_path: Path) -> None:
    _write(tmp_path / "a\nrejected: evil.txt", "")
    assert _one_rejection(tmp_path).where == f"{tmp_path}/a\\nrejected: evil.txt"
