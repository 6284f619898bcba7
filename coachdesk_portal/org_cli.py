"""`coachdesk-portal org …`: the administrator's commands for people, the reporting tree, codes and devices."""

from __future__ import annotations

import argparse
import sys
from collections import defaultdict
from collections.abc import Callable
from datetime import UTC, datetime

from sqlalchemy import Engine
from sqlalchemy.orm import Session

from coachdesk_portal.organisation import (
    CODE_LIFETIME,
    DeviceView,
    OrganisationError,
    PersonView,
    add_person,
    create_enrollment_code,
    devices,
    people,
    revoke_device,
)


def add_org_commands(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    org = commands.add_parser("org", help="manage the organisation: people, reporting lines, enrollment codes, devices")
    org.add_argument("--db", metavar="URL", default=argparse.SUPPRESS, help="database URL (as for the server)")
    actions = org.add_subparsers(dest="action", required=True, metavar="ACTION")
    add = actions.add_parser("add", help="add a person, under the manager they report to")
    add.add_argument("email", help="their email address, which names them in the other commands")
    add.add_argument("name", help="their name as colleagues know it")
    add.add_argument("--reports-to", metavar="EMAIL", help="their manager's email address (none: top of the tree)")
    actions.add_parser("list", help="show the reporting tree with each person's devices")
    code = actions.add_parser("code", help="make a one-time enrollment code for a person's next device")
    code.add_argument("email")
    revoke = actions.add_parser("revoke", help="revoke a device: its token is refused from its next request")
    revoke.add_argument("device_id", help="the device's id, as `org list` shows it")


def run_org_command(options: argparse.Namespace, engine: Engine) -> int:
    now = datetime.now(UTC).replace(tzinfo=None)
    commands: dict[str, Callable[[Session], str]] = {
        "add": lambda session: added(add_person(session, options.email, options.name, options.reports_to, now)),
        "list": organisation_tree,
        "code": lambda session: code_text(options.email, create_enrollment_code(session, options.email, now)),
        "revoke": lambda session: revoked(revoke_device(session, options.device_id, now)),
    }
    try:
        with Session(engine) as session, session.begin():
            print(commands[options.action](session))
    except OrganisationError as problem:
        print(problem, file=sys.stderr)
        return 1
    return 0


def added(person: PersonView) -> str:
    return f"Added {person.name} <{person.email}>."


def code_text(email: str, code: str) -> str:
    return (
        f"Enrollment code for {email}: {code}\n"
        f"It works once, within {CODE_LIFETIME.days} days: "
        "coachdesk sync --portal <this portal's address> --code <the code>. It is not shown again."
    )


def revoked(device: DeviceView) -> str:
    return f"Revoked {device.name} ({device.id}): the portal refuses it from its next request."


def organisation_tree(session: Session) -> str:
    everyone = people(session)
    if not everyone:
        return "Nobody is in the organisation yet: add people with `coachdesk-portal org add EMAIL NAME`."
    reports: dict[str | None, list[PersonView]] = defaultdict(list)
    for person in everyone:
        reports[person.reports_to].append(person)
    owned: dict[str, list[DeviceView]] = defaultdict(list)
    for device in devices(session):
        owned[device.person_id].append(device)
    lines: list[str] = []

    def show(person: PersonView, depth: int) -> None:
        lines.append(f"{'  ' * depth}{person.name} <{person.email}>")
        for device in owned[person.id]:
            state = f"revoked {device.revoked_at:%d %b %Y}" if device.revoked_at else "active"
            enrolled = f"enrolled {device.enrolled_at:%d %b %Y}"
            lines.append(f"{'  ' * (depth + 1)}device {device.name} ({device.id}), {enrolled}, {state}")
        for report in reports[person.id]:
            show(report, depth + 1)

    for top in reports[None]:
        show(top, 0)
    return "\n".join(lines)
