"""The statement parser compiled with mypyc, used only when the build is of the sources beside it.

`make setup` compiles the parser's modules (`scripts/build_parser.py`) into `build/parser/` with a
manifest of what it compiled from: the SHA-256 of every module's source in the package (those it compiled
and those they import) and the interpreter it was built for.
The package puts the compiled folder first on its path only when the manifest matches the sources and
the interpreter now, so a module edited since the build runs as its source, never as the old code
(a developer who edits the parser and runs the tests gets the pure-Python parser until `make setup`
compiles it again). Without a build (no C compiler, no Python headers, a failed build) or with
COI_PURE_PARSER=1, the parser is the pure-Python modules, with the same output, about 1.6 times slower.

Standard library only, and never compiled itself: the build script reads it without importing the package.
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
from pathlib import Path

SOURCE_DIR = Path(__file__).resolve().parent
BUILD_DIR = SOURCE_DIR.parents[1] / "build" / "parser"
MANIFEST = "manifest.json"
# The parser proper. Not compiled: this module, the package's __init__, the tools around the parser
# (benchmark, evaluation, jsonl) and firstchars (which reads the grammar once per new word, and reaches
# into the private modules of `re`).
MODULES = (
    "authors",
    "brackets",
    "categories",
    "clauses",
    "codes",
    "labels",
    "lists",
    "mentions",
    "nameshapes",
    "nothing",
    "objects",
    "orgnames",
    "outcome",
    "parser",
    "payees",
    "result",
    "sharing",
    "spelling",
    "state",
    "subjects",
    "text",
)
# The shared library of the compiled modules: registry/parsing/compiled__mypyc.*.so in the build folder.
GROUP = "registry.parsing.compiled"


def source_hashes(source_dir: Path = SOURCE_DIR) -> dict[str, str]:
    """Every module of the package, compiled or not: the compiled ones rely on what they import from the
    others (firstchars' types and constants), so a build is stale once any of them changes."""
    return {path.stem: hashlib.sha256(path.read_bytes()).hexdigest() for path in sorted(source_dir.glob("*.py"))}


def interpreter() -> str:
    """The interpreter a build is for: an extension built for another one may not load, or misbehave."""
    return f"{sys.implementation.cache_tag} {sys.version}"


def manifest(source_dir: Path = SOURCE_DIR) -> dict[str, object]:
    return {"interpreter": interpreter(), "modules": source_hashes(source_dir)}


def pure_wanted() -> bool:
    return os.environ.get("COI_PURE_PARSER", "").strip().lower() in ("1", "true", "yes")


def fresh_build(build_dir: Path = BUILD_DIR, source_dir: Path = SOURCE_DIR) -> Path | None:
    """The folder of compiled modules to import before the sources, or None when there is no build of
    exactly these sources for this interpreter (or the pure-Python parser is asked for)."""
    if pure_wanted():
        return None
    try:
        built = json.loads((build_dir / MANIFEST).read_text("utf-8"))
        current = manifest(source_dir)
    except (OSError, ValueError):
        return None
    if built != current:
        return None
    folder = build_dir / "registry" / "parsing"
    return folder if folder.is_dir() else None
