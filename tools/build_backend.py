"""echobot's build backend: setuptools' own, with an empty `build/` folder for every wheel.

setuptools stages a wheel in `build/lib` and packs whatever is there, and it never empties that
folder: after `pip install .` (which builds in the source tree), a module deleted from the source
still shipped in the next wheel. This wraps `setuptools.build_meta` (the in-tree backend pattern
setuptools documents) and removes `build/` before each wheel, so a wheel holds exactly the source.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from setuptools import build_meta as _setuptools
from setuptools.build_meta import *  # noqa: F403  (every other hook unchanged)


def build_wheel(
    wheel_directory: str,
    config_settings: dict[str, str | list[str]] | None = None,
    metadata_directory: str | None = None,
) -> str:
    """PEP 517 hook (run in the project's folder): setuptools' build_wheel from an empty build/."""
    shutil.rmtree(Path("build"), ignore_errors=True)
    return str(_setuptools.build_wheel(wheel_directory, config_settings, metadata_directory))
