"""docker-compose.yml read as data (no Docker here): the one-shot jobs run before the API and
workers, nothing but `migrate` migrates, training never replaces a promoted model, the
long-running services have health checks, state is on volumes, and every command and
variable it uses exists."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml
from typer.testing import CliRunner

from civicpulse.cli import app
from config import Settings

REPO = Path(__file__).resolve().parents[2]
ONE_SHOT = {"migrate": ["db", "upgrade"], "train": ["train", "--if-no-model"]}
LONG_RUNNING = {"api": "serve", "worker": "worker"}


@pytest.fixture(scope="module")
def services() -> dict[str, Any]:
    compose = yaml.safe_load((REPO / "docker-compose.yml").read_text(encoding="utf-8"))
    declared = set(compose["volumes"])
    for service in compose["services"].values():
        for volume in service.get("volumes", []):
            assert volume.partition(":")[0] in declared, f"undeclared volume {volume}"
    return dict(compose["services"])


def ours(services: dict[str, Any]) -> dict[str, Any]:
    return {name: s for name, s in services.items() if s.get("image") == "civicpulse:latest"}


def test_the_services_and_what_they_run(services: dict[str, Any]) -> None:
    assert {"kafka", "postgres"} <= set(services)
    assert {n: s["command"] for n, s in ours(services).items()} == {
        **ONE_SHOT,
        **{name: [command] for name, command in LONG_RUNNING.items()},
    }
    for name in ONE_SHOT:
        assert services[name]["restart"] == "no", f"{name} runs once per `up`, then exits"
    for name in LONG_RUNNING:
        assert services[name]["restart"] == "unless-stopped"


def test_every_command_compose_runs_exists(services: dict[str, Any]) -> None:
    for name, service in ours(services).items():
        checks = [service["healthcheck"]["test"][2:]] if "healthcheck" in service else []
        for command in [service["command"], *checks]:
            result = CliRunner().invoke(app, [*command, "--help"])
            assert result.exit_code == 0, f"{name}: `civicpulse {' '.join(command)}` is unknown"


def test_api_and_workers_start_after_the_one_shot_jobs(services: dict[str, Any]) -> None:
    completed = "service_completed_successfully"
    assert services["migrate"]["depends_on"] == {"postgres": {"condition": "service_healthy"}}
    assert services["worker"]["depends_on"] == {
        "kafka": {"condition": "service_healthy"},
        "migrate": {"condition": completed},
        "train": {"condition": completed},
    }
    assert services["api"]["depends_on"]["migrate"] == {"condition": completed}


def test_only_migrate_migrates_the_schema(services: dict[str, Any]) -> None:
    for name, service in ours(services).items():
        settings = Settings(**lower_keys(service["environment"]))
        assert not settings.database_auto_migrate, f"{name} would migrate at start"
        assert settings.database_url and settings.database_url.startswith("postgresql")


def test_every_variable_compose_sets_is_a_setting(services: dict[str, Any]) -> None:
    known = {f"CIVICPULSE_{name.upper()}" for name in Settings.model_fields}
    for name, service in ours(services).items():
        unknown = set(service["environment"]) - known
        assert not unknown, f"{name} sets variables CivicPulse does not read: {unknown}"


def test_long_running_services_have_health_checks(services: dict[str, Any]) -> None:
    for name in LONG_RUNNING:
        check = services[name]["healthcheck"]
        assert check["test"] == ["CMD", "civicpulse", "healthcheck", name]
        assert {"interval", "timeout", "retries", "start_period"} <= set(check)
    assert services["api"]["environment"]["CIVICPULSE_API_HOST"] == "0.0.0.0"


def test_models_and_outputs_are_on_volumes_every_service_shares(services: dict[str, Any]) -> None:
    for name, service in ours(services).items():
        settings = Settings(**lower_keys(service["environment"]))
        mounts = {v.partition(":")[2]: v.partition(":")[0] for v in service["volumes"]}
        assert mounts == {
            str(settings.models_dir): "models",
            str(settings.outputs_dir): "outputs",
            str(settings.outbox_file.parent): "intake",
        }, name
        assert "user" not in service, f"{name} overrides the image's unprivileged user"


def test_no_service_needs_the_embedded_broker(services: dict[str, Any]) -> None:
    for name, service in ours(services).items():
        assert Settings(**lower_keys(service["environment"])).kafka_bootstrap == "kafka:9092", name


def lower_keys(environment: dict[str, str]) -> dict[str, str]:
    return {k.removeprefix("CIVICPULSE_").lower(): v for k, v in environment.items()}
