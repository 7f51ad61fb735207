"""The parser compiled by `make setup` (mypyc): used only when built from the very sources beside it, and
then reading every statement as the Python sources do."""

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import registry.parsing
from registry.parsing import compiling, parse_statement
from tests.helpers import DEV_LABELS

ROOT = Path(__file__).resolve().parents[3]


@pytest.fixture
def sources(tmp_path: Path) -> Path:
    folder = tmp_path / "src"
    folder.mkdir()
    for name in compiling.MODULES:
        shutil.copy(compiling.SOURCE_DIR / f"{name}.py", folder / f"{name}.py")
    return folder


@pytest.fixture
def build(tmp_path: Path, sources: Path, monkeypatch) -> Path:
    monkeypatch.delenv("COI_PURE_PARSER", raising=False)
    folder = tmp_path / "build"
    (folder / "registry" / "parsing").mkdir(parents=True)
    (folder / compiling.MANIFEST).write_text(json.dumps(compiling.manifest(sources)), "utf-8")
    return folder


def test_a_build_of_these_sources_is_used(build, sources):
    assert compiling.fresh_build(build, sources) == build / "registry" / "parsing"


def test_a_build_of_other_sources_is_never_used(build, sources):
    with (sources / "text.py").open("a", encoding="utf-8") as source:
        source.write("\n# an edit after the build\n")
    assert compiling.fresh_build(build, sources) is None


def test_a_build_for_another_interpreter_is_never_used(build, sources):
    built = json.loads((build / compiling.MANIFEST).read_text("utf-8"))
    built["interpreter"] = "cpython-312 3.12.0"
    (build / compiling.MANIFEST).write_text(json.dumps(built), "utf-8")
    assert compiling.fresh_build(build, sources) is None


def test_no_build_or_a_broken_manifest_means_the_sources(tmp_path, sources):
    assert compiling.fresh_build(tmp_path / "nothing", sources) is None
    (tmp_path / compiling.MANIFEST).write_text("{not json", "utf-8")
    assert compiling.fresh_build(tmp_path, sources) is None


def test_the_sources_can_be_asked_for(build, sources, monkeypatch):
    monkeypatch.setenv("COI_PURE_PARSER", "1")
    assert compiling.fresh_build(build, sources) is None


def test_the_package_runs_what_the_guard_chose():
    import registry.parsing.parser as parser_module

    built = compiling.fresh_build() is not None
    assert registry.parsing.compiled() == built
    assert parser_module.__file__.endswith(".py") != built


def _module_file_after_edit(tmp_path: Path, edit: bool) -> str:
    """Where registry.parsing.text is loaded from, in a copy of the package and its build."""
    copy = tmp_path / ("edited" if edit else "as-built")
    shutil.copytree(
        ROOT / "registry" / "parsing", copy / "registry" / "parsing", ignore=shutil.ignore_patterns("__pycache__")
    )
    (copy / "registry" / "__init__.py").write_text("", "utf-8")
    shutil.copytree(compiling.BUILD_DIR, copy / "build" / "parser")
    if edit:
        with (copy / "registry" / "parsing" / "text.py").open("a", encoding="utf-8") as source:
            source.write("\nEDITED = True\n")
    env = {k: v for k, v in os.environ.items() if k != "COI_PURE_PARSER"}
    code = "import registry.parsing.text as t; print(t.__file__)"
    out = subprocess.run([sys.executable, "-c", code], cwd=copy, env=env, capture_output=True, text=True, check=True)
    return out.stdout.strip()


@pytest.mark.skipif(compiling.fresh_build() is None, reason="the parser is not compiled here")
def test_an_edited_source_runs_as_itself_not_as_the_old_build(tmp_path):
    assert not _module_file_after_edit(tmp_path, edit=False).endswith(".py")  # the build, while it is current
    assert _module_file_after_edit(tmp_path, edit=True).endswith("text.py")


@pytest.mark.skipif(not registry.parsing.compiled(), reason="the parser is not compiled here")
def test_compiled_and_python_parsers_read_the_same():
    records = [json.loads(line) for line in DEV_LABELS.read_text("utf-8").splitlines() if line.strip()]
    records.append({"statement": "EI, FT and JL " * 200, "authors": ["Ole A. Andreassen", "Rita Sand"]})
    code = (
        "import json, sys\n"
        "from registry.parsing import compiled, parse_statement\n"
        "assert not compiled()\n"
        "for r in json.loads(sys.stdin.read()):\n"
        "    print(repr(parse_statement(r['statement'], r['authors'])))\n"
    )
    env = {**os.environ, "COI_PURE_PARSER": "1"}
    pure = subprocess.run(
        [sys.executable, "-c", code],
        input=json.dumps(records),
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.splitlines()
    assert pure == [repr(parse_statement(r["statement"], r["authors"])) for r in records]


def test_the_compiled_modules_type_check(tmp_path):
    # mypyc compiles only code mypy accepts, and checks the annotations at run time: a parser change that
    # breaks them would leave `make setup` without a build (the parser then runs as Python, slower).
    api = pytest.importorskip("mypy.api")
    paths = [str(compiling.SOURCE_DIR / f"{name}.py") for name in compiling.MODULES]
    options = ["--ignore-missing-imports", "--follow-imports=silent", f"--cache-dir={tmp_path}"]
    out, err, status = api.run([*options, *paths])
    assert status == 0, out + err


def test_a_build_is_stale_once_a_module_it_imports_but_does_not_compile_changes(tmp_path, sources, monkeypatch):
    """Compiled `categories` relies on the types of `firstchars`, which stays Python."""
    monkeypatch.delenv("COI_PURE_PARSER", raising=False)
    shutil.copy(compiling.SOURCE_DIR / "firstchars.py", sources / "firstchars.py")
    folder = tmp_path / "build"
    (folder / "registry" / "parsing").mkdir(parents=True)
    (folder / compiling.MANIFEST).write_text(json.dumps(compiling.manifest(sources)), "utf-8")
    assert compiling.fresh_build(folder, sources) is not None
    with (sources / "firstchars.py").open("a") as source:
        source.write("\n# edited after the build\n")
    assert compiling.fresh_build(folder, sources) is None
