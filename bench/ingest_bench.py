"""Ingest throughput, ingest memory and store query times on generated data.

    python -m bench.ingest_bench [--words 2000000] [--runs 3] [--articles 200000]
                                 [--skip-ingest] [--skip-rss] [--skip-queries]
                                 [--langs de,en] [--rss-workers 2] [--query-runs 5]
                                 [--timeout 1800] [--workdir DIR] [--json FILE]
    python -m bench.ingest_bench --profile 100000 [--langs de]

Everything is generated from ``sample_data/`` (seeded, so reruns see the same
text) and kept in ``--workdir`` (default ``$TMPDIR/entente-ingest-bench``);
nothing is written into the repository.

1. Throughput.  Per language, a JSONL corpus of at least ``--words`` words made
   by recombining the sample articles of that language: paragraphs shuffled
   across articles, a quarter of the sentences swapped for sentences of other
   articles, surnames and given names varied per article, every number
   re-drawn, and plausible new words (German compounds, English derivations,
   invented place names) added in filler sentences.  That keeps the
   vocabulary growing like news text does, so tokenizer and lookup caches do
   not make the figures unrealistically fast.  Words are whitespace-separated
   words of the title line plus the text (what the pipeline processes).
   Each measurement runs in a fresh subprocess (cold caches, fresh database):
   - bare: ``spacy.blank(lang)``, ``nlp.pipe`` over the same texts, in memory;
   - tokenizer: the pipeline's own tokenizer (``get_nlp(lang).make_doc``
     only; first run only: a breakdown, not a target);
   - ingest: ``pipelines.ingest.ingest([corpus.jsonl], fresh.sqlite,
     workers=N)`` end to end (JSON lines, cleaning, extraction, SQLite), with
     N = 1 and 2.  The language pipeline is built (and warmed on one
     sentence) before the clock starts; its build time is reported apart.
     With 2 workers the pool process is forked from that warm process.
   - pair: two 1-worker ingests, each in its own process and database,
     started together after both have built their pipelines: their combined
     words/s shows how two whole ingests share the machine (a reference for
     the 2-worker figure, which has one writer instead of two).
   Medians over ``--runs`` runs; the runs interleave the measurements.
2. Memory.  ``python -m pipelines ingest FILE.jsonl --db NEW --workers W`` as
   a subprocess on a stream of ``--articles`` short articles (100-160 words,
   German and English mixed at random), sampling once a second
   ``/proc/<pid>/status`` (VmRSS, VmHWM) and ``smaps_rollup`` (Pss) of the
   ingest process and of its worker processes, and the number of stored
   documents (read-only SQLite connection).  Reported: RSS at 10 %, 50 % and
   100 % of the stream, the peak of the sum over the process tree, each
   process's VmHWM and ``wait4``'s ru_maxrss (largest single process).
3. Queries on a synthetic store (``bench.synthetic.build_store``, 50,000
   entities, 50,000 relation sentences, 1,000,000 mentions; cached in the
   workdir): ``Store.mentions`` (drill-down) for a popular, a median and a
   rare entity; ``Store.evidence`` for an edge; ``compute_view`` on
   ``load_snapshot`` for the default view, focus views (an entity's edges)
   and co-mentions shown.  Median of ``--query-runs`` after one warm-up.

Targets (PASS/FAIL): German ingest >= 1/15 of the bare tokenizer's words/s;
2 workers >= 1.6x one; peak RSS < 1.5 GiB on the stream; drill-down < 20 ms;
view computation < 300 ms.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import re
import resource
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))  # also `python bench/ingest_bench.py`

SAMPLE_DATA = ROOT / "sample_data"
SEED = 11
GIB = 2**30
TARGET_RATIO_DE = 1 / 15
TARGET_SCALING = 1.6
TARGET_PEAK_RSS = 1.5 * GIB
TARGET_DRILL_MS = 20.0
TARGET_VIEW_MS = 300.0
SYNTHETIC = {"entities": 50_000, "relations": 50_000, "mentions": 1_000_000, "seed": 7}


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def ms(seconds: float) -> float:
    return round(seconds * 1000, 2)


def verdict(ok: bool) -> str:
    return "PASS" if ok else "FAIL"


def spread(values: Sequence[float]) -> str:
    return f"{min(values):,.0f}-{max(values):,.0f}" if values else "-"


def mib(size: float) -> str:
    return f"{size / 2**20:,.0f}"


# -- 0. the generated corpora --------------------------------------------------------------------------

WORD = re.compile(r"\w+")
# A sentence ends after a lower-case letter and a full stop; "13. Juni" and "U.S. President" stay whole.
SENTENCE_END = re.compile(r"(?<=[a-zäöüß)][.!?])\s+(?=[A-ZÄÖÜ\"„])")
LINKED = ("ung", "heit", "keit", "ion", "tät", "schaft", "ling")
DE_FILLERS = (
    "Beobachter verwiesen zudem auf die {N} und den {N}.",
    "Nach Angaben aus {P} spielte auch die Frage der {N} eine Rolle.",
    "Kritiker sprachen von einer {N}, Befürworter dagegen von einer {N}.",
    "Im Mittelpunkt standen außerdem {N}, {N} und die {N}.",
    "Aus {P} hieß es, über die {N} sei noch nicht entschieden.",
    "Die {N} in {P} soll bis {Y} abgeschlossen sein.",
)
EN_FILLERS = (
    "Observers also pointed to the {a} {n} and the {n}.",
    "Officials in {P} said the {n} had been discussed as well.",
    "Critics spoke of a {a} {n}, supporters of a {n}.",
    "The talks also covered {n}, {n} and the {a} {n}.",
    "A spokesperson in {P} said no decision on the {n} had been taken.",
    "The {n} in {P} is expected to be completed by {Y}.",
)
EN_PREFIXES = ("counter", "post", "re", "over", "under", "pre", "inter", "non", "co", "sub")
EN_SUFFIXES = ("ization", "ism", "ship", "ment", "ity", "ness", "ist", "ery", "hood", "ation")
PLACE_SYLLABLES = ("ka", "vel", "mo", "ra", "stin", "dor", "lu", "nek", "sa", "vo", "tar", "bri", "an", "ze", "ol")
PLACE_ENDINGS = ("a", "ovo", "burg", "ia", "grad", "stan", "ino", "polis", "en", "ar")
SURNAME_ENDINGS = {
    "de": ("ow", "ski", "enko", "er", "mann", "ić", "escu", "ez", "sen", "berg", "ke", "ani"),
    "en": ("son", "ley", "ton", "ez", "ski", "ov", "well", "er", "man", "ini", "by", "ard"),
}
SOURCES = ("Entente Bench Wire", "Morgenblatt", "Global Desk", "Tagesbote", "Harbour News", "Rundschau")


@dataclass
class Pool:
    """What the generator recombines, for one language."""

    lang: str
    paragraphs: list[list[str]]  # each a list of sentences
    sentences: list[str]
    nouns: list[str]  # German: capitalised nouns; English: lower-case words of 5+ letters
    adjectives: list[str]
    given: list[str]  # given names seen before a surname
    surnames: list[str]
    sample_words: int
    sample_types: int


def sample_pool(lang: str) -> Pool:
    """Sentences, paragraphs, nouns and names of the sample articles of one language."""
    from pipelines.knowledge.people import first_names
    from pipelines.records import Article
    from pipelines.sources import read_paths

    articles = [a for a in read_paths([SAMPLE_DATA]) if isinstance(a, Article) and a.lang == lang]
    paragraphs = []
    for article in articles:
        for paragraph in article.text.split("\n\n")[1:]:  # the first block is the title line
            sentences = [s.strip() for s in SENTENCE_END.split(paragraph.strip()) if len(s.split()) >= 3]
            if sentences:
                paragraphs.append(sentences)
    text = "\n".join(a.text for a in articles)
    known = first_names()
    pairs = re.findall(r"\b([A-ZÄÖÜ][a-zäöüéèáíóúğş]+) ([A-ZÄÖÜ][a-zäöüéèáíóúğşć]{2,})\b", text)
    given = sorted({g for g, _ in pairs if g in known})
    surnames = sorted({s for g, s in pairs if g in known and s not in known})
    words = [w for s in (x for p in paragraphs for x in p) for w in s.split()[1:]]
    clean = [w.strip(".,;:!?\"„“()") for w in words]
    if lang == "de":
        nouns = sorted({w for w in clean if w[:1].isupper() and w.isalpha() and len(w) >= 5
                        and w not in known and w not in surnames})
        adjectives = sorted({w for w in clean if w.islower() and w.isalpha() and w.endswith(("ische", "liche", "ige"))})
    else:
        nouns = sorted({w for w in clean if w.islower() and w.isalpha() and len(w) >= 5})
        adjectives = sorted({w for w in clean if w.islower() and w.isalpha() and w.endswith(("al", "ic", "ive", "ous", "ary"))})
    sentences = [s for p in paragraphs for s in p]
    return Pool(lang, paragraphs, sentences, nouns, adjectives or ["new"], given, surnames,
                sum(len(a.text.split()) for a in articles), len(set(WORD.findall(text))))


class Generator:
    """Articles recombined from a Pool with a seeded RNG (see the module docstring)."""

    def __init__(self, pool: Pool, seed: int) -> None:
        self.pool, self.rng = pool, random.Random(seed)
        names = "|".join(re.escape(s) for s in sorted(pool.surnames, key=len, reverse=True))
        given = "|".join(re.escape(g) for g in sorted(pool.given, key=len, reverse=True))
        # numbers; "Given Surname"; bare surnames (also the genitive "Putins", whose s stays), not "Jong-un"
        self.pattern = re.compile(rf"(\d+)|\b(?:({given}) )?({names})(?=s?\b(?!-))" if names else r"(\d+)")

    def paragraph(self) -> str:
        rng, pool = self.rng, self.pool
        sentences = [s if rng.random() >= 0.25 else rng.choice(pool.sentences) for s in rng.choice(pool.paragraphs)]
        if rng.random() < 0.6:
            sentences.insert(rng.randrange(len(sentences) + 1), self.filler())
        return " ".join(sentences)

    def filler(self) -> str:
        template = self.rng.choice(DE_FILLERS if self.pool.lang == "de" else EN_FILLERS)
        slots = {"N": self.de_compound, "n": self.en_word, "a": self.adjective, "P": self.place, "Y": self.year}
        return re.sub(r"\{(\w)\}", lambda m: slots[m.group(1)](), template)

    def de_compound(self) -> str:
        first, second = self.rng.choice(self.pool.nouns), self.rng.choice(self.pool.nouns)
        return first + ("s" if first.endswith(LINKED) else "") + second.lower()

    def en_word(self) -> str:
        rng, word = self.rng, self.rng.choice(self.pool.nouns)
        roll = rng.random()
        if roll < 0.3:
            return rng.choice(EN_PREFIXES) + word
        if roll < 0.6:
            return re.sub(r"(e|y|s|ion)$", "", word) + rng.choice(EN_SUFFIXES)
        if roll < 0.9:
            return word + "-" + rng.choice(self.pool.nouns)  # "grain-corridor": one whitespace chunk, two tokens
        return word

    def adjective(self) -> str:
        return self.rng.choice(self.pool.adjectives)

    def place(self) -> str:
        rng = self.rng
        return ("".join(rng.choice(PLACE_SYLLABLES) for _ in range(rng.randint(1, 2))) + rng.choice(PLACE_ENDINGS)).capitalize()

    def year(self) -> str:
        return str(self.rng.randint(2025, 2035))

    def vary(self, text: str) -> str:
        """Every number re-drawn; per article, about half of the surnames and given names changed."""
        rng, endings = self.rng, SURNAME_ENDINGS.get(self.pool.lang, SURNAME_ENDINGS["en"])
        names: dict[str, str] = {}

        def number(digits: str) -> str:
            if len(digits) == 4 and 1900 <= int(digits) <= 2035:
                return str(rng.randint(1990, 2026))
            low = 10 ** (len(digits) - 1) if len(digits) > 1 else 0
            return str(rng.randint(low, 10 ** len(digits) - 1))

        def surname(name: str) -> str:
            if name not in names:
                names[name] = name if rng.random() < 0.5 else name[: max(3, len(name) - 2)] + rng.choice(endings)
            return names[name]

        def replace(match: re.Match[str]) -> str:
            if match.group(1):
                return number(match.group(1))
            given = match.group(2)
            if given and rng.random() < 0.3:
                given = rng.choice(self.pool.given)
            return (given + " " if given else "") + surname(match.group(3))

        return self.pattern.sub(replace, text)

    def article(self, number: int, min_words: int, max_words: int | None = None) -> dict[str, Any]:
        parts: list[str] = []
        words = 0
        while words < min_words:
            paragraph = self.paragraph()
            parts.append(paragraph)
            words += len(paragraph.split())
        text = self.vary("\n\n".join(parts))
        if max_words is not None and words > max_words:
            text = " ".join(text.split(" ")[:max_words]).rstrip(",;:") + "."
        title_words = self.pool.sentences[self.rng.randrange(len(self.pool.sentences))].split()[:8]
        title = self.vary(" ".join(title_words).rstrip(".,;:"))
        published = f"{self.rng.randint(2019, 2025)}-{self.rng.randint(1, 12):02d}-{self.rng.randint(1, 28):02d}"
        return {"id": f"bench-{self.pool.lang}-{number:07d}", "lang": self.pool.lang, "title": title,
                "published": published, "source": self.rng.choice(SOURCES), "text": text}


def record_words(record: dict[str, Any]) -> int:
    """Words the pipeline reads: the title line plus the text (the cleaned text starts with the title)."""
    return len(record["title"].split()) + len(record["text"].split())


@dataclass
class Corpus:
    lang: str
    path: str
    articles: int
    words: int
    types: int  # distinct word forms (\w+, case-sensitive)
    chunks: int  # distinct whitespace-separated chunks: the keys of spaCy's tokenizer cache
    sample_words: int
    sample_types: int
    seconds: float


def throughput_corpus(workdir: Path, lang: str, words: int, seed: int = SEED) -> Corpus:
    """The JSONL corpus of one language, generated once and cached with its statistics."""
    path = workdir / f"corpus-{lang}-{words}-seed{seed}.jsonl"
    meta = path.with_suffix(".json")
    if path.exists() and meta.exists():
        return Corpus(**json.loads(meta.read_text()))
    started = time.perf_counter()
    pool = sample_pool(lang)
    generator = Generator(pool, seed + (0 if lang == "de" else 1))
    total, articles, types, chunks = 0, 0, set(), set()
    partial = path.with_name(path.name + ".partial")
    with partial.open("w", encoding="utf-8") as out:
        while total < words:
            record = generator.article(articles, min_words=300)
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
            total += record_words(record)
            types.update(WORD.findall(record["title"]))
            types.update(WORD.findall(record["text"]))
            chunks.update(record["title"].split())
            chunks.update(record["text"].split())
            articles += 1
    partial.rename(path)
    corpus = Corpus(lang, str(path), articles, total, len(types), len(chunks), pool.sample_words, pool.sample_types,
                    round(time.perf_counter() - started, 1))
    meta.write_text(json.dumps(asdict(corpus)))
    return corpus


def stream_corpus(workdir: Path, articles: int, seed: int = SEED) -> tuple[Path, int]:
    """``articles`` short articles (100-160 words), German and English mixed at random; cached."""
    path = workdir / f"stream-{articles}-seed{seed}.jsonl"
    meta = path.with_suffix(".json")
    if path.exists() and meta.exists():
        return path, int(json.loads(meta.read_text())["words"])
    generators = {lang: Generator(sample_pool(lang), seed + 100 + n) for n, lang in enumerate(("de", "en"))}
    rng, total = random.Random(seed + 200), 0
    partial = path.with_name(path.name + ".partial")
    with partial.open("w", encoding="utf-8") as out:
        for number in range(articles):
            record = generators[rng.choice(("de", "en"))].article(number, min_words=100, max_words=160)
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
            total += record_words(record)
    partial.rename(path)
    meta.write_text(json.dumps({"articles": articles, "words": total}))
    return path, total


def read_texts(path: Path) -> list[str]:
    """What the pipeline tokenises: the title line, a blank line, the text."""
    with path.open(encoding="utf-8") as handle:
        return [f"{r['title']}\n\n{r['text']}" for r in map(json.loads, handle)]


# -- 1. throughput (children run in fresh processes) ---------------------------------------------------


def child_bare(path: Path, lang: str) -> dict[str, Any]:
    import spacy

    texts = read_texts(path)
    started = time.perf_counter()
    nlp = spacy.blank(lang)
    build = time.perf_counter() - started
    started = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=64):
        pass
    return {"seconds": time.perf_counter() - started, "build_seconds": build, "lexemes": len(nlp.vocab)}


def child_tokenizer(path: Path, lang: str) -> dict[str, Any]:
    from pipelines.nlp import get_nlp

    texts = read_texts(path)
    started = time.perf_counter()
    nlp = get_nlp(lang)
    build = time.perf_counter() - started
    started = time.perf_counter()
    for text in texts:
        nlp.make_doc(text)
    return {"seconds": time.perf_counter() - started, "build_seconds": build}


WARM_UP = {
    "de": "Der russische Präsident Wladimir Putin besuchte am 19. Juni 2024 Pjöngjang.",
    "en": "Russian President Vladimir Putin visited Pyongyang on 19 June 2024.",
}


def child_ingest(path: Path, lang: str, db: Path, workers: int, barrier: Path | None = None) -> dict[str, Any]:
    from pipelines.extract import extract
    from pipelines.ingest import ingest
    from pipelines.nlp import get_nlp
    from pipelines.records import Article

    started = time.perf_counter()
    get_nlp(lang)
    extract(Article(id="warm", key="warm", text=WARM_UP.get(lang, WARM_UP["en"]), lang=lang))
    build = time.perf_counter() - started
    if barrier:  # start together with the other runs of a pair (see run_pair)
        barrier.with_name(f"{barrier.name}.{os.getpid()}").touch()
        while not barrier.exists():
            time.sleep(0.005)
    started = time.perf_counter()
    report = ingest([path], db, workers=workers)
    seconds = time.perf_counter() - started
    return {"seconds": seconds, "build_seconds": build, "new": report.new, "rejected": len(report.rejected),
            "maxrss_kib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss}


def run_child(args: list[str], timeout: float) -> dict[str, Any]:
    """``python -m bench.ingest_bench --child ...`` in a fresh process; its JSON result."""
    command = [sys.executable, "-m", "bench.ingest_bench", "--child", *args]
    done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=timeout, check=False)
    if done.returncode != 0:
        raise RuntimeError(f"{' '.join(command)} failed ({done.returncode}):\n{done.stderr[-3000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def run_pair(path: Path, lang: str, workdir: Path, timeout: float) -> list[dict[str, Any]]:
    """Two independent 1-worker ingests (own process, own database) timed from one start signal.

    Nothing is shared between them but the machine (cores, caches, memory, disk), so their combined
    words/s shows what two processes of this whole workload get here.
    """
    barrier = workdir / "pair-start"
    for stale in workdir.glob("pair-*"):
        stale.unlink()
    commands = [[sys.executable, "-m", "bench.ingest_bench", "--child", "ingest", str(path), lang,
                 str(workdir / f"pair-{n}.sqlite"), "1", str(barrier)] for n in (1, 2)]
    procs = [subprocess.Popen(c, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for c in commands]
    deadline = time.monotonic() + timeout
    while len(list(workdir.glob("pair-start.*"))) < len(procs) and time.monotonic() < deadline:
        if any(p.poll() is not None for p in procs):
            break
        time.sleep(0.01)
    barrier.touch()
    results = []
    for proc, command in zip(procs, commands, strict=False):
        out, err = proc.communicate(timeout=timeout)
        if proc.returncode != 0:
            raise RuntimeError(f"{' '.join(command)} failed ({proc.returncode}):\n{err[-3000:]}")
        results.append(json.loads(out.strip().splitlines()[-1]))
    for stale in workdir.glob("pair-*"):
        stale.unlink()
    return results


@dataclass
class LangThroughput:
    lang: str
    corpus: Corpus
    bare: list[float] = field(default_factory=list)  # words/s per run
    tokenizer: list[float] = field(default_factory=list)
    ingest1: list[float] = field(default_factory=list)
    ingest2: list[float] = field(default_factory=list)
    pair: list[float] = field(default_factory=list)  # two 1-worker ingests at once, combined
    build_seconds: list[float] = field(default_factory=list)
    ingest1_maxrss_mib: list[float] = field(default_factory=list)
    runs: list[dict[str, Any]] = field(default_factory=list)

    def median(self, name: str) -> float:
        values = getattr(self, name)
        return statistics.median(values) if values else float("nan")


def throughput_bench(workdir: Path, langs: Sequence[str], words: int, runs: int, timeout: float) -> list[LangThroughput]:
    results = []
    for lang in langs:
        corpus = throughput_corpus(workdir, lang, words)
        log(f"[throughput] corpus {lang}: {corpus.articles} articles, {corpus.words} words, "
            f"{corpus.types} distinct word forms ({corpus.seconds} s to generate)")
        results.append(LangThroughput(lang, corpus))
    for run in range(runs):
        for result in results:
            path, lang, words_n = result.corpus.path, result.lang, result.corpus.words
            bare = run_child(["bare", path, lang], timeout)
            row: dict[str, Any] = {"run": run + 1, "bare": bare}
            result.bare.append(words_n / bare["seconds"])
            if run == 0:  # a breakdown, not a target: once is enough
                row["tokenizer"] = tok = run_child(["tokenizer", path, lang], timeout)
                result.tokenizer.append(words_n / tok["seconds"])
            for workers in (1, 2):
                db = workdir / f"ingest-{lang}-w{workers}.sqlite"
                for stale in (db, db.with_name(db.name + "-wal"), db.with_name(db.name + "-shm")):
                    stale.unlink(missing_ok=True)
                done = run_child(["ingest", path, lang, str(db), str(workers)], timeout)
                if done["new"] != result.corpus.articles or done["rejected"]:
                    raise RuntimeError(f"ingest stored {done['new']} of {result.corpus.articles} articles")
                row[f"ingest{workers}"] = done
                getattr(result, f"ingest{workers}").append(words_n / done["seconds"])
                if workers == 1:
                    result.build_seconds.append(done["build_seconds"])
                    result.ingest1_maxrss_mib.append(done["maxrss_kib"] / 1024)
            pair = run_pair(Path(path), lang, workdir, timeout)
            row["pair"] = pair
            result.pair.append(2 * words_n / max(p["seconds"] for p in pair))
            result.runs.append(row)
            log(f"[throughput] run {run + 1} {lang}: bare {words_n / bare['seconds']:,.0f} w/s, "
                f"tokenizer {result.tokenizer[-1]:,.0f} w/s (run 1), "
                f"ingest 1 worker {result.ingest1[-1]:,.0f} w/s ({row['ingest1']['seconds']:.1f} s), "
                f"2 workers {result.ingest2[-1]:,.0f} w/s ({row['ingest2']['seconds']:.1f} s), "
                f"two 1-worker ingests at once {result.pair[-1]:,.0f} w/s together")
    return results


def throughput_table(results: list[LangThroughput], runs: int) -> list[str]:
    lines = [f"1. Ingest throughput, words/s, median of {runs} run(s), fresh process and database per measurement", ""]
    header = (f"{'lang':4} {'words':>9} {'articles':>8} {'vocab':>7} {'bare spaCy':>11} {'tokenizer':>10} "
              f"{'ingest w=1':>10} {'ingest w=2':>10} {'w1/bare':>8} {'w2/w1':>6} {'pair/w1':>7}  targets")
    lines += [header, "-" * len(header)]
    for r in results:
        bare, tok, w1, w2, pair = (r.median(n) for n in ("bare", "tokenizer", "ingest1", "ingest2", "pair"))
        ratio, scaling = w1 / bare, w2 / w1
        targets = []
        if r.lang == "de":
            targets.append(f"w1/bare >= 1/15: {verdict(ratio >= TARGET_RATIO_DE)} (1/{1 / ratio:.0f})")
        targets.append(f"w2/w1 >= {TARGET_SCALING}: {verdict(scaling >= TARGET_SCALING)}")
        lines.append(f"{r.lang:4} {r.corpus.words:>9,} {r.corpus.articles:>8,} {r.corpus.types:>7,} {bare:>11,.0f} "
                     f"{tok:>10,.0f} {w1:>10,.0f} {w2:>10,.0f} {'1/' + format(1 / ratio, '.0f'):>8} {scaling:>6.2f} {pair / w1:>7.2f}  "
                     + "; ".join(targets))
    lines += ["", "pair/w1: two independent 1-worker ingests started together (own processes and databases), their "
              "combined words/s over one alone: how two whole ingests, each with its own SQLite writer, share "
              "this machine; a reference for w2/w1, which has one writer.", ""]
    for r in results:
        c = r.corpus
        lines.append(f"{r.lang}: vocabulary {c.types:,} distinct word forms, {c.chunks:,} distinct whitespace chunks "
                     f"in {c.words:,} words (sample articles: {c.sample_types:,} word forms in {c.sample_words:,} words); "
                     f"pipeline build {statistics.median(r.build_seconds):.1f} s (not in the figures); "
                     f"ranges: w=1 {spread(r.ingest1)}, w=2 {spread(r.ingest2)}, pair {spread(r.pair)}, bare {spread(r.bare)}; "
                     f"ingest w=1 max RSS {statistics.median(r.ingest1_maxrss_mib):,.0f} MiB")
    return lines


# -- 2. memory on a long stream -------------------------------------------------------------------------


def proc_status(pid: int) -> dict[str, int]:
    """VmRSS, VmHWM (bytes) and Pss (bytes) of a process; {} once it is gone."""
    found: dict[str, int] = {}
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            key, _, value = line.partition(":")
            if key in ("VmRSS", "VmHWM"):
                found[key] = int(value.split()[0]) * 1024
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            if line.startswith("Pss:"):
                found["Pss"] = int(line.split()[1]) * 1024
    except (OSError, ValueError, IndexError):
        return {}
    return found


def children(pid: int) -> list[int]:
    found = []
    try:
        for task in Path(f"/proc/{pid}/task").iterdir():
            text = (task / "children").read_text().split()
            found += [int(c) for c in text]
    except OSError:
        pass
    return found


def stored_documents(db: Path) -> int | None:
    if not db.exists():
        return None
    try:
        conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=0.2)
        try:
            return int(conn.execute("SELECT COUNT(*) FROM documents").fetchone()[0])
        finally:
            conn.close()
    except sqlite3.Error:
        return None


@dataclass
class RssResult:
    articles: int
    words: int
    workers: int
    seconds: float
    words_per_second: float
    peak_tree_rss: int
    peak_tree_pss: int
    hwm: dict[str, int]  # "main" / "worker N" -> VmHWM
    wait4_maxrss: int
    at: dict[str, dict[str, int]]  # "10%" -> {"main": rss, "workers": rss, "tree_rss": ..., "documents": ...}
    samples: list[dict[str, Any]]


def rss_bench(workdir: Path, articles: int, workers: int, timeout: float, interval: float = 1.0) -> RssResult:
    path, words = stream_corpus(workdir, articles)
    db = workdir / f"stream-{articles}.sqlite"
    for stale in (db, db.with_name(db.name + "-wal"), db.with_name(db.name + "-shm")):
        stale.unlink(missing_ok=True)
    command = [sys.executable, "-m", "pipelines", "ingest", str(path), "--db", str(db), "--workers", str(workers)]
    log(f"[rss] {' '.join(command)}  ({articles:,} articles, {words:,} words)")
    out = (workdir / "stream-ingest.log").open("w")
    started = time.perf_counter()
    proc = subprocess.Popen(command, cwd=ROOT, stdout=out, stderr=subprocess.STDOUT)
    samples: list[dict[str, Any]] = []
    hwm: dict[int, int] = {}
    worker_names: dict[int, str] = {}
    status = None
    next_log = started + 30
    while True:
        finished, status, usage = os.wait4(proc.pid, os.WNOHANG)
        if finished:
            break
        now = time.perf_counter()
        if now - started > timeout:
            proc.kill()
            raise RuntimeError(f"ingest of the stream took more than {timeout} s")
        main = proc_status(proc.pid)
        kids = {pid: proc_status(pid) for pid in children(proc.pid)}
        for pid, st in [(proc.pid, main), *kids.items()]:
            if st:
                hwm[pid] = max(hwm.get(pid, 0), st.get("VmHWM", 0))
        for pid in kids:
            worker_names.setdefault(pid, f"worker {len(worker_names) + 1}")
        docs = stored_documents(db)
        sample: dict[str, Any] = {"t": round(now - started, 1), "documents": docs,
                  "main_rss": main.get("VmRSS", 0), "main_pss": main.get("Pss", 0),
                  "workers_rss": [st.get("VmRSS", 0) for st in kids.values()],
                  "workers_pss": [st.get("Pss", 0) for st in kids.values()]}
        sample["tree_rss"] = sample["main_rss"] + sum(sample["workers_rss"])
        sample["tree_pss"] = sample["main_pss"] + sum(sample["workers_pss"])
        samples.append(sample)
        if now >= next_log:
            log(f"[rss] {sample['t']:.0f} s: {docs} documents, main {sample['main_rss'] / 2**20:.0f} MiB, workers "
                + ", ".join(f"{r / 2**20:.0f}" for r in sample["workers_rss"]) + " MiB")
            next_log = now + 30
        time.sleep(interval)
    seconds = time.perf_counter() - started
    out.close()
    if os.waitstatus_to_exitcode(status) != 0:
        raise RuntimeError(f"ingest failed; see {workdir / 'stream-ingest.log'}")
    proc.returncode = os.waitstatus_to_exitcode(status)
    final = stored_documents(db) or 0
    if final != articles:
        raise RuntimeError(f"the stream stored {final} of {articles} documents")
    at = {}
    with_workers = [s for s in samples if s["workers_rss"]] or samples
    for share in (0.10, 0.50, 1.00, None):
        if share is None:  # the last sample: the workers may have exited already
            name, pick = "end", samples[-1]
        elif share == 1.0:  # the last sample while the workers were still running
            name, pick = "100%", with_workers[-1]
        else:
            reached = [s for s in samples if (s["documents"] or 0) >= share * articles]
            name, pick = f"{share:.0%}", reached[0] if reached else samples[-1]
        at[name] = {"documents": pick["documents"] or 0, "main": pick["main_rss"],
                             "workers": max(pick["workers_rss"], default=0), "tree_rss": pick["tree_rss"],
                             "tree_pss": pick["tree_pss"]}
    names = {proc.pid: "main", **worker_names}
    return RssResult(articles, words, workers, round(seconds, 1), round(words / seconds), max(s["tree_rss"] for s in samples),
                     max(s["tree_pss"] for s in samples), {names.get(pid, str(pid)): v for pid, v in hwm.items()},
                     usage.ru_maxrss * 1024, at, samples)


def rss_table(r: RssResult) -> list[str]:
    lines = [(f"2. Memory: `python -m pipelines ingest stream.jsonl --workers {r.workers}` on {r.articles:,} articles "
              f"({r.words:,} words, {r.seconds:.0f} s, {r.words_per_second:,} words/s), MiB, sampled every second"), ""]
    header = f"{'stream':>7} {'documents':>10} {'main RSS':>9} {'worker RSS':>11} {'tree RSS':>9} {'tree PSS':>9}"
    lines += [header, "-" * len(header)]
    for share, row in r.at.items():
        lines.append(f"{share:>7} {row['documents']:>10,} {mib(row['main']):>9} {mib(row['workers']):>11} "
                     f"{mib(row['tree_rss']):>9} {mib(row['tree_pss']):>9}")
    lines.append("")
    lines.append("100%: the last sample while the worker processes still ran; end: the last sample of all. "
                 "tree = the ingest process plus its workers (RSS counts shared pages once per process, PSS splits them).")
    lines.append(f"peak tree RSS {mib(r.peak_tree_rss)} MiB (PSS {mib(r.peak_tree_pss)} MiB) < 1536 MiB: "
                 f"{verdict(r.peak_tree_rss < TARGET_PEAK_RSS)}; VmHWM "
                 + ", ".join(f"{name} {mib(v)}" for name, v in r.hwm.items())
                 + f" MiB; wait4 ru_maxrss (largest process) {mib(r.wait4_maxrss)} MiB")
    return lines


# -- 3. store queries ----------------------------------------------------------------------------------


def synthetic_store(workdir: Path) -> tuple[Path, str]:
    """The cached synthetic store of the SYNTHETIC size (see ``bench.synthetic.cached_store``)."""
    from bench.synthetic import cached_store

    s = SYNTHETIC
    db = workdir / f"synthetic-e{s['entities']}-r{s['relations']}-m{s['mentions']}-seed{s['seed']}.sqlite"
    return cached_store(db, s["entities"], s["relations"], mentions=s["mentions"], seed=s["seed"])


@dataclass
class QueryCase:
    name: str
    what: str
    ms: float
    rows: int
    target_ms: float | None = None
    first_ms: float | None = None

    @property
    def verdict(self) -> str:
        return "" if self.target_ms is None else verdict(self.ms < self.target_ms)


def timed(call: Any, runs: int) -> tuple[float, float, Any]:
    """(median of ``runs`` after one warm-up, the warm-up, the last result), in seconds."""
    started = time.perf_counter()
    result = call()
    first = time.perf_counter() - started
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        result = call()
        times.append(time.perf_counter() - started)
    return statistics.median(times), first, result


def postgres_synthetic_store(url: str) -> tuple[str, str]:
    """The synthetic store of the SYNTHETIC size in the PostgreSQL database at ``url``, built there
    when that database holds no documents yet."""
    from bench.synthetic import build_store
    from pipelines.store import Store

    with Store.open(url) as store:
        if store.counts()["documents"]:
            return url, "reused"
    s = SYNTHETIC
    started = time.perf_counter()
    counts = build_store(url, s["entities"], s["relations"], mentions=s["mentions"], seed=s["seed"])
    built = ", ".join(f"{name}: {n}" for name, n in counts.items())
    return url, f"built in {time.perf_counter() - started:.1f} s ({built})"


def query_bench(workdir: Path, runs: int, store_url: str | None = None) -> tuple[list[QueryCase], dict[str, Any]]:
    from explorer.data import load_snapshot
    from explorer.evidence import mention_evidence
    from explorer.queries import Filters, compute_view
    from explorer.views.details import ARTICLES_PAGE
    from pipelines.backends import public_target
    from pipelines.store import Store

    db, note = synthetic_store(workdir) if store_url is None else postgres_synthetic_store(store_url)
    log(f"[queries] store {public_target(db)}: {note}")
    cases: list[QueryCase] = []
    with Store.open(db) as store:
        counts = store.counts()
        ranked = store._db.tuples(  # the bench may read the raw connection; the pipeline does not
            "SELECT entity_id, COUNT(*) AS n FROM mentions GROUP BY entity_id ORDER BY n DESC, entity_id")
        popular, median, rare = ranked[0], ranked[len(ranked) // 2], ranked[-1]
        page = ARTICLES_PAGE
        for label, (entity, n) in (("popular", popular), ("median", median), ("rare", rare)):
            seconds, first, rows = timed(lambda e=entity: store.mentions(e, articles=page), runs)
            cases.append(QueryCase(f"drill-down {label} {entity} ({n:,} mentions), first {page} articles",
                                   "Store.mentions(articles=20)", ms(seconds), len(rows), TARGET_DRILL_MS, ms(first)))
            seconds, first, found = timed(lambda e=entity: mention_evidence(store.mentions(e, articles=page)), runs)
            cases.append(QueryCase(f"  + grouped for the card ({label})", "mention_evidence(Store.mentions)",
                                   ms(seconds), sum(len(a.sentences) for a in found), None, ms(first)))
        seconds, first, rows = timed(lambda e=popular[0]: store.mentions(e), max(1, min(runs, 3)))
        cases.append(QueryCase(f"every mention of popular {popular[0]} (no paging)", "Store.mentions",
                               ms(seconds), len(rows), None, ms(first)))
        load, load_first, snapshot = timed(lambda: load_snapshot(store), max(1, min(runs, 3)))
        started = time.perf_counter()
        compute_view(snapshot, Filters())
        first_view = time.perf_counter() - started
        rel = snapshot.relations
        for label, (entity, _) in (("popular", popular), ("median", median), ("rare", rare)):
            own = rel[(rel["source"] == entity) | (rel["target"] == entity)]
            if not len(own):
                continue
            edge = own.groupby("edge_id").size().sort_values(ascending=False).index[0]
            source, relation, target = edge.split("|")
            seconds, first, rows = timed(lambda s=source, r=relation, t=target: store.evidence(s, r, t), runs)
            cases.append(QueryCase(f"evidence of {label}'s top edge {relation}", "Store.evidence",
                                   ms(seconds), len(rows), TARGET_DRILL_MS, ms(first)))
        views = [
            ("default view (top 100)", Filters()),
            ("show co-mentioned edges", Filters(hide_co_mentioned=False)),
            (f"edges of popular {popular[0]} (focus, 1 hop)", Filters(focus=popular[0], hops=1)),
            (f"edges of popular {popular[0]} (focus, 2 hops)", Filters(focus=popular[0], hops=2)),
            (f"edges of rare {rare[0]} (focus, 1 hop)", Filters(focus=rare[0], hops=1)),
            ("all nodes (top_n 0)", Filters(top_n=0)),
        ]
        for name, filters in views:
            seconds, first, view = timed(lambda f=filters: compute_view(snapshot, f), runs)
            cases.append(QueryCase(name, "compute_view", ms(seconds), len(view.nodes), TARGET_VIEW_MS, ms(first)))
        started = time.perf_counter()
        relations = store.relations()
        global_relations = time.perf_counter() - started
    info = {"store": public_target(db), "note": note, "counts": counts, "snapshot_load_ms": ms(load),
            "snapshot_load_first_ms": ms(load_first), "first_view_ms": ms(first_view),
            "store_relations_ms": ms(global_relations), "store_relations_rows": len(relations)}
    return cases, info


def query_table(cases: list[QueryCase], info: dict[str, Any], runs: int) -> list[str]:
    c = info["counts"]
    lines = [(f"3. Store queries on a synthetic store ({c['entities']:,} entities, {c['mentions']:,} mentions, "
              f"{c['relations']:,} relation sentences, {c['documents']:,} documents), ms, median of {runs} "
              "after 1 warm-up (first call in brackets)"), ""]
    header = f"{'query':56} {'call':34} {'rows':>7} {'ms':>9} {'first':>9}  target"
    lines += [header, "-" * len(header)]
    for case in cases:
        target = f"< {case.target_ms:.0f} ms {case.verdict}" if case.target_ms is not None else ""
        lines.append(f"{case.name[:56]:56} {case.what[:34]:34} {case.rows:>7,} {case.ms:>9.1f} "
                     f"{'(' + format(case.first_ms, '.1f') + ')':>9}  {target}")
    lines.append("")
    lines.append(f"load_snapshot {info['snapshot_load_ms']:,.0f} ms (median; first {info['snapshot_load_first_ms']:,.0f} ms); "
                 f"first view on a fresh snapshot {info['first_view_ms']:,.0f} ms (builds the arrays); "
                 f"Store.relations() (global) {info['store_relations_ms']:,.0f} ms for {info['store_relations_rows']:,} edges")
    return lines


# -- profile --------------------------------------------------------------------------------------------


def profile(workdir: Path, lang: str, words: int, top: int = 30) -> None:
    """cProfile of one in-process ingest (1 worker) of a ``words``-word corpus, pipeline build excluded."""
    import cProfile
    import pstats

    corpus = throughput_corpus(workdir, lang, words)
    db = workdir / f"profile-{lang}.sqlite"
    for stale in (db, db.with_name(db.name + "-wal"), db.with_name(db.name + "-shm")):
        stale.unlink(missing_ok=True)
    from pipelines.extract import extract
    from pipelines.ingest import ingest
    from pipelines.nlp import get_nlp
    from pipelines.records import Article

    get_nlp(lang)
    extract(Article(id="warm", key="warm", text=WARM_UP.get(lang, WARM_UP["en"]), lang=lang))
    profiler = cProfile.Profile()
    started = time.perf_counter()
    profiler.enable()
    ingest([corpus.path], db, workers=1)
    profiler.disable()
    seconds = time.perf_counter() - started
    out = workdir / f"profile-{lang}-{words}.pstats"
    profiler.dump_stats(out)
    print(f"profile: {corpus.words:,} words, {corpus.articles} articles, {seconds:.1f} s under cProfile "
          f"({corpus.words / seconds:,.0f} words/s); stats in {out}")
    stats = pstats.Stats(profiler, stream=sys.stdout).strip_dirs()
    stats.sort_stats("tottime").print_stats(top)
    stats.sort_stats("cumulative").print_stats(top)


# -- command line ----------------------------------------------------------------------------------------


def child_main(argv: Sequence[str]) -> int:
    kind, path, lang, *rest = argv
    if kind == "bare":
        result = child_bare(Path(path), lang)
    elif kind == "tokenizer":
        result = child_tokenizer(Path(path), lang)
    else:
        result = child_ingest(Path(path), lang, Path(rest[0]), int(rest[1]), Path(rest[2]) if rest[2:] else None)
    print(json.dumps(result))
    return 0


def machine() -> str:
    import spacy

    return (f"{os.cpu_count()} cores, Python {platform.python_version()}, spaCy {spacy.__version__}, "
            f"SQLite {sqlite3.sqlite_version}")


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv[:1] == ["--child"]:
        return child_main(argv[1:])
    args = parser().parse_args(argv)
    workdir = Path(args.workdir or Path(tempfile.gettempdir()) / "entente-ingest-bench")
    workdir.mkdir(parents=True, exist_ok=True)
    if args.profile:
        for lang in args.langs:
            profile(workdir, lang, args.profile)
        return 0
    started = time.perf_counter()
    output: list[str] = [f"Machine: {machine()}; workdir {workdir}", ""]
    record: dict[str, Any] = {"machine": machine(), "args": vars(args)}
    if not args.skip_ingest:
        results = throughput_bench(workdir, args.langs, args.words, args.runs, args.timeout)
        output += throughput_table(results, args.runs) + [""]
        record["throughput"] = [asdict(r) for r in results]
    if not args.skip_rss:
        rss = rss_bench(workdir, args.articles, args.rss_workers, args.timeout)
        output += rss_table(rss) + [""]
        record["rss"] = asdict(rss)
    if not args.skip_queries:
        cases, info = query_bench(workdir, args.query_runs, args.query_store)
        output += query_table(cases, info, args.query_runs) + [""]
        record["queries"] = {"cases": [asdict(c) | {"verdict": c.verdict} for c in cases], **info}
    output.append(f"total {time.perf_counter() - started:.0f} s")
    record["seconds"] = round(time.perf_counter() - started, 1)
    print("\n".join(output))
    if args.json:
        Path(args.json).write_text(json.dumps(record, indent=1, default=str))
    return 0


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="python -m bench.ingest_bench", description=__doc__.splitlines()[0])
    p.add_argument("--words", type=int, default=2_000_000, help="words per language in the throughput corpus")
    p.add_argument("--runs", type=int, default=3, help="throughput runs (median)")
    p.add_argument("--articles", type=int, default=200_000, help="articles in the memory stream")
    p.add_argument("--rss-workers", type=int, default=2, help="--workers of the memory run")
    p.add_argument("--query-runs", type=int, default=5)
    p.add_argument("--langs", type=lambda s: [x for x in s.split(",") if x], default=["de", "en"])
    p.add_argument("--skip-ingest", action="store_true", help="skip the throughput part")
    p.add_argument("--skip-rss", action="store_true", help="skip the memory part")
    p.add_argument("--skip-queries", action="store_true", help="skip the store query part")
    p.add_argument("--query-store", metavar="URL",
                   help="run the query part on a postgresql:// database instead (the synthetic store is built there once)")
    p.add_argument("--timeout", type=float, default=1800, help="seconds allowed per subprocess")
    p.add_argument("--profile", type=int, metavar="WORDS", help="only cProfile an in-process ingest of WORDS words")
    p.add_argument("--workdir", help="corpora, databases and logs (default: $TMPDIR/entente-ingest-bench)")
    p.add_argument("--json", metavar="FILE", help="also write every figure as JSON")
    return p


if __name__ == "__main__":
    sys.exit(main())
