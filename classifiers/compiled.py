"""Which modules mypyc compiles when the package is built (``setup.py``), and whether the compiled
copies beside them were built from the sources there now: a copy built from other sources is
never run. Redaction is pure-Python text scanning, about a third of a worker's CPU a contact;
compiled, it gives the same output for a quarter less (bench/PROFILE.md, seventh session).

This module imports nothing of CivicPulse, so that ``setup.py`` can load it in a bare build
environment."""

from __future__ import annotations

import hashlib
import importlib.abc
import importlib.machinery
import importlib.util
import logging
import os
import shlex
import shutil
import sys
import sysconfig
from collections.abc import Mapping, Sequence
from pathlib import Path
from types import ModuleType

__all__ = (
    "GROUP",
    "PURE_PYTHON_VARIABLE",
    "STAMP",
    "can_compile",
    "compiled_copies",
    "compiled_sources",
    "prefer_current_sources",
    "pure_python_wanted",
    "running_compiled",
    "sources_digest",
    "write_stamp",
)

log = logging.getLogger(__name__)

PACKAGE = Path(__file__).resolve().parent
# Patterns under ``classifiers/``: the redaction passes and the word cutter they share
PATTERNS = ("redaction.py", "_redaction_*.py", "ascii_words.py")
GROUP = "classifiers_redaction"  # mypyc's name for them: one shared library, GROUP__mypyc
STAMP = "compiled-sources.sha256"  # the digest of the sources the compiled modules came from
# Set (to anything but "" or "0"): build without compiling, and run the sources even where a
# compiled copy is current (to compare, or to debug with pdb)
PURE_PYTHON_VARIABLE = "CIVICPULSE_PURE_PYTHON"


def compiled_sources(package: Path = PACKAGE) -> list[Path]:
    """The sources mypyc compiles, in a fixed order."""
    return sorted({path for pattern in PATTERNS for path in package.glob(pattern)})


def sources_digest(package: Path = PACKAGE) -> str:
    """sha256 over the compiled sources' names and contents."""
    digest = hashlib.sha256()
    for path in compiled_sources(package):
        digest.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


def write_stamp(package: Path = PACKAGE) -> None:
    """Record that the compiled modules now beside the sources were built from them."""
    (package / STAMP).write_text(sources_digest(package) + "\n", encoding="ascii")


def can_compile() -> bool:
    """Whether this machine has what building C extensions needs: the C compiler Python was
    built with (or ``CC``) and Python's headers. Without them the package installs as Python."""
    compiler = shlex.split(os.environ.get("CC") or sysconfig.get_config_var("CC") or "cc")
    headers = Path(sysconfig.get_paths()["include"]) / "Python.h"
    return bool(compiler) and shutil.which(compiler[0]) is not None and headers.is_file()


def pure_python_wanted(environ: Mapping[str, str] = os.environ) -> bool:
    return environ.get(PURE_PYTHON_VARIABLE, "") not in ("", "0")


def prefer_current_sources(package: Path = PACKAGE, name: str = __package__ or "") -> bool:
    """If compiled modules sit beside the sources but were built from other sources (edited
    since), or pure Python is asked for, import every compiled module from its source instead.
    All or none: compiled modules call each other directly, not through their modules, so a
    compiled one would still run the stale copy of a module imported from source. Call before
    any of them is imported; True if the sources will be run."""
    sources = compiled_sources(package)
    built = [p for p in sources if compiled_copies(p)]
    if not built:
        return False  # not compiled: Python imports the sources anyway
    stamp = package / STAMP
    current = stamp.is_file() and stamp.read_text(encoding="ascii").strip() == sources_digest(
        package
    )
    if current and not pure_python_wanted():
        return False
    if not current:
        log.warning(
            "the compiled redaction modules were built from other sources: running the "
            "sources (slower); `make install` compiles them again"
        )
    sys.meta_path.insert(0, _SourceFinder({f"{name}.{p.stem}": p for p in sources}))
    return True


def running_compiled() -> bool:
    """Whether redaction runs compiled in this process (benches record it)."""
    from classifiers import redaction  # here: setup.py loads this module alone

    return Path(redaction.__file__ or "").suffix != ".py"


def compiled_copies(source: Path) -> list[Path]:
    """The extension modules built from ``source`` that sit beside it (``x.py``: ``x.*.so``)."""
    return [
        source.with_name(source.stem + suffix)
        for suffix in importlib.machinery.EXTENSION_SUFFIXES
        if source.with_name(source.stem + suffix).exists()
    ]


class _SourceFinder(importlib.abc.MetaPathFinder):
    """Finds the named modules at their ``.py`` files, ahead of the extension modules that
    Python's own finders would choose."""

    def __init__(self, sources: dict[str, Path]) -> None:
        self.sources = sources

    def find_spec(
        self, fullname: str, path: Sequence[str] | None, target: ModuleType | None = None
    ) -> importlib.machinery.ModuleSpec | None:
        source = self.sources.get(fullname)
        return None if source is None else importlib.util.spec_from_file_location(fullname, source)
