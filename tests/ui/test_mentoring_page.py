"""The Mentoring screen: a suggestion proposed, accepted, a session logged and the mentee's feedback on it shown."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from coachdesk.models import Team as TeamRecord
from coachdesk.services import Services
from coachdesk.services.kpis import KpiValueInput
from coachdesk.services.people import PersonDraft
from coachdesk.ui.context import UiContext
from coachdesk.ui.mentoring.dialogs import FeedbackDialog, LogSessionDialog, NewPairingDialog
from coachdesk.ui.mentoring.page import PROPOSE_COLUMN, MentoringPage
from tests.conftest import TODAY, Team
from tests.ui.conftest import RecordingNavigator, column_texts, press, show_active

MONDAY = TODAY - timedelta(days=TODAY.weekday())


@pytest.fixture
def field_mentor(services: Services, team: Team) -> str:
    """Ines, in a field team at another site, has met the CSAT target for weeks; Priya is below it."""
    people = services.people
    people.save(team.priya.id, people.draft_of(team.priya.id), "Leeds Retentions")
    ines = people.save(None, PersonDraft("Ines Moreau", "F1", reports_to_id=team.senior.id), "Field North")
    with services.notebook.write() as session:
        for row in session.scalars(select(TeamRecord)):
            row.site = "York" if row.name == "Field North" else "Leeds"
    csat = services.kpis.define("CSAT", unit="%", target=85, decimals=0)
    services.kpis.record_values(
        [KpiValueInput(csat.id, team.priya.id, MONDAY, 78)]
        + [KpiValueInput(csat.id, ines.id, MONDAY - timedelta(weeks=n), 92) for n in range(4)]
    )
    return ines.id


@pytest.fixture
def page(qtbot: QtBot, ui_context: UiContext, team: Team) -> MentoringPage:
    mentoring = MentoringPage(ui_context)
    qtbot.addWidget(mentoring)
    mentoring.resize(1300, 850)
    mentoring.show()
    return mentoring


def test_a_suggestion_is_proposed_accepted_and_a_session_logged_with_feedback(
    qtbot: QtBot, field_mentor: str, page: MentoringPage, navigator: RecordingNavigator
) -> None:
    suggestions = page.suggestions
    qtbot.waitUntil(lambda: suggestions.model.rowCount() == 1)
    assert column_texts(suggestions.table, 3) == [
        "Priya's CSAT is 78 %, target 85 %; Ines has met the CSAT target 4 weeks running · York and Leeds."
    ]
    propose = suggestions.table.indexWidget(suggestions.model.index(0, PROPOSE_COLUMN))
    assert isinstance(propose, QPushButton)

    propose.click()

    qtbot.waitUntil(lambda: page.pairings.model.rowCount() == 1)
    assert suggestions.model.rowCount() == 0
    assert column_texts(page.pairings.table, 2) == ["Proposed"]
    panel = page.panel
    assert panel.title.text() == "Ines Moreau mentoring Priya Shah"
    assert not panel.log_session.isEnabled()

    panel.accept.click()
    qtbot.waitUntil(lambda: column_texts(page.pairings.table, 2) == ["Active"])
    assert panel.log_session.isEnabled()
    assert not panel.accept.isEnabled()

    panel.log_session.click()
    log = page.findChildren(LogSessionDialog)[0]
    log.save_button.click()
    assert log.errors["what_happened"].text() == "What happened cannot be empty."
    log.what_happened.setPlainText("Listened to three survey calls together")
    log.next_steps.setPlainText("Summarise the fix before closing each call")
    log.save_button.click()
    qtbot.waitUntil(lambda: panel.sessions.model.rowCount() == 1)
    assert column_texts(panel.sessions.table, 2) == ["No feedback yet"]

    panel.feedback.click()
    feedback = page.findChildren(FeedbackDialog)[0]
    feedback.save_button.click()
    assert feedback.errors["rating"].text() == "Choose a rating from 1 (not useful) to 5 (very useful)."
    feedback.rating.setCurrentIndex(feedback.rating.findData(4))
    feedback.comment.setText("Hearing real calls helped most")
    feedback.save_button.click()

    qtbot.waitUntil(lambda: column_texts(panel.sessions.table, 2) == ["★★★★☆  Hearing real calls helped most"])
    assert column_texts(panel.sessions.table, 1) == ["Listened to three survey calls together"]
    assert panel.sessions.heading.text() == "Sessions — 1 session, 1 with the mentee's feedback"
    assert navigator.messages[-1] == "Feedback saved: 4 of 5."


def test_a_new_pairing_may_make_a_manager_a_mentee_and_refuses_a_self_pairing(
    qtbot: QtBot, page: MentoringPage, team: Team
) -> None:
    show_active(qtbot, page)
    qtbot.waitUntil(page.new_pairing.isEnabled)
    assert page.pairings.empty.text().startswith("No mentoring pairings yet.")
    page.suggestions.table.setFocus()
    press(qtbot, Qt.Key.Key_Insert)
    qtbot.waitUntil(lambda: bool(page.findChildren(NewPairingDialog)))
    dialog = page.findChildren(NewPairingDialog)[0]
    dialog.mentor.setCurrentIndex(dialog.mentor.findData(team.leader.id))
    dialog.mentee.setCurrentIndex(dialog.mentee.findData(team.leader.id))
    dialog.save_button.click()
    assert dialog.errors["mentee_id"].text() == "A person cannot mentor themselves; choose someone else."

    dialog.mentor.setCurrentIndex(dialog.mentor.findData(team.senior.id))
    dialog.scope.setText("Leading team leaders")
    dialog.save_button.click()

    qtbot.waitUntil(lambda: page.pairings.model.rowCount() == 1)
    assert column_texts(page.pairings.table, 0) == ["Grace Okafor"]
    assert column_texts(page.pairings.table, 1) == ["Dana Whitfield"]
    assert page.panel.scope.text() == "Scope: Leading team leaders"
