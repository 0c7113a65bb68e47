"""``python -m pipelines curate …`` on articles ingested by the real code: one command runs as users run
it (a subprocess); the others call the same ``main`` in-process (each subprocess pays for loading spaCy)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest

from pipelines.cli import main
from tests.conftest import SAMPLE_DATA
from tests.pipelines.test_cli import run

LULA, LULA_FULL = "person:lula", "person:luiz-inacio-lula-da-silva"
WRONG = "person:javier-milei|leader_of|country:PY"
ARTICLES = ("eu-mercosur-einigung.de.md", "eu-mercosur-deal-montevideo.en.md")


def ingest_copies(folder: Path) -> Path:
    """Two sample articles copied to ``folder``/in (so one can be changed) and ingested; the database."""
    (folder / "in").mkdir()
    for name in ARTICLES:
        shutil.copy(SAMPLE_DATA / name, folder / "in" / name)
    assert main(["ingest", str(folder / "in"), "--db", str(folder / "kg.sqlite")]) == 0
    return folder / "kg.sqlite"


@pytest.fixture(scope="module")
def ingested(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return ingest_copies(tmp_path_factory.mktemp("curate"))


@pytest.fixture
def db(ingested: Path, tmp_path: Path) -> Path:
    """A fresh copy of the ingested database."""
    shutil.copy(ingested, tmp_path / "kg.sqlite")
    return tmp_path / "kg.sqlite"


def curate_process(db: Path, *args: str) -> tuple[int, str, str]:
    result = run("curate", "--db", str(db), *args)
    return result.returncode, result.stdout, result.stderr


@pytest.fixture
def curate(capsys: pytest.CaptureFixture[str]) -> Any:
    """Run ``curate --db DB ARGS…`` through the CLI's main: (exit code, stdout, stderr)."""
    def running(db: Path, *args: str) -> tuple[int, str, str]:
        capsys.readouterr()
        code = main(["curate", "--db", str(db), *args])
        out, err = capsys.readouterr()
        return code, out, err
    return running


def exported(db: Path) -> dict[str, Any]:
    """The JSON export written by the CLI's main: node ids, edge ids and nodes by id."""
    out = db.parent / "export.json"
    assert main(["export", "--db", str(db), "--format", "json", "-o", str(out)]) == 0
    data = json.loads(out.read_text(encoding="utf-8"))
    return {"nodes": {n["id"] for n in data["nodes"]}, "by_id": {n["id"]: n for n in data["nodes"]},
            "edges": {f"{e['source']}|{e['relation']}|{e['target']}" for e in data["edges"]}}


def test_curate_cli_merge_reaches_the_export_and_survives_reingest(tmp_path: Path, curate: Any,
                                                                    capsys: pytest.CaptureFixture[str]) -> None:
    db = ingest_copies(tmp_path)
    code, out, _ = curate_process(db, "--by", "ann", "merge", LULA_FULL, LULA)
    assert code == 0 and out.startswith("decision 1: merged Lula (person:lula) into Luiz Inácio Lula da Silva") and "(by ann)" in out
    assert LULA not in exported(db)["nodes"] and LULA_FULL in exported(db)["nodes"]
    article = db.parent / "in" / ARTICLES[0]
    article.write_text(article.read_text(encoding="utf-8") + "\nLula sprach danach mit Macron.\n", encoding="utf-8")
    capsys.readouterr()
    assert main(["ingest", str(db.parent / "in"), "--db", str(db)]) == 0
    assert "1 replaced" in capsys.readouterr().out
    assert LULA not in exported(db)["nodes"]
    code, out, _ = curate(db, "undo", "1", "--by", "bob")
    assert code == 0 and out.startswith("undone 1:")
    assert LULA in exported(db)["nodes"]
    listed = curate(db, "list")[1]
    assert listed.startswith("1  merged") and "(ann, " in listed and "[undone " in listed and "by bob]" in listed


def test_curate_cli_reject_relation_list_and_restore(db: Path, curate: Any) -> None:
    assert WRONG in exported(db)["edges"]
    assert curate(db, "reject-relation", WRONG)[0] == 0
    assert WRONG not in exported(db)["edges"]
    code, out, _ = curate(db, "list", "--rejected", "--json")
    assert code == 0 and [json.loads(line)["item"] for line in out.splitlines()] == [WRONG]
    assert curate(db, "restore", WRONG)[0] == 0
    assert WRONG in exported(db)["edges"] and curate(db, "list", "--rejected")[1] == ""


def test_curate_cli_rename_retype_split_and_reject_entity(db: Path, curate: Any) -> None:
    assert curate(db, "rename", "place:montevideo", "Montevideo (Uruguay)")[0] == 0
    assert curate(db, "retype", "organization:mercosur", "agreement")[0] == 0
    assert curate(db, "reject-entity", "place:south-america")[0] == 0
    by_id = exported(db)["by_id"]
    assert by_id["place:montevideo"]["label"] == "Montevideo (Uruguay)"
    assert by_id["organization:mercosur"]["type"] == "agreement" and "place:south-america" not in by_id
    code, _, err = curate(db, "split", "place:montevideo", "Nowhere")
    assert code == 2 and "is not mentioned as 'Nowhere'; its names are:" in err


@pytest.mark.parametrize(("args", "says"), [
    (("merge", LULA, LULA), "cannot merge person:lula with itself"),
    (("merge", LULA, "person:nobody"), "'person:nobody': no such entity"),
    (("retype", LULA, "planet"), "unknown type 'planet'; choose one of: person, organization"),
    (("undo", "7"), "no decision 7"),
    (("undo", "seven"), "decision id must be a whole number"),
    (("restore", LULA), "'person:lula' is not rejected"),
    (("reject-relation", "a|b"), "no relation 'a|b'"),
])
def test_curate_cli_bad_request_exits_2_with_one_line(db: Path, curate: Any, args: tuple[str, ...], says: str) -> None:
    code, out, err = curate(db, *args)
    assert (code, out) == (2, "") and err.startswith("error: ") and says in err and "Traceback" not in err
    assert curate(db, "list")[1] == ""


def test_curate_cli_without_database_explains(tmp_path: Path, curate: Any) -> None:
    code, _, err = curate(tmp_path / "none.sqlite", "list")
    assert code == 1 and "run `python -m pipelines ingest PATH" in err
