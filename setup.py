"""Compiles the redaction passes with mypyc when the package is built; everything else about
the package is in pyproject.toml. Which modules, and why: ``classifiers/compiled.py``.
CIVICPULSE_PURE_PYTHON=1 builds without compiling; so does a machine without a C compiler."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

from setuptools import Extension, setup

ROOT = Path(__file__).resolve().parent


def load_compiled_plan():  # type: ignore[no-untyped-def]
    """``classifiers/compiled.py`` alone: importing ``classifiers`` needs its dependencies,
    which a build environment does not have."""
    spec = importlib.util.spec_from_file_location("compiled_plan", ROOT / "classifiers/compiled.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


# The commands that build: pip runs this file for the metadata too, where compiling (~16 s of
# type-checking and C generation each time) would be wasted
BUILDS = {"bdist_wheel", "editable_wheel", "build_ext", "build", "develop", "install"}


def compiled_modules() -> list[Extension]:
    if not BUILDS & set(sys.argv):
        return []
    plan = load_compiled_plan()
    package = ROOT / "classifiers"
    # The shared library has no source of its own: named as if it had, beside the packages
    sources = [*plan.compiled_sources(package), ROOT / f"{plan.GROUP}__mypyc.py"]
    built = [copy for source in sources for copy in plan.compiled_copies(source)]
    for stale in [*built, package / plan.STAMP]:  # an in-place build's, from other sources
        stale.unlink(missing_ok=True)
    if plan.pure_python_wanted():
        return []
    if not plan.can_compile():
        print(  # pip shows a build's output with -v
            "civicpulse: no C compiler or Python headers here: redaction installs as Python "
            "(about a quarter slower); install gcc and python3-dev to compile it",
            file=sys.stderr,
        )
        return []
    from mypyc.build import mypycify

    paths = [str(p.relative_to(ROOT)) for p in plan.compiled_sources(package)]
    # Imported modules are read for their types only, never checked here (``make lint`` does)
    modules = mypycify(["--follow-imports=silent", *paths], opt_level="3", group_name=plan.GROUP)
    plan.write_stamp(package)
    return modules


setup(ext_modules=compiled_modules())
