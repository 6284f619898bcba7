"""People, teams and the reporting tree."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, fields, replace
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from coachdesk.errors import AmbiguousName, NotFound, ValidationError
from coachdesk.models import Person, Team, TeamSetting
from coachdesk.services.base import alive, live, required_text
from coachdesk.services.cadence import Tenure, target_cadence_days, tenure_on
from coachdesk.services.settings import OWNER_KEY, CadencePolicy, ServiceWithSettings

MAX_CADENCE_DAYS = 365


@dataclass(frozen=True)
class PersonDraft:
    full_name: str
    employee_id: str | None = None
    email: str = ""
    role: str = ""
    is_agent: bool = True
    is_manager: bool = False
    reports_to_id: str | None = None
    team_id: str | None = None
    start_date: date | None = None
    cadence_days: int | None = None
    notes: str = ""


@dataclass(frozen=True)
class PersonView:
    id: str
    full_name: str
    employee_id: str | None
    email: str
    role: str
    is_agent: bool
    is_manager: bool
    reports_to_id: str | None
    reports_to_name: str | None
    team_id: str | None
    team_name: str | None
    start_date: date | None
    archived: bool
    cadence_days: int
    cadence_overridden: bool
    tenure: Tenure
    notes: str = ""


@dataclass(frozen=True)
class TeamView:
    id: str
    name: str
    site: str
    setting: TeamSetting


class PeopleService(ServiceWithSettings):
    def list_people(self, *, include_archived: bool = False) -> list[PersonView]:
        with self._notebook.read() as session:
            query = select(Person).where(alive(Person)).order_by(Person.full_name)
            if not include_archived:
                query = query.where(Person.archived.is_(False))
            return self._views(session, list(session.scalars(query)))

    def get(self, person_id: str) -> PersonView:
        with self._notebook.read() as session:
            return self._views(session, [live(session, Person, person_id, "person")])[0]

    def find(self, name_or_id: str) -> PersonView:
        """Finds one person by id, employee id, full name, or a part of a name that only one person has."""
        wanted = name_or_id.strip()
        if not wanted:
            raise ValidationError("Give a person's name or id.", "person")
        people = self.list_people(include_archived=True)
        folded = folded_name(wanted)
        for exact in (
            [p for p in people if p.id == wanted],
            [p for p in people if folded_name(p.employee_id or "") == folded],
            [p for p in people if folded_name(p.full_name) == folded],
            [p for p in people if folded in folded_name(p.full_name)],
        ):
            if len(exact) == 1:
                return exact[0]
            if len(exact) > 1:
                names = ", ".join(f"{p.full_name} ({p.employee_id or p.id[:8]})" for p in exact[:5])
                raise AmbiguousName(f"“{wanted}” matches several people: {names}. Be more specific.")
        raise NotFound(f"Nobody in the notebook matches “{wanted}”.")

    def add(self, draft: PersonDraft) -> PersonView:
        return self.save(None, draft)

    def update(self, person_id: str, draft: PersonDraft) -> PersonView:
        return self.save(person_id, draft)

    def save(self, person_id: str | None, draft: PersonDraft, team_name: str = "") -> PersonView:
        """Adds (no id) or changes a person; a `team_name` puts them in the team of that name, made if there is none.

        The team is made in the same transaction, so a person refused for a bad field leaves no stray team behind.
        """
        with self._notebook.write() as session:
            if team_name.strip():
                draft = replace(draft, team_id=team_named(session, team_name.strip()).id)
            person = Person() if person_id is None else live(session, Person, person_id, "person")
            self._apply(session, person, draft)
            session.add(person)
            session.flush()
            return self._views(session, [person])[0]

    def draft_of(self, person_id: str) -> PersonDraft:
        """The editable fields of a person, to change a few with `dataclasses.replace` and `update`."""
        view = self.get(person_id)
        explicit = view.cadence_days if view.cadence_overridden else None
        values = {f.name: getattr(view, f.name) for f in fields(PersonDraft) if f.name != "cadence_days"}
        return replace(PersonDraft(**values), cadence_days=explicit)

    def set_archived(self, person_id: str, archived: bool) -> PersonView:
        with self._notebook.write() as session:
            person = live(session, Person, person_id, "person")
            person.archived = archived
            person.archived_on = self.today() if archived else None
            return self._views(session, [person])[0]

    def reports_of(self, manager_id: str, *, recursive: bool = False) -> list[PersonView]:
        with self._notebook.read() as session:
            ids = subtree_ids(session, manager_id) if recursive else direct_report_ids(session, manager_id)
            people = session.scalars(select(Person).where(Person.id.in_(ids)).order_by(Person.full_name))
            return self._views(session, list(people))

    def set_owner(self, person_id: str) -> PersonView:
        """Says whose notebook this is: the coach of sessions logged without naming one."""
        view = self.get(person_id)
        self._settings.put(OWNER_KEY, person_id)
        return view

    def owner(self) -> PersonView | None:
        owner_id = self._settings.owner_id()
        return self.get(owner_id) if owner_id else None

    def list_teams(self) -> list[TeamView]:
        with self._notebook.read() as session:
            teams = session.scalars(select(Team).where(alive(Team), Team.archived.is_(False)).order_by(Team.name))
            return [TeamView(t.id, t.name, t.site, t.setting) for t in teams]

    def add_team(self, name: str, site: str = "", setting: TeamSetting = TeamSetting.CONTACT_CENTRE) -> TeamView:
        with self._notebook.write() as session:
            team = team_named(session, required_text(name, "name", "A team's name"), site, setting)
            return TeamView(team.id, team.name, team.site, team.setting)

    def _apply(self, session: Session, person: Person, draft: PersonDraft) -> None:
        person.full_name = required_text(draft.full_name, "full_name", "A person's name")
        employee_id = (draft.employee_id or "").strip() or None
        if employee_id and session.scalar(
            select(Person.id).where(Person.employee_id == employee_id, Person.id != person.id)
        ):
            raise ValidationError(f"Employee id {employee_id} already belongs to someone else.", "employee_id")
        if draft.cadence_days is not None and not 1 <= draft.cadence_days <= MAX_CADENCE_DAYS:
            raise ValidationError(
                f"The coaching cadence must be between 1 and {MAX_CADENCE_DAYS} days.", "cadence_days"
            )
        if draft.reports_to_id is not None:
            live(session, Person, draft.reports_to_id, "manager")
            if draft.reports_to_id == person.id or (
                person.id and draft.reports_to_id in subtree_ids(session, person.id)
            ):
                raise ValidationError(
                    f"{person.full_name} cannot report to someone who reports to them.", "reports_to_id"
                )
        if draft.team_id is not None:
            live(session, Team, draft.team_id, "team")
        if not (draft.is_agent or draft.is_manager):
            raise ValidationError("A person is an agent, a manager, or both.", "is_agent")
        email = draft.email.strip()
        if email and not looks_like_email(email):
            raise ValidationError(f"“{email}” is not an email address.", "email")
        person.employee_id = employee_id
        person.email = email
        person.role = draft.role.strip()
        person.is_agent = draft.is_agent
        person.is_manager = draft.is_manager
        person.reports_to_id = draft.reports_to_id
        person.team_id = draft.team_id
        person.start_date = draft.start_date
        person.cadence_days = draft.cadence_days
        person.notes = draft.notes.strip()

    def _views(self, session: Session, people: list[Person]) -> list[PersonView]:
        policy = self._settings.cadence_policy()
        names = dict(session.execute(select(Person.id, Person.full_name)).all())
        teams = dict(session.execute(select(Team.id, Team.name)).all())
        return [person_view(p, names, teams, self.today(), policy) for p in people]


def person_view(
    person: Person, names: dict[str, str], teams: dict[str, str], today: date, policy: CadencePolicy
) -> PersonView:
    return PersonView(
        id=person.id,
        full_name=person.full_name,
        employee_id=person.employee_id,
        email=person.email,
        role=person.role,
        is_agent=person.is_agent,
        is_manager=person.is_manager,
        reports_to_id=person.reports_to_id,
        reports_to_name=names.get(person.reports_to_id or ""),
        team_id=person.team_id,
        team_name=teams.get(person.team_id or ""),
        start_date=person.start_date,
        archived=person.archived,
        cadence_days=target_cadence_days(person.start_date, person.cadence_days, today, policy),
        cadence_overridden=person.cadence_days is not None,
        tenure=tenure_on(person.start_date, today, policy),
        notes=person.notes,
    )


def looks_like_email(text: str) -> bool:
    """Catches a name or a phone number typed in the email field; whether the address exists is not ours to say."""
    return "@" in text and "." in text.rsplit("@", 1)[-1]


def folded_name(text: str) -> str:
    """A name as typed on any keyboard: "alvarez" finds "Álvarez", "zoe" finds "Zoë"."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def direct_report_ids(session: Session, manager_id: str) -> list[str]:
    return list(session.scalars(select(Person.id).where(Person.reports_to_id == manager_id, alive(Person))))


def subtree_ids(session: Session, manager_id: str) -> set[str]:
    """Everyone below a manager, at any depth, found with one recursive query."""
    tree = select(Person.id).where(Person.reports_to_id == manager_id, alive(Person)).cte("tree", recursive=True)
    tree = tree.union(select(Person.id).join(tree, Person.reports_to_id == tree.c.id).where(alive(Person)))
    return set(session.scalars(select(tree.c.id)))


def team_named(session: Session, name: str, site: str = "", setting: TeamSetting = TeamSetting.CONTACT_CENTRE) -> Team:
    """The live team of that name (any case), made if there is none: rosters name teams, not ids."""
    team = session.scalar(select(Team).where(func.lower(Team.name) == name.lower(), alive(Team)))
    if team is None:
        team = Team(name=name, site=site, setting=setting)
        session.add(team)
        session.flush()
    return team
