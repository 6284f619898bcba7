"""The roster's filter: the words typed in the filter box, and the team chosen beside it."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, QSortFilterProxyModel

from coachdesk.ui.team.roster_table_model import Column
from coachdesk.ui.team.word_filter import WordFilterProxy


class RosterFilterModel(WordFilterProxy):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._team: str | None = None

    def set_team(self, team: str | None) -> None:
        """Shows one team's people only; "" is people with no team, None everyone."""
        self.beginFilterChange()
        self._team = team
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: QModelIndex | QPersistentModelIndex) -> bool:
        if self._team is not None:
            team = self.sourceModel().index(source_row, Column.TEAM, source_parent).data()
            if team != self._team:
                return False
        return super().filterAcceptsRow(source_row, source_parent)
