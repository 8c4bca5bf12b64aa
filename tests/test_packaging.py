"""What `pip install .` installs: exactly the source tree, never a module deleted since the last build.

setuptools stages wheels in `build/lib` and used to pack whatever was left there, so a module removed
from the source still shipped in the next wheel built in the same checkout (tools/build_backend.py).
These tests build real wheels from a temporary copy of the project, offline (no build isolation).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tarfile
import zipfile
from pathlib import Path

import pytest

pytestmark = pytest.mark.packaging

ROOT = Path(__file__).resolve().parents[1]
# source folder -> where it lands in the wheel (pyproject.toml, [tool.setuptools] package-dir)
PACKAGE_DIRS = {"echobot": "echobot", "handlers": "echobot/handlers", "storage": "echobot/storage"}
PROBE = "echobot/stale_probe.py"


def _project_files() -> list[str]:
    """The project's files as a fresh checkout would have them (tracked or new, not ignored)."""
    if (ROOT / ".git").exists() and shutil.which("git"):
        listed = subprocess.run(
            ["git", "ls-files", "--cached", "--others", "--exclude-standard"],
            cwd=ROOT, capture_output=True, text=True, check=True,
        ).stdout.splitlines()  # fmt: skip
    else:
        ignored = {".venv", ".ci-venv", ".git", "build", "dist", "__pycache__"}
        listed = [
            str(path.relative_to(ROOT))
            for path in ROOT.rglob("*")
            if path.is_file() and not ignored.intersection(path.relative_to(ROOT).parts)
        ]
    return [name for name in listed if (ROOT / name).is_file() and not name.endswith(".pyc")]


def _copy_project(dest: Path) -> None:
    for name in _project_files():
        target = dest / name
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(ROOT / name, target)


def _build_wheel(project: Path, out: Path) -> set[str]:
    """`pip wheel .` in the project's folder, as `pip install .` builds; the wheel's files."""
    out.mkdir()
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "--no-index", "--no-build-isolation",
         "--wheel-dir", str(out), "."],
        cwd=project, check=True, capture_output=True,
    )  # fmt: skip
    (wheel,) = out.glob("*.whl")
    with zipfile.ZipFile(wheel) as archive:
        return {name for name in archive.namelist() if ".dist-info/" not in name}


def _expected_files(project: Path) -> set[str]:
    """Every file under the package folders, at its place in the wheel."""
    expected = set()
    for source, installed in PACKAGE_DIRS.items():
        for path in (project / source).rglob("*"):
            if path.is_file() and "__pycache__" not in path.parts:
                expected.add(f"{installed}/{path.relative_to(project / source).as_posix()}")
    return expected


@pytest.fixture
def project(tmp_path: Path) -> Path:
    copy = tmp_path / "checkout"
    _copy_project(copy)
    return copy


def test_a_module_deleted_from_the_source_is_not_in_the_next_wheel(project: Path, tmp_path: Path) -> None:
    (project / PROBE).write_text('"""A module that is about to be deleted."""\n')
    first = _build_wheel(project, tmp_path / "first")
    assert PROBE in first
    (project / PROBE).unlink()
    # the first build left its staging folder behind, as `pip install .` does in a checkout
    assert (project / "build" / "lib" / PROBE).exists()

    second = _build_wheel(project, tmp_path / "second")

    assert PROBE not in second
    missing = _expected_files(project) - second
    extra = second - _expected_files(project)
    assert not missing, f"not shipped (add the package or data to pyproject.toml [tool.setuptools]): {missing}"
    assert not extra, f"shipped but not in the source: {extra}"


def test_the_source_distribution_carries_the_build_backend(project: Path, tmp_path: Path) -> None:
    out = tmp_path / "sdist"
    subprocess.run(
        [sys.executable, "-c", f"import build_backend; build_backend.build_sdist({str(out)!r})"],
        cwd=project, env={**os.environ, "PYTHONPATH": str(project / "tools")}, check=True, capture_output=True,
    )  # fmt: skip
    (sdist,) = out.glob("*.tar.gz")
    with tarfile.open(sdist) as archive:
        names = {name.split("/", 1)[1] for name in archive.getnames() if "/" in name}
    assert {"pyproject.toml", "tools/build_backend.py", "echobot/cli.py", "storage/database.py"} <= names
