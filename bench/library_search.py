"""The case library at 20,000 entries: search and the case modal's similar-cases hint, on SQLite and PostgreSQL.

    python -m bench.library_search [--entries 20000] [--searches 300] [--modals 100] [--baseline COMMIT]

For each backend (SQLite file; PostgreSQL in a throwaway local cluster when its server binaries are installed)
a real echobot runs in-process against the fake Slack with 20,000 library entries in one program (teaching
points generated from a clinical vocabulary; tags, age bands, outcomes). Figures:

- `/echo library WORDS` (1 to 3 words, some with a tag filter) as signed slash commands: time from the request
  to its answer (search, ranking, the counted search, the blocks), median and p99; target p99 < 50 ms;
- the CPU time the process spent on each of those commands (all its threads: echobot, the fake Slack, SQLite's
  work; on PostgreSQL the server's work is not included): what the search costs, whatever the machine's load;
- the same words searched in storage, ranked full-text (FTS5 bm25 / tsvector ts_rank with GIN) against the
  strongest fair baseline without a full-text index: a case-insensitive substring scan (LIKE / ILIKE) over the
  same four columns, any of the words, newest first (no ranking at all), median and p99, and the ratio;
- the case modal: `/echo case` until Slack has opened the modal (views.open), and Enter in its summary until
  the hint is in the modal (views.update), median and p99; target p99 < 300 ms.

With `--baseline COMMIT`, that commit's storage/library_search.py is loaded too and every search is made twice,
in turn, with each version (as a command and in storage): before and after in one run, on the same load.
"""

from __future__ import annotations

import argparse
import asyncio
import importlib.util
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from types import ModuleType
from typing import Any

from sqlalchemy import func, insert, or_, select

from bench.common import machine, median, percentile
from echobot.clock import FrozenClock
from echobot.ids import CaseField
from echobot.storage import library_search
from echobot.storage.codec import to_db
from echobot.storage.tables import library_entries as E
from echobot.storage.tables import library_entry_tags as ET
from echobot.storage.tables import library_tags as T
from tests import backends
from tests.fake_slack import FakeSlack
from tests.harness import START, Bot
from tests.scenarios import ALICE, program_with_participant
from tests.slack_driver import state_values

CONDITIONS = ["hepatitis C", "cirrhosis", "hepatic encephalopathy", "ascites", "varices", "HIV coinfection",
              "hepatitis B", "fatty liver", "opioid use disorder", "chronic pain", "diabetes", "kidney disease",
              "pregnancy", "alcohol use disorder", "depression", "heart failure", "hypertension", "anemia",
              "thrombocytopenia", "hepatocellular carcinoma"]  # fmt: skip
DRUGS = ["sofosbuvir", "velpatasvir", "glecaprevir", "pibrentasvir", "ribavirin", "ledipasvir", "tenofovir",
         "entecavir", "buprenorphine", "methadone", "naltrexone", "naloxone", "lactulose", "rifaximin",
         "propranolol", "carvedilol", "spironolactone", "furosemide", "metformin", "insulin", "statins",
         "gabapentin", "sertraline", "apixaban"]  # fmt: skip
TAGS = ["HCV", "HBV", "genotype 1", "genotype 3", "cirrhosis", "DAA", "resistance", "OUD", "MOUD", "pain",
        "pregnancy", "renal", "HIV", "alcohol", "screening", "fibrosis", "HCC", "adherence", "retreatment",
        "drug interactions", "lipids", "elderly", "adolescents", "harm reduction"]  # fmt: skip
QUESTIONS = ["Is {d} safe with {c}?", "How long should {d} be given in {c}?", "When to start {d} after {c}?",
             "Which monitoring does {d} need with {c}?", "Should {d} be stopped when {c} worsens?"]  # fmt: skip
ADVICE = ["Start {d} and recheck labs in four weeks; refer if {c} progresses.",
          "Avoid {d} in decompensated {c}; consider {d2} instead.",
          "{d} for 12 weeks is enough; add {d2} only with baseline resistance.",
          "Screen for {c} before {d}; counsel on adherence and interactions with {d2}."]  # fmt: skip
BANDS = ["18–29", "30–39", "40–49", "50–59", "60–69", "70–79"]
WORDS = [w for w in " ".join(CONDITIONS + DRUGS).lower().split() if len(w) > 2]


def entries(count: int, program_id: int, rng: random.Random) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    rows, tags = [], []
    for n in range(1, count + 1):
        c, d, d2 = rng.choice(CONDITIONS), rng.choice(DRUGS), rng.choice(DRUGS)
        chosen = rng.sample(TAGS, rng.randint(2, 4))
        rows.append({"id": n, "program_id": program_id, "case_id": None, "title": f"{d.capitalize()} in {c}",
                     "tags": ", ".join(chosen), "question": rng.choice(QUESTIONS).format(d=d, c=c),
                     "recommendation": rng.choice(ADVICE).format(d=d.capitalize(), d2=d2, c=c),
                     "age_band": rng.choice(BANDS), "sex": rng.choice(["female", "male"]),
                     "year": rng.randint(2022, 2026), "outcome": rng.choice([None, "improved", "unchanged", "worse"]),
                     "credited": None, "created_by": "USPEC00001",
                     "created_at": to_db(START.replace(microsecond=n % 1_000_000))})  # fmt: skip
        tags += [{"entry_id": n, "tag": t.lower()} for t in chosen]
    return rows, tags


async def fill(bot: Bot, program_id: int, count: int) -> None:
    rows, tags = entries(count, program_id, random.Random(15))
    async with bot.db.transaction() as tx:
        for start in range(0, len(rows), 1000):
            await tx.execute(insert(E), rows[start:start + 1000])
        for start in range(0, len(tags), 1000):
            await tx.execute(insert(ET), tags[start:start + 1000])
        counts: dict[str, int] = {}
        for tag in tags:
            counts[tag["tag"]] = counts.get(tag["tag"], 0) + 1
        await tx.execute(insert(T), [{"program_id": program_id, "tag": t, "entries": n} for t, n in counts.items()])
        if tx.dialect == "postgresql":
            await tx.execute("SELECT setval(pg_get_serial_sequence('library_entries', 'id'), 100000)")
            await tx.execute("ANALYZE library_entries")


def queries(count: int, rng: random.Random) -> list[str]:
    found = []
    for n in range(count):
        words = " ".join(rng.sample(WORDS, rng.randint(1, 3)))
        found.append(f'{words} tag:"{rng.choice(TAGS)}"' if n % 5 == 4 else words)
    return found


async def timed(work: Any) -> float:
    began = time.perf_counter()
    await work
    return (time.perf_counter() - began) * 1000


async def baseline(bot: Bot, words: list[str], program_id: int) -> None:
    """Substring match of any word over the four columns, newest first: what search is without an index."""
    like = [column.ilike(f"%{word}%") for word in words for column in (E.c.title, E.c.tags, E.c.question,
                                                                       E.c.recommendation)]  # fmt: skip
    await bot.db.reader.fetchall(select(E).where(E.c.program_id == program_id, E.c.hidden_at.is_(None), or_(*like))
                                 .order_by(E.c.created_at.desc()).limit(10))  # fmt: skip


async def run(backend: str, count: int, searches: int, modals: int,
              before: ModuleType | None = None) -> dict[str, list[float]]:
    fake = FakeSlack()
    await fake.start()
    figures: dict[str, list[float]] = {k: [] for k in ("command", "indexed", "scan", "open", "hint")}
    with tempfile.TemporaryDirectory() as folder:
        bot = await Bot(Path(folder) / "bench.db", fake, FrozenClock(START)).start()
        try:
            program_id = await program_with_participant(bot)
            await bot.settle()
            began = time.perf_counter()
            await fill(bot, program_id, count)
            total = await bot.db.reader.scalar(select(func.count()).select_from(E))
            print(f"[{backend}] {total} entries stored in {time.perf_counter() - began:.1f} s")
            rng = random.Random(5)
            versions = [("", library_search.search)] + ([(" (baseline)", before.search)] if before else [])
            for text in queries(searches, rng):
                terms = library_search.terms(text.split(" tag:")[0])
                filters = library_search.Filters([program_id])
                for suffix, search in versions:
                    library_search.search = search  # what services.library calls
                    try:
                        cpu = time.process_time()
                        figures.setdefault("command" + suffix, []).append(
                            await timed(bot.driver.command(ALICE, f"library {text}")))
                        figures.setdefault("command cpu" + suffix, []).append((time.process_time() - cpu) * 1000)
                        figures.setdefault("indexed" + suffix, []).append(
                            await timed(search(bot.db.reader, terms, filters, 10)))
                    finally:
                        library_search.search = versions[0][1]
                figures["scan"].append(await timed(baseline(bot, terms, program_id)))
            for n in range(modals):
                figures["open"].append(await timed(open_case(bot)))
                view = fake.opened_views()[-1]
                summary = f"{rng.choice(BANDS)} patient, {rng.choice(CONDITIONS)}, on {rng.choice(DRUGS)} ({n})"
                typed = {**view, "state": {"values": state_values(view, {CaseField.SUMMARY: summary})}}
                figures["hint"].append(await timed(hint(bot, typed)))
                assert "Similar cases" in str(fake.last("views.update").args["view"])
        finally:
            await bot.stop()
            await fake.stop()
    return figures


async def open_case(bot: Bot) -> None:
    await bot.driver.command(ALICE, "case")
    await bot.settle()  # the modal is opened after the ack: settled once views.open has answered


async def hint(bot: Bot, view: dict[str, Any]) -> None:
    await bot.driver.click(ALICE, CaseField.SUMMARY, home=view)
    await bot.settle()


def report(backend: str, figures: dict[str, list[float]]) -> None:
    def line(name: str, values: list[float]) -> str:
        return f"{name}: median {median(values):.1f} ms, p99 {percentile(values, 99):.1f} ms"

    print(f"[{backend}] /echo library (request to answer), " + line("search", figures["command"]))
    print(f"[{backend}] storage, ranked full-text " + line("", figures["indexed"]).lstrip(": "))
    print(f"[{backend}] /echo library, CPU time of this process (all its threads; the fake Slack and the "
          "database's work included, the wait for a busy machine's cores not) " + line("", figures["command cpu"]))
    if "command (baseline)" in figures:
        print(f"[{backend}] baseline commit: /echo library, CPU time " + line("", figures["command cpu (baseline)"]))
        print(f"[{backend}] baseline commit: /echo library (request to answer), "
              + line("search", figures["command (baseline)"]))
        print(f"[{backend}] baseline commit: storage, ranked full-text "
              + line("", figures["indexed (baseline)"]).lstrip(": "))
        for name in ("command", "indexed"):
            print(f"[{backend}] {name}: baseline / this: median "
                  f"{median(figures[name + ' (baseline)']) / median(figures[name]):.2f}x, p99 "
                  f"{percentile(figures[name + ' (baseline)'], 99) / percentile(figures[name], 99):.2f}x")
    print(f"[{backend}] storage, substring scan baseline " + line("", figures["scan"]).lstrip(": "))
    ratio = median(figures["scan"]) / median(figures["indexed"])
    print(f"[{backend}] full-text index vs scan: {ratio:.1f}x faster (median), "
          f"{percentile(figures['scan'], 99) / percentile(figures['indexed'], 99):.1f}x (p99)")  # fmt: skip
    print(f"[{backend}] case modal, " + line("open", figures["open"]))
    print(f"[{backend}] case modal, " + line("similar-cases hint", figures["hint"]))


def load_baseline(commit: str) -> ModuleType:
    """storage/library_search.py as it was at `commit`, as a module of its own."""
    source = subprocess.run(["git", "show", f"{commit}:storage/library_search.py"], check=True,
                            capture_output=True, text=True).stdout  # fmt: skip
    spec = importlib.util.spec_from_loader("bench_library_search_baseline", loader=None)
    assert spec is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    exec(compile(source, f"{commit}:storage/library_search.py", "exec"), module.__dict__)
    return module


def main(count: int, searches: int, modals: int, baseline_commit: str | None = None) -> None:
    print(f"machine: {machine()}")
    before = load_baseline(baseline_commit) if baseline_commit else None
    if baseline_commit:
        print(f"baseline: storage/library_search.py at {baseline_commit}")
    figures = asyncio.run(run("sqlite", count, searches, modals, before))
    report("sqlite", figures)
    if backends.postgres_unavailable():
        print(f"[postgresql] skipped: {backends.postgres_unavailable()}")
        return
    server = backends.Postgres()
    backends.current = backends.Backend("postgresql", server)
    try:
        figures = asyncio.run(run("postgresql", count, searches, modals, before))
        report("postgresql", figures)
    finally:
        backends.current.finish()
        server.close()


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--entries", type=int, default=20_000)
    parser.add_argument("--searches", type=int, default=300)
    parser.add_argument("--modals", type=int, default=100)
    parser.add_argument("--baseline", metavar="COMMIT", help="also time storage/library_search.py at COMMIT")
    options = parser.parse_args()
    main(options.entries, options.searches, options.modals, options.baseline)
