"""The PHI guard on a corpus given by path: recall per category, false refusals, wrong categories,
evasion recall, throughput and the slowest single input.

    python -m bench.phi_blind --corpus PATH [--corpus PATH ...] [--baseline REV] [--show-misses]

A corpus is a Python file defining IDENTIFIER_TEXTS: list[tuple[category, text]], CLEAN_TEXTS: list[str]
and EVASION_TEXTS: list[tuple[category, text]] (EVASION_TEXTS may be absent). It is loaded by path and
never copied anywhere. `--baseline REV` measures the guard as it was at a git revision in the same run
(the guard of REV is extracted into a temporary directory and run in a subprocess), so the two sets of
figures come from the same machine at the same time. `--show-misses` prints the texts missed and refused:
leave it off for a blind corpus, whose texts must not guide tuning.
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import subprocess
import sys
import tarfile
import tempfile
import time
from collections import Counter
from pathlib import Path
from types import ModuleType
from typing import Any

ROOT = Path(__file__).resolve().parent.parent


def load(path: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(f"blind_corpus_{abs(hash(path))}", path)
    if spec is None or spec.loader is None:
        raise SystemExit(f"cannot load {path}")
    module = importlib.util.module_from_spec(spec)
    before = set(sys.modules)
    spec.loader.exec_module(module)
    # A corpus imports its parts by bare name (part_age, part_evasion): forget them, so the next corpus's parts
    # of the same name are its own, not this one's from the module cache.
    for name in set(sys.modules) - before:
        del sys.modules[name]
    return module


def part(module: ModuleType, name: str) -> list[Any]:
    """IDENTIFIER_TEXTS, or a prefixed HOLDOUT_IDENTIFIER_TEXTS as in tests/phi_holdout*.py."""
    for attribute in dir(module):
        if attribute == name or attribute.endswith("_" + name):
            return list(getattr(module, attribute))
    return []


def timed_scan(text: str) -> tuple[list[str], float]:
    from echobot.phi import scan

    started = time.perf_counter()
    findings = scan(text)
    return [finding.category.value for finding in findings], time.perf_counter() - started


def measure(title: str, identifiers: list[tuple[str, str]], clean: list[str], evasion: list[tuple[str, str]],
            show: bool) -> None:  # fmt: skip
    total: Counter[str] = Counter()
    caught: Counter[str] = Counter()
    named_right: Counter[str] = Counter()
    worst = (0.0, "")
    size = 0
    elapsed = 0.0
    misses: list[tuple[str, str]] = []
    wrong: list[tuple[str, str, list[str]]] = []
    for category, text in identifiers:
        found, seconds = timed_scan(text)
        total[category] += 1
        size, elapsed, worst = size + len(text.encode()), elapsed + seconds, max(worst, (seconds, "identifier"))
        if found:
            caught[category] += 1
            if category in found:
                named_right[category] += 1
            else:
                wrong.append((category, text, found))
        else:
            misses.append((category, text))
    refused: list[tuple[str, list[str]]] = []
    for text in clean:
        found, seconds = timed_scan(text)
        size, elapsed, worst = size + len(text.encode()), elapsed + seconds, max(worst, (seconds, "clean"))
        if found:
            refused.append((text, found))
    evasion_caught = 0
    evasion_missed: list[tuple[str, str]] = []
    for category, text in evasion:
        found, seconds = timed_scan(text)
        size, elapsed, worst = size + len(text.encode()), elapsed + seconds, max(worst, (seconds, "evasion"))
        if found:
            evasion_caught += 1
        else:
            evasion_missed.append((category, text))
    n_ids = sum(total.values())
    print(f"{title}: {n_ids} texts with an identifier, {len(clean)} clean, {len(evasion)} evasive")
    print(f"  {'category':14} {'texts':>5} {'recall':>7} {'named right':>12}")
    for category in sorted(total):
        print(f"  {category:14} {total[category]:5d} {caught[category] / total[category]:7.3f} "
              f"{named_right[category] / total[category]:12.3f}")  # fmt: skip
    n_caught = sum(caught.values())
    print(f"  recall {n_caught / max(1, n_ids):.3f} (goal >= 0.97)")
    print(f"  false refusals {len(refused) / max(1, len(clean)):.3f} ({len(refused)} of {len(clean)}; goal <= 0.02)")
    print(f"  wrong category {len(wrong) / max(1, n_caught):.3f} of the catches ({len(wrong)} of {n_caught})")
    if evasion:
        rate = evasion_caught / len(evasion)
        print(f"  evasion recall {rate:.3f} ({evasion_caught} of {len(evasion)}; goal >= 0.90)")
    print(f"  throughput {size / 1024 / max(elapsed, 1e-9):.0f} KB/s over {size / 1024:.0f} KB; "
          f"slowest input {worst[0] * 1000:.1f} ms ({worst[1]}; goal < 50 ms)")  # fmt: skip
    if show:
        for category, text in misses:
            print(f"    missed [{category}]: {text}")
        for category, text, found in wrong:
            print(f"    wrong [{category}] as {found}: {text}")
        for text, found in refused:
            print(f"    refused {found}: {text}")
        for category, text in evasion_missed:
            print(f"    evasion missed [{category}]: {text}")


def throughput_rounds(corpora: list[ModuleType], rounds: int = 5) -> None:
    """Steady-state throughput: every text of every corpus, several rounds (after a warm-up)."""
    from echobot.phi import scan

    texts = [text for m in corpora for text in _texts(m)]
    for text in texts:
        scan(text)
    size = sum(len(text.encode()) for text in texts) * rounds
    started = time.perf_counter()
    for _ in range(rounds):
        for text in texts:
            scan(text)
    elapsed = time.perf_counter() - started
    print(f"steady throughput (all corpora, {rounds} rounds): {size / 1024 / elapsed:.0f} KB/s")


def _texts(module: ModuleType) -> list[str]:
    return ([t for _, t in part(module, "IDENTIFIER_TEXTS")] + part(module, "CLEAN_TEXTS")
            + [t for _, t in part(module, "EVASION_TEXTS")])  # fmt: skip


def run_baseline(rev: str, corpora: list[str]) -> None:
    """The same measurement with the guard of `rev`, in a subprocess that imports it first."""
    with tempfile.TemporaryDirectory() as tmp:
        archive = subprocess.run(["git", "archive", rev, "echobot"], cwd=ROOT, capture_output=True, check=True).stdout
        archive_path = Path(tmp) / "old.tar"
        archive_path.write_bytes(archive)
        with tarfile.open(archive_path) as tar:
            tar.extractall(tmp, filter="data")
        env = {**os.environ, "PYTHONPATH": f"{tmp}{os.pathsep}{ROOT}"}
        args = [sys.executable, "-m", "bench.phi_blind", "--label", f"baseline {rev}"]
        for corpus in corpora:
            args += ["--corpus", str(Path(corpus).resolve())]
        subprocess.run(args, cwd=tmp, env=env, check=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", action="append", required=True, help="a corpus file (repeatable)")
    parser.add_argument("--baseline", help="also measure the guard of this git revision, first")
    parser.add_argument("--show-misses", action="store_true", help="print missed and refused texts (not for blind)")
    parser.add_argument("--label", default="this tree", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.baseline:
        run_baseline(args.baseline, args.corpus)
        print()
    import echobot.phi

    print(f"guard: {args.label} ({Path(echobot.phi.__file__).parent})")
    modules = [load(path) for path in args.corpus]
    echobot.phi.scan("warm-up: loads the word lists once, so no input pays for it")
    for path, module in zip(args.corpus, modules, strict=True):
        measure(
            Path(path).name,
            part(module, "IDENTIFIER_TEXTS"),
            part(module, "CLEAN_TEXTS"),
            part(module, "EVASION_TEXTS"),
            args.show_misses,
        )
    throughput_rounds(modules)
    from bench.phi import worst_case

    worst_case()


if __name__ == "__main__":
    main()
