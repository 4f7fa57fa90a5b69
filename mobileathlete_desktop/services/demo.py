"""A synthetic demo clinic: invented runners with months of plausible visits."""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from sqlalchemy import func, select

from mobileathlete_desktop.domain.catalogue import Catalogue, Measure
from mobileathlete_desktop.services.accounts import hash_password
from mobileathlete_desktop.services.audit import record_event
from mobileathlete_desktop.services.clinic_details import demo_logo
from mobileathlete_desktop.services.context import InputError, ServiceContext
from mobileathlete_desktop.services.demo_programs import add_demo_programs
from mobileathlete_desktop.services.treatments import demo_treatments
from mobileathlete_desktop.storage.models import (
    Assessment,
    Client,
    Clinic,
    Finding,
    Measurement,
    OutcomeScore,
    User,
)

DEMO_PASSWORD = "demo"
DEMO_CLINIC_NAME = "Demo Sports Physio (synthetic data)"

GIVEN_NAMES = (
    "Alex",
    "Sam",
    "Jordan",
    "Taylor",
    "Morgan",
    "Casey",
    "Riley",
    "Jamie",
    "Avery",
    "Quinn",
    "Robin",
    "Drew",
    "Skyler",
    "Reese",
    "Harper",
    "Rowan",
    "Emerson",
    "Finley",
    "Hayden",
    "Kai",
    "Lucía",
    "Mateo",
    "Sofía",
    "Nicolás",
    "Inés",
    "Tomás",
    "Zoë",
    "Noé",
)
# Invented, running-themed family names, so no demo record can be mistaken for a real person.
FAMILY_NAMES = (
    "Stridewell",
    "Fleetfoot",
    "Longstride",
    "Trailwick",
    "Paceford",
    "Hillrunner",
    "Swiftwater",
    "Brightpath",
    "Milestone",
    "Tempoley",
    "Cadenza",
    "Splitmore",
    "Kickfinish",
    "Dunerun",
    "Ridgeway-Demo",
    "Fartlekson",
    "Negativsplit",
    "Strava-Nil",
    "Lapcount",
    "Cooldowne",
)
GOALS = (
    "Parkrun PB",
    "First 10 km",
    "Half marathon",
    "Marathon",
    "Trail 50 km",
    "Return to running",
    "5 km under 25 min",
    "Ultra trail",
    "Track 1500 m",
)
SHOES = (
    "Neutral daily trainer",
    "Stability trainer",
    "Minimal shoe",
    "Carbon racer",
    "Trail shoe",
    "Max-cushion trainer",
)
COMPLAINTS = (
    "Right Achilles pain after long runs",
    "Anterior knee pain on downhills",
    "Lateral hip pain at night",
    "Recurrent calf strains",
    "Plantar heel pain in the morning",
    "Iliotibial band pain after 8 km",
    "Hamstring tightness and pain at speed",
    "Shin pain on increased mileage",
    "Low back stiffness after runs",
)

# Typical adult values (demo only, not norms): mean and spread for a healthy runner.
TYPICAL: dict[str, tuple[float, float]] = {
    "hip.flexion": (125, 8),
    "hip.extension": (18, 5),
    "hip.internal_rotation": (35, 6),
    "hip.external_rotation": (40, 6),
    "hip.abduction": (40, 5),
    "knee.flexion": (138, 6),
    "knee.extension": (1, 2),
    "ankle.dorsiflexion.knee_extended": (12, 3),
    "ankle.dorsiflexion.knee_flexed": (18, 4),
    "ankle.plantarflexion": (52, 6),
    "hallux.extension": (65, 8),
    "slr": (75, 9),
    "thomas.hip_extension": (8, 5),
    "ober.hip_adduction": (24, 6),
    "wblt.distance": (11, 2.5),
    "ankle.dorsiflexion.weight_bearing": (40, 5),
    "balance.single_leg": (28, 6),
    "limb.length": (90, 5),
    "ybalance.anterior": (62, 6),
    "ybalance.posteromedial": (100, 8),
    "ybalance.posterolateral": (96, 8),
}
ROM_ORDER = (
    "hip.flexion",
    "hip.extension",
    "hip.internal_rotation",
    "hip.external_rotation",
    "hip.abduction",
    "knee.flexion",
    "knee.extension",
    "ankle.dorsiflexion.knee_extended",
    "ankle.dorsiflexion.knee_flexed",
    "ankle.plantarflexion",
    "hallux.extension",
    "slr",
    "thomas.hip_extension",
)
FMS_TESTS = (
    "fms.deep_squat",
    "fms.hurdle_step",
    "fms.inline_lunge",
    "fms.shoulder_mobility",
    "fms.aslr",
    "fms.trunk_stability_pushup",
    "fms.rotary_stability",
)


@dataclass(frozen=True)
class DemoSummary:
    """What the demo generator created."""

    clients: int
    assessments: int
    measurements: int


@dataclass
class _Deficit:
    """A problem a demo client starts with, which recovers over visits."""

    code: str
    side: str
    amount: float
    control: bool  # active short of passive: a control deficit


def _clamp(measure: Measure, value: float) -> float:
    low, high = measure.bounds
    step = measure.step or 1.0
    value = round(round(value / step) * step, 6)  # 27.2, not 27.200000000000003
    return float(min(max(value, low), high))


def database_is_empty(ctx: ServiceContext) -> bool:
    """True when the database holds no clients and no users."""
    with ctx.db.session() as session:
        clients = session.execute(select(func.count(Client.id))).scalar_one()
        users = session.execute(select(func.count(User.id))).scalar_one()
        return clients == 0 and users == 0


def create_demo_clinic(
    ctx: ServiceContext, clients: int = 40, seed: int = 7, today: date | None = None
) -> DemoSummary:
    """Fills an empty database with a synthetic clinic; refuses one that holds data."""
    if clients < 1 or clients > 100_000:
        raise InputError("--clients must be between 1 and 100000")
    if not database_is_empty(ctx):
        raise InputError(
            f"Database {ctx.db.location} already holds data; the demo only fills an empty one"
        )
    rng = random.Random(seed)
    care = random.Random(f"treatments-{seed}")  # its own stream: the values stay as they were
    today = today or date.today()
    cat = ctx.catalogue
    n_assessments = 0
    n_values = 0
    with ctx.db.session() as session:
        session.add(
            Clinic(
                name=DEMO_CLINIC_NAME,
                address="1 Example Track, Testville",
                phone="+00 000 000 000",
                email="front-desk@example.invalid",
                logo=demo_logo(),
                is_demo=True,
            )
        )
        session.add_all(
            [
                User(
                    username="admin",
                    display_name="Demo Admin",
                    role="admin",
                    password_hash=hash_password(DEMO_PASSWORD),
                ),
                User(
                    username="therapist",
                    display_name="Demo Therapist, PT",
                    role="therapist",
                    password_hash=hash_password(DEMO_PASSWORD),
                ),
            ]
        )
        therapists = ("Demo Therapist, PT", "Demo Locum, PT")
        for number in range(1, clients + 1):
            sex = rng.choice(("female", "male"))
            age = rng.randint(16, 66)
            dob = today - timedelta(days=age * 365 + rng.randint(0, 364))
            given = rng.choice(GIVEN_NAMES)
            family = FAMILY_NAMES[(number - 1) % len(FAMILY_NAMES)]
            client = Client(
                chart_number=f"DEMO-{number:04d}",
                given_name=given,
                family_name=family,
                date_of_birth=dob,
                sex=sex,
                email=f"runner{number:04d}@example.invalid",
                phone=f"+00 555 {number:04d}",
                dominant_leg=rng.choice(("left", "right", "right")),
                weekly_distance_km=float(rng.choice((15, 20, 30, 40, 50, 65, 80, 100))),
                years_running=float(rng.randint(0, max(0, min(25, age - 10)))),
                goal_event=rng.choice(GOALS),
                footwear=rng.choice(SHOES),
                complaint=rng.choice(COMPLAINTS),
                injury_history=rng.choice(
                    (
                        "None reported",
                        "Left ankle sprain 2019",
                        "Stress reaction right tibia 2021",
                        "Patellofemoral pain 2022",
                    )
                ),
                referral=rng.choice(("Self-referred", "Sports physician", "GP", "Coach")),
            )
            session.add(client)
            session.flush()
            deficits = _pick_deficits(rng)
            personal = {code: rng.gauss(0, sd * 0.6) for code, (_, sd) in TYPICAL.items()}
            visits = rng.randint(2, 8)
            first = today - timedelta(days=rng.randint(30 * visits, 30 * visits + 120))
            when = first
            for visit in range(visits):
                if when > today:
                    break
                recovery = min(1.0, visit / max(visits - 1, 1)) * rng.uniform(0.6, 1.0)
                latest = visit == visits - 1
                kind = (
                    "initial"
                    if visit == 0
                    else ("discharge" if latest and visits > 4 else "reassessment")
                )
                signed = not latest or rng.random() < 0.6
                therapist = rng.choice(therapists)
                assessment = Assessment(
                    client_id=client.id,
                    date=when,
                    kind=kind,
                    status="signed" if signed else "draft",
                    template="runner",
                    therapist_name=therapist,
                    signed_by=therapist if signed else "",
                    notes="Synthetic demo visit.",
                )
                session.add(assessment)
                session.flush()
                if signed:
                    assessment.signed_at = datetime.combine(when, time(17, 30))
                rows = _visit_values(
                    rng, cat, personal, deficits, recovery, assessment.id, therapist
                )
                session.add_all(rows)
                n_values += len(rows)
                session.add_all(_visit_findings(rng, cat, deficits, recovery, assessment.id))
                problems = [(d.code, d.side, d.control) for d in deficits]
                session.add_all(demo_treatments(care, assessment.id, problems, recovery))
                pain = max(0, round(rng.uniform(4, 7) * (1 - recovery) + rng.uniform(0, 1.5)))
                if "nprs" in cat:
                    session.add(
                        Measurement(
                            assessment_id=assessment.id,
                            code="nprs",
                            side="none",
                            mode="none",
                            value=float(min(pain, 10)),
                            unit=cat["nprs"].unit,
                            instrument="questionnaire",
                        )
                    )
                    n_values += 1
                answers = [
                    min(4, max(0, round(rng.gauss(2.4 + 1.4 * recovery, 0.7)))) for _ in range(20)
                ]
                session.add(
                    OutcomeScore(
                        assessment_id=assessment.id,
                        instrument="lefs",
                        answers=list(answers),
                        total=float(sum(answers)),
                    )
                )
                if "lefs.total" in cat:
                    session.add(
                        Measurement(
                            assessment_id=assessment.id,
                            code="lefs.total",
                            side="none",
                            mode="none",
                            value=float(sum(answers)),
                            unit=cat["lefs.total"].unit,
                            instrument="questionnaire",
                        )
                    )
                    n_values += 1
                n_assessments += 1
                when = when + timedelta(days=rng.randint(14, 45))
        add_demo_programs(session)
        record_event(session, ctx.actor, "demo.create", detail={"clients": clients, "seed": seed})
    return DemoSummary(clients=clients, assessments=n_assessments, measurements=n_values)


def _pick_deficits(rng: random.Random) -> list[_Deficit]:
    options = [
        _Deficit("ankle.dorsiflexion.knee_flexed", "right", 9, False),
        _Deficit("wblt.distance", "right", 4, False),
        _Deficit("ankle.dorsiflexion.weight_bearing", "right", 10, False),
        _Deficit("hip.extension", "left", 10, True),
        _Deficit("hip.internal_rotation", "right", 12, False),
        _Deficit("hallux.extension", "left", 20, False),
        _Deficit("slr", "right", 15, False),
        _Deficit("balance.single_leg", "left", 12, False),
        _Deficit("ybalance.anterior", "right", 7, False),
        _Deficit("hip.abduction", "right", 8, True),
    ]
    chosen = rng.sample(options, k=rng.randint(0, 3))
    for deficit in chosen:
        if rng.random() < 0.5:
            deficit.side = "left" if deficit.side == "right" else "right"
    return chosen


def _visit_values(
    rng: random.Random,
    cat: Catalogue,
    personal: dict[str, float],
    deficits: list[_Deficit],
    recovery: float,
    assessment_id: int,
    therapist: str,
) -> list[Measurement]:
    rows: list[Measurement] = []
    for code, (mean, sd) in TYPICAL.items():
        measure = cat.get(code)
        if measure is None:
            continue
        for side in measure.sides:
            base = mean + personal[code]
            control_gap = 0.0
            for d in deficits:
                if d.code == code and d.side == side:
                    if d.control:
                        control_gap = d.amount * (1 - recovery)
                    else:
                        base -= d.amount * (1 - recovery)
            if code == "limb.length":
                base = mean + personal[code]
            for mode in measure.modes:
                noise = rng.gauss(0, sd * 0.12)
                value = base + noise
                if mode == "active":
                    value -= abs(rng.gauss(3, 1.5)) + control_gap
                rows.append(
                    Measurement(
                        assessment_id=assessment_id,
                        code=code,
                        side=side,
                        mode=mode,
                        value=_clamp(measure, value),
                        unit=measure.unit,
                        pain=rng.random() < 0.04,
                        instrument=measure.instrument,
                        rater=therapist,
                    )
                )
    for code in FMS_TESTS:
        measure = cat.get(code)
        if measure is None:
            continue
        for side in measure.sides:
            score = min(3, max(0, round(rng.gauss(2 + 0.5 * recovery, 0.6))))
            rows.append(
                Measurement(
                    assessment_id=assessment_id,
                    code=code,
                    side=side,
                    mode="none",
                    value=float(score),
                    unit=measure.unit,
                    instrument="observation",
                    rater=therapist,
                )
            )
    return rows


def _visit_findings(
    rng: random.Random,
    cat: Catalogue,
    deficits: list[_Deficit],
    recovery: float,
    assessment_id: int,
) -> list[Finding]:
    rows: list[Finding] = []
    control_problem = any(d.control for d in deficits)
    for code in ("sls", "stepdown"):
        measure = cat.get(code)
        if measure is None:
            continue
        for side in measure.sides:
            chance = (0.6 if control_problem else 0.25) * (1 - recovery * 0.7)
            faults = [f.code for f in measure.faults if rng.random() < chance]
            rating = "good" if not faults else ("fair" if len(faults) == 1 else "poor")
            if measure.ratings and rating not in measure.ratings:
                rating = ""
            rows.append(
                Finding(
                    assessment_id=assessment_id,
                    test_code=code,
                    side=side,
                    faults=faults,
                    rating=rating,
                )
            )
    return rows
