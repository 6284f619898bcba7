"""Makes a demo notebook in one write, so a failed or refused demo leaves nothing half made."""

from __future__ import annotations

import json
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from coachdesk.db import Notebook
from coachdesk.demo.leader_log import LeaderLog
from coachdesk.demo.measures import Measures
from coachdesk.demo.mentoring import Mentoring
from coachdesk.demo.one_on_ones import OneOnOnes
from coachdesk.demo.organisation import Hiring, Organisation, arrange_todays_gaps
from coachdesk.demo.plans import Plans
from coachdesk.demo.promises import Promises
from coachdesk.demo.recognition import give_recognition, note_skills
from coachdesk.demo.rows import DemoSummary
from coachdesk.demo.world import Builtins, World, stamp
from coachdesk.errors import ValidationError
from coachdesk.models import Person, Setting
from coachdesk.services.base import alive
from coachdesk.services.settings import OWNER_KEY

MAX_AGENTS = 5000
MIN_YEARS, MAX_YEARS = 0.1, 10.0


def generate_demo(
    notebook: Notebook, *, agents: int = 24, years: float = 1.0, seed: int = 7, today: date
) -> DemoSummary:
    """Fills an empty notebook with a sample organisation and `years` of its coaching, up to the day before `today`.

    A notebook that already holds people is refused: demo records mixed into real ones could never be told apart.
    The owner becomes a second-line manager, so the Today view shows team leaders and agents below them.
    """
    check_demo_size(agents, years)
    with notebook.write() as session:
        refuse_unless_empty(session)
        world = World(seed, today, years, Builtins.read(session))
        organisation = build_demo(world, agents)
        world.rows.insert_into(session)
        owner = organisation.owner
        session.add(Setting(key=OWNER_KEY, value=json.dumps(owner.id), updated_at=stamp(world.since, 8)))
        return world.rows.summary()


def check_demo_size(agents: int, years: float) -> None:
    if not 1 <= agents <= MAX_AGENTS:
        raise ValidationError(f"A demo has between 1 and {MAX_AGENTS} agents; {agents} is out of range.", "agents")
    if not MIN_YEARS <= years <= MAX_YEARS:
        raise ValidationError(
            f"A demo covers between {MIN_YEARS:g} and {MAX_YEARS:g} years; {years:g} is out of range.", "years"
        )


def refuse_unless_empty(session: Session) -> None:
    if session.scalar(select(Person.id).where(alive(Person)).limit(1)) is not None:
        raise ValidationError("This notebook already holds people; make the demo in its own folder with --data-dir.")


def build_demo(world: World, agent_count: int) -> Organisation:
    """The order matters: plans shape the KPI trends, and sessions quote KPIs, link plans and follow up meetings."""
    organisation = Hiring(world).organisation(agent_count)
    arrange_todays_gaps(world, organisation)
    measures = Measures(world)
    measures.define_kpis()
    for agent in organisation.agents:
        measures.shape_performance(agent)
    Plans(world).write(organisation)
    pairings = Mentoring(world).pair(organisation)
    promises = Promises(world)
    OneOnOnes(world, promises).hold(organisation)
    LeaderLog(world, promises).keep(organisation, pairings)
    give_recognition(world, organisation)
    note_skills(world, organisation, pairings)
    return organisation
