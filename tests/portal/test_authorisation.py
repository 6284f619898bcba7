"""Who reads whose notebook follows the reporting tree: down it read-only, never sideways or up."""

from __future__ import annotations

from sqlalchemy.orm import Session

from coachdesk_portal.access import Access, access_to
from tests.portal.conftest import Organisation, notebooks, token_of


def readable(portal_url: str, organisation: Organisation, email: str) -> dict[str, str]:
    answer = notebooks(portal_url, token_of(portal_url, organisation, email))
    assert answer.status_code == 200, answer.text
    return {notebook["owner_email"]: notebook["access"] for notebook in answer.json()["notebooks"]}


def access(organisation: Organisation, reader: str, owner: str) -> Access:
    with Session(organisation.engine) as session:
        return access_to(session, organisation.ids[reader], organisation.ids[owner])


def test_a_manager_reads_and_writes_their_own_notebook_and_cannot_read_a_peers(
    portal_url: str, organisation: Organisation
) -> None:
    assert readable(portal_url, organisation, "dana@example.org") == {"dana@example.org": "read-write"}
    assert access(organisation, "dana@example.org", "sam@example.org") is Access.NONE


def test_a_leader_reads_everyone_below_them_but_writes_only_their_own(
    portal_url: str, organisation: Organisation
) -> None:
    assert readable(portal_url, organisation, "lee@example.org") == {
        "lee@example.org": "read-write",
        "dana@example.org": "read",
        "sam@example.org": "read",
    }
    leader_on_manager = access(organisation, "lee@example.org", "dana@example.org")
    assert leader_on_manager.allows(Access.READ)
    assert not leader_on_manager.allows(Access.READ_WRITE)


def test_a_senior_leader_reads_the_whole_subtree_in_name_order(portal_url: str, organisation: Organisation) -> None:
    answer = notebooks(portal_url, token_of(portal_url, organisation, "morgan@example.org")).json()["notebooks"]

    assert [notebook["owner_name"] for notebook in answer] == [
        "Morgan Hale",
        "Dana Reyes",
        "Kim Osei",
        "Lee Park",
        "Sam Lund",
    ]
    assert access(organisation, "morgan@example.org", "sam@example.org") is Access.READ


def test_nobody_reads_up_the_tree_or_a_peer_leaders_team(portal_url: str, organisation: Organisation) -> None:
    assert readable(portal_url, organisation, "kim@example.org") == {"kim@example.org": "read-write"}
    assert access(organisation, "kim@example.org", "dana@example.org") is Access.NONE
    assert access(organisation, "dana@example.org", "lee@example.org") is Access.NONE
    assert access(organisation, "lee@example.org", "morgan@example.org") is Access.NONE
