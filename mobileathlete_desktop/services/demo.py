"""A synthetic demo clinic: invented runners with months of plausible visits."""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from sqlalchemy import func, select

from mobileathlete_desktop.services.accounts import hash_password
from mobileathlete_desktop.services.audit import record_event
from mobileathlete_desktop.services.clinic_details import demo_logo
from mobileathlete_desktop.services.context import InputError, ServiceContext
from mobileathlete_desktop.services.demo_programs import add_demo_programs
from mobileathlete_desktop.services.demo_values import (
    TYPICAL,
    battery_values,
    pick_deficits,
    visit_findings,
    visit_values,
)
from mobileathlete_desktop.services.treatments import demo_treatments
from mobileathlete_desktop.storage.models import (
    Assessment,
    Client,
    Clinic,
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


@dataclass(frozen=True)
class DemoSummary:
    """What the demo generator created."""

    clients: int
    assessments: int
    measurements: int


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
    hops = random.Random(f"battery-{seed}")  # likewise for the runner test battery
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
            deficits = pick_deficits(rng)
            # Shin pain on more mileage: hopping hurts at the first battery, so the demo shows
            # the bone-stress warning (and a program without impact work).
            sore_shin = client.complaint.startswith("Shin pain")
            battery = sore_shin or hops.random() < 0.35
            involved = deficits[0].side if deficits else hops.choice(("left", "right"))
            personal = {code: rng.gauss(0, sd * 0.6) for code, (_, sd) in TYPICAL.items()}
            # After a painful hop (a bone-stress warning) a physio does not hop-test again
            # until the pain has gone: no hop tests from the next visit until one where the
            # runner reports no pain (NPRS 0); heel-rise endurance, no impact, goes on.
            hops_held = False
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
                rows = visit_values(
                    rng, cat, personal, deficits, recovery, assessment.id, therapist
                )
                findings = visit_findings(rng, cat, deficits, recovery, assessment.id)
                problems = [(d.code, d.side, d.control) for d in deficits]
                treatments = demo_treatments(care, assessment.id, problems, recovery)
                # The visit's pain is drawn here, in the same order as ever (the same seed
                # makes the same clinic), so the hop tests can wait for it.
                pain = max(0, round(rng.uniform(4, 7) * (1 - recovery) + rng.uniform(0, 1.5)))
                hops_held = hops_held and pain > 0
                if battery and visit >= 1:
                    painful_hops = sore_shin and visit == 1
                    battery_rows = battery_values(
                        hops, cat, involved, recovery, painful_hops, assessment.id, therapist
                    )
                    if hops_held:  # drawn all the same: later clients stay as they were
                        battery_rows = [r for r in battery_rows if not r.code.startswith("hop.")]
                    rows += battery_rows
                    hops_held = hops_held or painful_hops
                session.add_all(rows)
                n_values += len(rows)
                session.add_all(findings)
                session.add_all(treatments)
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
        add_demo_programs(session, catalogue=cat)
        record_event(session, ctx.actor, "demo.create", detail={"clients": clients, "seed": seed})
    return DemoSummary(clients=clients, assessments=n_assessments, measurements=n_values)
