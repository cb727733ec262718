"""Model registry on disk: ``<models_dir>/<version>/`` holds the model and its metadata
(training-data summary, metrics, date); ``promoted.json`` names the version the worker uses
and keeps the promotion history that ``rollback`` walks back."""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import joblib
import sklearn

from classifiers.artifact import ModelArtifact
from classifiers.errors import IncompleteModelError, ModelNotFoundError, ModelVersionError
from classifiers.model import ContactClassifier

MODEL_FILE = "model.joblib"
METADATA_FILE = "metadata.json"
PROMOTED_FILE = "promoted.json"
FORMAT = 2  # 2: a ModelArtifact (calibrated heads, thresholds); 1 had neither


@dataclass(frozen=True)
class ModelRegistry:
    models_dir: Path

    def save(self, artifact: ModelArtifact, metadata: dict[str, Any]) -> Path:
        folder = self.models_dir / artifact.version
        folder.mkdir(parents=True, exist_ok=False)
        joblib.dump({"format": FORMAT, "artifact": artifact}, folder / MODEL_FILE)
        meta = {
            "version": artifact.version,
            "created_at": datetime.now(UTC).isoformat(),
            "sklearn_version": sklearn.__version__,
            "format": FORMAT,
            "targets": list(artifact.targets),
            "classes": {
                t: [str(c) for c in artifact.labeller.classes(t)] for t in artifact.targets
            },
            "thresholds": dict(artifact.thresholds),
            "review_threshold": artifact.review_threshold,
            **metadata,
        }
        (folder / METADATA_FILE).write_text(json.dumps(meta, indent=2, default=str))
        return folder

    def versions(self) -> list[dict[str, Any]]:
        """Metadata of every saved model, oldest first."""
        out = []
        for meta_path in sorted(self.models_dir.glob(f"*/{METADATA_FILE}")):
            out.append(json.loads(meta_path.read_text()))
        return sorted(out, key=lambda m: m.get("created_at", ""))

    def exists(self, version: str) -> bool:
        return (self.models_dir / version / METADATA_FILE).exists()

    def metadata(self, version: str) -> dict[str, Any]:
        path = self.models_dir / version / METADATA_FILE
        if not path.exists():
            raise ModelNotFoundError(f"no model version {version!r} in {self.models_dir}")
        return dict(json.loads(path.read_text()))

    def load_artifact(self, version: str) -> ModelArtifact:
        meta = self.metadata(version)
        if meta.get("sklearn_version") != sklearn.__version__ or meta.get("format") != FORMAT:
            raise ModelVersionError(
                f"model {version} was saved by an earlier CivicPulse or scikit-learn "
                f"{meta.get('sklearn_version')} (this installation has {sklearn.__version__}): "
                "retrain with `civicpulse train`"
            )
        payload = joblib.load(self.models_dir / version / MODEL_FILE)
        artifact = payload["artifact"]
        assert isinstance(artifact, ModelArtifact)
        return artifact

    def load(self, version: str) -> ContactClassifier:
        """The model as the worker uses it (IncompleteModelError if it cannot be used alone)."""
        return self.load_artifact(version).classifier()

    def promoted_version(self) -> str | None:
        state = self._promoted()
        return str(state["version"]) if state.get("version") else None

    def history(self) -> list[dict[str, Any]]:
        """Promotions still in force, oldest first; the last is the promoted model."""
        state = self._promoted()
        history = state.get("history")
        if isinstance(history, list):
            return [dict(h) for h in history]
        return [{"version": state["version"]}] if state.get("version") else []

    def promote(self, version: str) -> None:
        """Make ``version`` the worker's model; it must be usable as it is (``promote_checked``
        derives a usable version from one that is not)."""
        meta = self.metadata(version)
        if meta.get("format") != FORMAT:
            raise ModelVersionError(f"model {version} was saved by an earlier CivicPulse: retrain")
        if meta.get("review_threshold") is None:
            raise IncompleteModelError(version, "it lacks a head or predicts labels of its own")
        now = datetime.now(UTC).isoformat()
        self._write(version, [*self.history(), {"version": version, "promoted_at": now}])

    def rollback(self) -> str:
        """Promote again the version promoted before the current one; returns it."""
        history = self.history()
        if len(history) < 2:
            raise ModelNotFoundError("no earlier promotion to roll back to")
        previous = history[:-1]
        self.metadata(previous[-1]["version"])  # must still exist
        self._write(previous[-1]["version"], previous, rolled_back=history[-1]["version"])
        return str(previous[-1]["version"])

    def load_promoted(self) -> ContactClassifier:
        version = self.promoted_version()
        if version is None:
            raise ModelNotFoundError(
                f"no promoted model in {self.models_dir}: run `civicpulse train` first"
            )
        return self.load(version)

    def _promoted(self) -> dict[str, Any]:
        try:
            state = json.loads((self.models_dir / PROMOTED_FILE).read_text())
        except (FileNotFoundError, ValueError):
            return {}
        return dict(state) if isinstance(state, dict) else {}

    def _write(self, version: str, history: list[dict[str, Any]], **extra: str) -> None:
        self.models_dir.mkdir(parents=True, exist_ok=True)
        state = {
            "version": version,
            "promoted_at": datetime.now(UTC).isoformat(),
            "history": history,
            **extra,
        }
        tmp = self.models_dir / f".{PROMOTED_FILE}.{os.getpid()}"
        tmp.write_text(json.dumps(state, indent=2))
        tmp.replace(self.models_dir / PROMOTED_FILE)  # atomic: a worker never reads half a file
