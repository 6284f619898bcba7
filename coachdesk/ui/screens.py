"""Every screen of the main window, in sidebar order.

Importing this loads the whole service layer, so the main window imports it on the worker while the notebook
opens: the window itself appears at once.
"""

from __future__ import annotations

from coachdesk.services import Services, build_services
from coachdesk.ui.agenda.page import AgendaPage
from coachdesk.ui.agent.page import AgentPage
from coachdesk.ui.context import ChangeNotices, UiContext
from coachdesk.ui.editor.dialog import SessionEditor
from coachdesk.ui.kpis.page import KpisPage
from coachdesk.ui.meetings.page import OneOnOnesPage
from coachdesk.ui.mentoring.page import MentoringPage
from coachdesk.ui.packs.page import ReviewPacksPage
from coachdesk.ui.page import Page
from coachdesk.ui.plans.page import PlansPage
from coachdesk.ui.search.page import SearchPage
from coachdesk.ui.sync.desk import SyncDesk
from coachdesk.ui.team.page import TeamPage
from coachdesk.ui.today.page import TodayPage

SIDEBAR_PAGES: tuple[type[Page], ...] = (
    TodayPage,
    TeamPage,
    OneOnOnesPage,
    PlansPage,
    KpisPage,
    MentoringPage,
    ReviewPacksPage,
    SearchPage,
)

__all__ = [
    "SIDEBAR_PAGES",
    "AgendaPage",
    "AgentPage",
    "ChangeNotices",
    "KpisPage",
    "OneOnOnesPage",
    "Page",
    "ReviewPacksPage",
    "SearchPage",
    "Services",
    "SessionEditor",
    "SyncDesk",
    "UiContext",
    "build_services",
]
