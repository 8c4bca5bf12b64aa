"""constraints.txt pins what a deployment installs: every runtime dependency, direct or not, exactly once.

A deployment runs `pip install --constraint constraints.txt ".[postgres]"` (docs/deployment.md); CI
installs with the same file, so the tests run on the pinned versions. These checks are offline.
"""

from __future__ import annotations

import tomllib
from importlib import metadata
from pathlib import Path

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name
from packaging.version import Version

ROOT = Path(__file__).resolve().parents[1]
DEVELOPMENT_EXTRAS = {"test"}  # tools for working on echobot, not part of a deployment


def _pins() -> dict[str, Version]:
    pins: dict[str, Version] = {}
    for line in (ROOT / "constraints.txt").read_text().splitlines():
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        requirement = Requirement(line)
        (spec,) = requirement.specifier
        assert spec.operator == "==", f"not an exact pin: {line}"
        name = canonicalize_name(requirement.name)
        assert name not in pins, f"pinned twice: {name}"
        pins[name] = Version(spec.version)
    return pins


def _runtime_requirements() -> list[tuple[Requirement, set[str]]]:
    """Each requirement of the project's runtime, with the extras under which it applies."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    found = [(Requirement(text), {""}) for text in project["dependencies"]]
    for extra, texts in project.get("optional-dependencies", {}).items():
        if extra not in DEVELOPMENT_EXTRAS:
            found += [(Requirement(text), {"", extra}) for text in texts]
    return [(req, extras) for req, extras in found if _applies(req, extras)]


def _applies(requirement: Requirement, extras: set[str]) -> bool:
    marker = requirement.marker
    return marker is None or any(marker.evaluate({"extra": extra}) for extra in extras)


def test_every_direct_runtime_dependency_is_pinned_within_its_range() -> None:
    pins = _pins()
    for requirement, _ in _runtime_requirements():
        name = canonicalize_name(requirement.name)
        assert name in pins, f"{requirement} (pyproject.toml) has no pin in constraints.txt: regenerate it"
        assert requirement.specifier.contains(pins[name], prereleases=True), (
            f"constraints.txt pins {name}=={pins[name]}, outside pyproject.toml's {requirement}"
        )


def test_every_dependency_of_a_dependency_is_pinned() -> None:
    """Walks the installed packages' own requirements (those not installed here are checked above)."""
    pins = _pins()
    unpinned: set[str] = set()
    seen: set[str] = set()
    todo = _runtime_requirements()
    while todo:
        requirement, _ = todo.pop()
        name = canonicalize_name(requirement.name)
        if name not in pins:
            unpinned.add(name)
        key = f"{name}{sorted(requirement.extras)}"
        if key in seen:
            continue
        seen.add(key)
        try:
            requires = metadata.requires(requirement.name) or []
        except metadata.PackageNotFoundError:
            continue
        wanted = {""} | set(requirement.extras)
        todo += [(req, wanted) for req in map(Requirement, requires) if _applies(req, wanted)]
    assert not unpinned, f"installed with echobot but not pinned in constraints.txt: {sorted(unpinned)}"
