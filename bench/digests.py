"""Building coordinators' digests on a large hub.

    python -m bench.digests [--programs 50] [--providers 10000] [--sessions 600] [--cases 20000]
                            [--evaluations 200000] [--seed 11]

1. Generates a database of that size (real schema, migrations applied): providers who joined one to
   three programs, 12 ended sessions per program with attendance, evaluations and credit, cases in
   every state with their events.
2. In a fresh process (so its peak memory is the bot's, not the generator's) builds every program's
   digest as the dispatcher does when it sends one: the figures, the Block Kit message, and the
   chart PNG. Reports per-program times (median, p99, max) and the process's peak RSS.
3. The same on a copy without the indexes that migration 0005 adds: the ratio says what they buy.

Goals (issue 6): under 500 ms for one program's digest; peak RSS under 200 MB.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import random
import resource
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

from bench.common import ROOT, machine, median, percentile

NOW = datetime(2026, 11, 30, 13, 0, tzinfo=UTC)
STATES = ["submitted", "in_review", "needs_info", "scheduled", "presented", "recommendations_sent", "closed",
          "declined"]  # fmt: skip
CREDENTIALS = ["MD", "DO", "NP", "PA", "RN", "PharmD", "Psychologist", "Social worker", "CHW", "Other"]


def peak_rss_mb() -> float:
    """This process's own high-water RSS (VmHWM; ru_maxrss would include the parent's from before exec)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def ts(moment: datetime) -> str:
    from echobot.storage.codec import to_db

    return to_db(moment)


def generate(path: Path, programs: int, providers: int, sessions: int, cases: int, evaluations: int,
             seed: int) -> dict[str, int]:  # fmt: skip
    """A hub of the given size, written with plain sqlite3 in one transaction."""
    from echobot.storage import Database

    async def migrate() -> None:
        db = await Database.open(str(path))
        await db.close()

    asyncio.run(migrate())
    rnd = random.Random(seed)
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA foreign_keys=OFF")
    with conn:
        users = [f"U{n:09d}" for n in range(providers)]
        conn.executemany(
            "INSERT INTO providers (user_id, name, credential, discipline, organization, state, county, email, role,"
            " registered_at, updated_at) VALUES (?, ?, ?, 'Family medicine', ?, 'NM', 'Sierra', ?, ?, ?, ?)",
            [(u, f"Provider {n}", rnd.choice(CREDENTIALS), f"Clinic {n % 400}", f"p{n}@example.org",
              "observer" if rnd.random() < 0.2 else "participant", ts(NOW - timedelta(days=rnd.uniform(0, 730))),
              ts(NOW)) for n, u in enumerate(users)],
        )  # fmt: skip
        for p in range(1, programs + 1):
            conn.execute(
                "INSERT INTO programs (id, name, channel_id, review_channel_id, timezone, schedule_kind,"
                " interval_weeks, first_date, start_time, duration_minutes, video_url, reminder_offsets, case_slots,"
                " eval_window_days, credit_quarters, anonymous_ratings, created_by, created_at, updated_at)"
                " VALUES (?, ?, ?, ?, 'America/Denver', 'weekly', 1, '2025-01-07', '12:00', 60, 'https://zoom.example.org/j/1',"
                " '[10080, 1440, 60]', 2, 14, 4, ?, 'UADMIN', ?, ?)",
                (p, f"Program {p} ECHO", f"C{p:08d}", f"G{p:08d}", p % 3 == 0, ts(NOW - timedelta(days=700)),
                 ts(NOW - timedelta(days=700))),
            )  # fmt: skip
            conn.execute("INSERT INTO program_staff (program_id, user_id, role) VALUES (?, ?, 'coordinator')",
                         (p, f"UCOORD{p:04d}"))  # fmt: skip
        members: dict[int, list[str]] = {p: [] for p in range(1, programs + 1)}
        rows = []
        for u in users:
            for p in rnd.sample(range(1, programs + 1), rnd.randint(1, 3)):
                members[p].append(u)
                rows.append((p, u, ts(NOW - timedelta(days=rnd.uniform(0, 400)))))
        conn.executemany("INSERT INTO program_members (program_id, user_id, joined_at) VALUES (?, ?, ?)", rows)
        per_program = max(sessions // programs, 1)
        session_ids: dict[int, list[int]] = {}
        next_id = 1
        for p in range(1, programs + 1):
            session_ids[p] = []
            for k in range(per_program + 1):  # the last one is next week's, scheduled
                start = NOW - timedelta(days=7 * (per_program - k), hours=-6)
                status = "ended" if start < NOW else "scheduled"
                conn.execute(
                    "INSERT INTO sessions (id, program_id, occurrence, starts_at, duration_minutes, topic, presenter,"
                    " status, created_at) VALUES (?, ?, ?, ?, 60, ?, 'Dr. Example', ?, ?)",
                    (next_id, p, start.date().isoformat(), ts(start), f"Topic {k}", status, ts(NOW)),
                )  # fmt: skip
                session_ids[p].append(next_id)
                next_id += 1
        ended = [(p, s) for p in session_ids for s in session_ids[p][:-1]]
        per_session = evaluations // len(ended)
        attendance, changes, evals, credits = [], [], [], []
        evaluation_id = 1
        for p, s in ended:
            group = rnd.sample(members[p], min(len(members[p]), int(per_session * 1.2) + 1))
            for i, u in enumerate(group):
                added = rnd.random() < 0.05
                attendance.append((s, u, 1, None if added else ts(NOW - timedelta(days=1))))
                if added:
                    changes.append((s, u, "add", f"UCOORD{p:04d}", "video report", ts(NOW)))
                if i < per_session:
                    suggestion = "More cases on co-infection, please." if rnd.random() < 0.3 else None
                    plan = "Earlier screening." if rnd.random() < 0.3 else None
                    evals.append((evaluation_id, s, u, rnd.randint(3, 5), rnd.randint(2, 5),
                                  rnd.choice(["yes", "partly", "no"]), rnd.choice(["yes", "no", "unsure"]),
                                  plan, suggestion, ts(NOW)))  # fmt: skip
                    credits.append((evaluation_id, s, u, "Nursing contact hours", 4, ts(NOW)))
                    evaluation_id += 1
        conn.executemany("INSERT INTO attendance (session_id, user_id, present, checked_in_at) VALUES (?, ?, ?, ?)",
                         attendance)  # fmt: skip
        conn.executemany("INSERT INTO attendance_changes (session_id, user_id, change, actor, reason, at)"
                         " VALUES (?, ?, ?, ?, ?, ?)", changes)  # fmt: skip
        conn.executemany(
            "INSERT INTO evaluations (id, session_id, user_id, overall, relevance, objectives_met, intent_to_change,"
            " change_plan, bias_free, suggestions, submitted_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?)",
            evals,
        )
        conn.executemany(
            "INSERT INTO credits (evaluation_id, session_id, user_id, credit_type, quarters, without_check_in,"
            " awarded_at) VALUES (?, ?, ?, ?, ?, 0, ?)",
            credits,
        )
        case_rows, event_rows = [], []
        for n in range(1, cases + 1):
            p = rnd.randint(1, programs)
            state = rnd.choice(STATES)
            submitted = NOW - timedelta(days=rnd.uniform(0, 365))
            session = session_ids[p][-1] if state == "scheduled" and rnd.random() < 0.01 else None
            case_rows.append((n, p, rnd.choice(members[p]), f"seed-{n}", "Genotype 1a, F3 fibrosis", "What next?",
                              "50–59", "female", "routine", session, state, ts(submitted), ts(submitted)))  # fmt: skip
            event_rows.append((n, "USPEC", "claim", "in_review", ts(submitted + timedelta(days=1))))
            if state in ("recommendations_sent", "closed"):
                event_rows.append((n, "USPEC", "recommend", "recommendations_sent",
                                   ts(submitted + timedelta(days=rnd.uniform(2, 20)))))  # fmt: skip
        conn.executemany(
            "INSERT INTO cases (id, program_id, submitter, submission_key, summary, question, age_band, sex, urgency,"
            " session_id, state, submitted_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            case_rows,
        )
        conn.executemany("INSERT INTO case_events (case_id, actor, action, to_state, at) VALUES (?, ?, ?, ?, ?)",
                         event_rows)  # fmt: skip
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.execute("ANALYZE")
    conn.close()
    return {"programs": programs, "providers": providers, "sessions": len(ended), "cases": cases,
            "evaluations": len(evals), "attendance": len(attendance), "case_events": len(event_rows)}  # fmt: skip


async def measure(path: Path) -> dict[str, object]:
    """Every program's digest as the dispatcher makes it (message, then chart); times and peak RSS."""
    from echobot.clock import FrozenClock
    from echobot.container import Services
    from echobot.settings import Settings
    from echobot.storage import Database

    settings = Settings(_env_file=None, SLACK_BOT_TOKEN="xoxb-bench", ECHOBOT_DATABASE=str(path))  # type: ignore[call-arg]
    db = await Database.open(str(path))
    services = Services.build(settings, FrozenClock(NOW), db)
    renderers = services.renderers.messages
    ids = [row[0] for row in await db.reader.fetchall("SELECT id FROM programs ORDER BY id")]
    rss_before = peak_rss_mb()
    message_ms, chart_ms, total_ms, blocks = [], [], [], []
    for program_id in ids:
        args = {"program_id": program_id, "until": NOW.isoformat(), "late": False}
        started = time.perf_counter()
        message = await renderers["digest.message"](db.reader, args, NOW)
        middle = time.perf_counter()
        chart = await renderers["digest.chart"](db.reader, args, NOW)
        done = time.perf_counter()
        assert message is not None and chart is not None and chart.file is not None
        message_ms.append((middle - started) * 1000)
        chart_ms.append((done - middle) * 1000)
        total_ms.append((done - started) * 1000)
        blocks.append(len(message.blocks))
    await db.close()
    return {"programs": len(ids), "message_ms": message_ms, "chart_ms": chart_ms, "total_ms": total_ms,
            "blocks_max": max(blocks), "rss_after_imports_mb": rss_before,
            "peak_rss_mb": peak_rss_mb()}  # fmt: skip


def run_measure(path: Path) -> dict[str, object]:
    done = subprocess.run([sys.executable, "-m", "bench.digests", "--measure", str(path)], cwd=ROOT,
                          capture_output=True, text=True, check=True)  # fmt: skip
    return dict(json.loads(done.stdout.strip().splitlines()[-1]))


def figures(label: str, result: dict[str, object]) -> None:
    def row(name: str) -> str:
        values = list(result[name])  # type: ignore[call-overload]
        rest = max(values[1:]) if len(values) > 1 else float("nan")
        return (f"median {median(values):6.1f}  p99 {percentile(values, 0.99):6.1f}  max {max(values):6.1f}"
                f"  max after the first {rest:6.1f} ms")  # fmt: skip

    print(f"{label}: {result['programs']} programs")
    print(f"  figures + message : {row('message_ms')}")
    print(f"  chart (PNG)       : {row('chart_ms')}")
    print(f"  whole digest      : {row('total_ms')}   (goal < 500 ms)")
    print(f"  peak RSS {result['peak_rss_mb']:.0f} MB (after imports {result['rss_after_imports_mb']:.0f} MB;"
          f" goal < 200 MB); largest message {result['blocks_max']} blocks")  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--programs", type=int, default=50)
    parser.add_argument("--providers", type=int, default=10_000)
    parser.add_argument("--sessions", type=int, default=600)
    parser.add_argument("--cases", type=int, default=20_000)
    parser.add_argument("--evaluations", type=int, default=200_000)
    parser.add_argument("--seed", type=int, default=11)
    parser.add_argument("--measure", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.measure:
        print(json.dumps(asyncio.run(measure(args.measure))))
        return
    print(machine())
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "hub.db"
        started = time.perf_counter()
        sizes = generate(path, args.programs, args.providers, args.sessions, args.cases, args.evaluations, args.seed)
        print(f"generated in {time.perf_counter() - started:.1f} s: "
              + ", ".join(f"{v:,} {k}" for k, v in sizes.items())
              + f" ({path.stat().st_size / 2**20:.0f} MB)")  # fmt: skip
        indexed = run_measure(path)
        figures("with the digest indexes", indexed)
        bare = Path(folder) / "bare.db"
        shutil.copy(path, bare)
        conn = sqlite3.connect(bare)
        conn.execute("DROP INDEX case_events_action_at")
        conn.execute("DROP INDEX sessions_program_status")
        conn.close()
        unindexed = run_measure(bare)
        figures("without them (baseline)", unindexed)
        ratio = median(list(unindexed["total_ms"])) / median(list(indexed["total_ms"]))  # type: ignore[call-overload]
        print(f"ratio, median digest time without / with the indexes: {ratio:.2f}")


if __name__ == "__main__":
    main()
