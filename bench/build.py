"""Builds a large synthetic clinic for the benchmarks, once, into bench/.cache/.

5,000 clients, 60,000 assessments and about 1.5 million measurements by default. The file is
keyed by a hash of the schema (models and migrations), the catalogue, this builder and the scale,
so it is rebuilt only when one of those changes. The build is fast on purpose: the schema comes
from the program itself (open_database), then rows go in with executemany of one prepared INSERT
per table, in a few big transactions, with PRAGMA synchronous=OFF for the build only (the
finished file is checkpointed and closed; the program opens it with its usual FULL sync).

All names are invented (running-themed syllables); no row describes a real person.
"""

from __future__ import annotations

import hashlib
import json
import random
import time
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import Table, insert

from mobileathlete_desktop.domain.catalogue import default_catalogue
from mobileathlete_desktop.domain.resources import resource_path
from mobileathlete_desktop.domain.search_text import client_search_key
from mobileathlete_desktop.services.accounts import hash_password
from mobileathlete_desktop.services.demo import GIVEN_NAMES, TYPICAL
from mobileathlete_desktop.storage.database import open_database
from mobileathlete_desktop.storage.models import (
    Assessment,
    Client,
    Clinic,
    Measurement,
    User,
)
from mobileathlete_desktop.storage.search_index import (
    ClientSearchCount,
    ClientSearchFragment,
    index_rows,
)

ROOT = Path(__file__).resolve().parent.parent
CACHE = ROOT / "bench" / ".cache"
BENCH_USER = "admin"
BENCH_PASSWORD = "bench"
# Clients 1..HEAVY_CLIENTS have exactly HEAVY_ASSESSMENTS assessments (the "open a client" case),
# and their newest assessment is a draft (the "enter a value" case).
HEAVY_CLIENTS = 5
HEAVY_ASSESSMENTS = 30
CELLS_PER_ASSESSMENT = 25
FIRST = ("Stride", "Fleet", "Pace", "Trail", "Hill", "Swift", "Ridge", "Tempo", "Lap", "Mile")
LAST = ("well", "foot", "ford", "wick", "runner", "water", "path", "stone", "ley", "son")


@dataclass(frozen=True)
class Scale:
    """How big the synthetic clinic is."""

    clients: int = 5_000
    assessments: int = 60_000

    @property
    def measurements(self) -> int:
        return self.assessments * CELLS_PER_ASSESSMENT


@dataclass(frozen=True)
class BuiltClinic:
    """The database file and what it holds."""

    path: Path
    clients: int
    assessments: int
    measurements: int
    seconds: float  # 0 when it came from the cache


def cache_key(scale: Scale) -> str:
    """A hash of everything that shapes the database: schema, catalogue, this file, the scale."""
    digest = hashlib.sha256()
    package = ROOT / "mobileathlete_desktop"
    sources = [
        package / "storage" / "models.py",
        package / "storage" / "search_index.py",
        *sorted((package / "storage" / "migrations" / "versions").glob("*.py")),
        resource_path("catalogue.toml"),
        Path(__file__),
    ]
    for source in sources:
        digest.update(source.read_bytes())
    digest.update(json.dumps([scale.clients, scale.assessments]).encode())
    return digest.hexdigest()[:12]


def cells() -> list[tuple[str, str, str, str, float, float, float]]:
    """The (code, side, mode, unit, low, high, typical) cells each assessment fills.

    The catalogue's measures come first; the demo's typical measures fill up the rest, so the
    shape stays realistic while the catalogue grows.
    """
    cat = default_catalogue()
    found: list[tuple[str, str, str, str, float, float, float]] = []
    for measure in cat:
        low, high = measure.bounds
        mean = TYPICAL.get(measure.code, ((low + high) / 2, 0))[0]
        for side in measure.sides:
            for mode in measure.modes:
                found.append((measure.code, side, mode, measure.unit, low, high, mean))
    known = {c[0] for c in found}
    for code, (mean, sd) in TYPICAL.items():
        if code in known:
            continue
        for side in ("left", "right"):
            for mode in ("active", "passive"):
                found.append((code, side, mode, "", max(0.0, mean - 4 * sd), mean + 4 * sd, mean))
    return found[:CELLS_PER_ASSESSMENT]


def _stamp(value: datetime) -> str:
    # SQLAlchemy's SQLite DateTime storage format (timezone-aware values are stored as UTC).
    return value.strftime("%Y-%m-%d %H:%M:%S.%f")


def _insert_sql(table: Table, columns: Sequence[str]) -> str:
    names = ", ".join(f'"{c}"' for c in columns)
    marks = ", ".join("?" for _ in columns)
    return f'INSERT INTO "{table.name}" ({names}) VALUES ({marks})'


def _chunks(rows: Iterable[tuple[Any, ...]], size: int = 50_000) -> Iterator[list[tuple[Any, ...]]]:
    chunk: list[tuple[Any, ...]] = []
    for row in rows:
        chunk.append(row)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def assessment_counts(scale: Scale, rng: random.Random) -> list[int]:
    """Assessments per client: exactly 30 for the heavy clients, 2–25 for the rest, summing up."""
    n = scale.clients
    heavy = min(HEAVY_CLIENTS, n)
    counts = [HEAVY_ASSESSMENTS] * heavy
    rest = n - heavy
    remaining = scale.assessments - sum(counts)
    if rest <= 0:
        return counts
    base, extra = divmod(max(remaining, rest), rest)
    others = [base + (1 if i < extra else 0) for i in range(rest)]
    for _ in range(rest):  # vary while keeping the sum
        a, b = rng.randrange(rest), rng.randrange(rest)
        move = rng.randint(0, 4)
        if others[a] - move >= 1 and others[b] + move <= 25:
            others[a] -= move
            others[b] += move
    return counts + others


def build_clinic(path: Path, scale: Scale, seed: int = 11) -> BuiltClinic:
    """Creates the synthetic clinic at `path` (which must not exist yet)."""
    started = time.perf_counter()
    rng = random.Random(seed)
    db = open_database(path)
    now = _stamp(datetime.now(UTC))
    today = date.today()
    grid = cells()
    n_assessments = n_measurements = 0
    try:
        with db.engine.connect() as conn:
            raw = conn.connection.driver_connection
            assert raw is not None
            raw.execute("PRAGMA synchronous = OFF")  # the build only; the file is rebuilt anyway
            with conn.begin():
                conn.execute(
                    insert(Clinic.__table__),
                    [{"name": "Bench Sports Physio (synthetic data)", "is_demo": True}],
                )
                password = hash_password(BENCH_PASSWORD)
                conn.execute(
                    insert(User.__table__),
                    [
                        {
                            "username": BENCH_USER,
                            "display_name": "Bench Admin",
                            "role": "admin",
                            "password_hash": password,
                        },
                        {
                            "username": "therapist",
                            "display_name": "Bench Therapist, PT",
                            "role": "therapist",
                            "password_hash": password,
                        },
                    ],
                )
            client_cols = [
                "id",
                "chart_number",
                "given_name",
                "family_name",
                "date_of_birth",
                "sex",
                "email",
                "phone",
                "address",
                "dominant_leg",
                "weekly_distance_km",
                "years_running",
                "goal_event",
                "footwear",
                "injury_history",
                "complaint",
                "referral",
                "archived",
                "created_at",
                "updated_at",
                "version",
                "search_text",  # the ORM fills it; raw inserts must too
            ]
            clients = []
            for number in range(1, scale.clients + 1):
                born = today - timedelta(days=rng.randint(16 * 365, 70 * 365))
                family = rng.choice(FIRST) + rng.choice(LAST)
                given = rng.choice(GIVEN_NAMES)
                clients.append(
                    (
                        number,
                        f"BENCH-{number:05d}",
                        given,
                        family,
                        born.isoformat(),
                        rng.choice(("female", "male")),
                        f"runner{number}@example.invalid",
                        f"+00 555 {number:05d}",
                        "",
                        rng.choice(("left", "right", "right")),
                        float(rng.choice((15, 20, 30, 40, 50, 65, 80))),
                        float(rng.randint(0, 20)),
                        "Half marathon",
                        "Neutral daily trainer",
                        "",
                        "Synthetic complaint",
                        "",
                        1 if number % 50 == 0 else 0,
                        now,
                        now,
                        1,
                        client_search_key(family, given, f"BENCH-{number:05d}"),
                    )
                )
            with conn.begin():
                raw.executemany(_insert_sql(Client.__table__, client_cols), clients)
                # The search index, as the program keeps it (rows in key order: fast B-tree fill).
                fragments, counts = index_rows(
                    (c[0], c[3], c[2], c[1], c[4], bool(c[17])) for c in clients
                )
                raw.executemany(
                    _insert_sql(ClientSearchFragment.__table__, ["kind", "fragment", "client_id"]),
                    sorted((r["kind"], r["fragment"], r["client_id"]) for r in fragments),
                )
                raw.executemany(
                    _insert_sql(
                        ClientSearchCount.__table__, ["kind", "text", "archived", "clients"]
                    ),
                    sorted((r["kind"], r["text"], r["archived"], r["clients"]) for r in counts),
                )

            assessment_cols = [
                "id",
                "client_id",
                "therapist_name",
                "date",
                "kind",
                "status",
                "template",
                "notes",
                "signed_by",
                "created_at",
                "updated_at",
                "version",
            ]
            measurement_cols = [
                "assessment_id",
                "code",
                "side",
                "mode",
                "value",
                "unit",
                "pain",
                "note",
                "instrument",
                "position",
                "rater",
                "updated_at",
            ]
            counts = assessment_counts(scale, rng)

            def assessments() -> Iterator[tuple[Any, ...]]:
                next_id = 1
                for client_id, count in enumerate(counts, start=1):
                    first = today - timedelta(days=20 * count + rng.randint(0, 200))
                    for visit in range(count):
                        latest = visit == count - 1
                        status = "draft" if latest and (client_id <= HEAVY_CLIENTS) else "signed"
                        kind = "initial" if visit == 0 else "reassessment"
                        yield (
                            next_id,
                            client_id,
                            "Bench Therapist, PT",
                            (first + timedelta(days=20 * visit)).isoformat(),
                            kind,
                            status,
                            "runner",
                            "",
                            "" if status == "draft" else "Bench Therapist, PT",
                            now,
                            now,
                            1,
                        )
                        next_id += 1

            def measurements(n: int) -> Iterator[tuple[Any, ...]]:
                gauss = rng.gauss
                for assessment_id in range(1, n + 1):
                    for code, side, mode, unit, low, high, mean in grid:
                        value = round(min(max(mean + gauss(0, (high - low) / 12), low), high))
                        yield (
                            assessment_id,
                            code,
                            side,
                            mode,
                            float(value),
                            unit,
                            0,
                            "",
                            "",
                            "",
                            "Bench Therapist, PT",
                            now,
                        )

            sql = _insert_sql(Assessment.__table__, assessment_cols)
            with conn.begin():
                for chunk in _chunks(assessments()):
                    raw.executemany(sql, chunk)
                    n_assessments += len(chunk)
            sql = _insert_sql(Measurement.__table__, measurement_cols)
            with conn.begin():
                for chunk in _chunks(measurements(n_assessments), 100_000):
                    raw.executemany(sql, chunk)
                    n_measurements += len(chunk)
            raw.execute("PRAGMA optimize")
            raw.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        db.dispose()
    return BuiltClinic(
        path,
        scale.clients,
        n_assessments,
        n_measurements,
        time.perf_counter() - started,
    )


def ensure_clinic(scale: Scale | None = None, cache: Path = CACHE) -> BuiltClinic:
    """The cached clinic for this scale and schema, building it when missing."""
    scale = scale or Scale()
    cache.mkdir(parents=True, exist_ok=True)
    key = cache_key(scale)
    path = cache / f"clinic-{scale.clients}-{key}.sqlite3"
    meta = path.with_suffix(".json")
    if path.is_file() and meta.is_file():
        saved = json.loads(meta.read_text())
        return BuiltClinic(path, saved["clients"], saved["assessments"], saved["measurements"], 0)
    for old in cache.glob(f"clinic-{scale.clients}-*"):
        old.unlink()
    partial = cache / f"building-{key}.sqlite3"
    for leftover in cache.glob(f"building-{key}.sqlite3*"):
        leftover.unlink()
    built = build_clinic(partial, scale)
    partial.rename(path)
    meta.write_text(
        json.dumps(
            {
                "clients": built.clients,
                "assessments": built.assessments,
                "measurements": built.measurements,
            }
        )
    )
    return BuiltClinic(path, built.clients, built.assessments, built.measurements, built.seconds)
