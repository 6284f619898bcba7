"""The leader-log editor: log a coaching session from the keyboard in under half a minute.

Everything typed is kept in a draft file every couple of seconds (on the worker), so a crash, a killed process or
closing the window mid-entry loses nothing; the draft reopens next time and is removed once the session is saved.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QDate, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from coachdesk.drafts import DraftStore
from coachdesk.errors import ValidationError
from coachdesk.models import CommitmentStatus
from coachdesk.services.commitments import CommitmentView
from coachdesk.services.log import EntryView, FocusDraft, SessionDraft
from coachdesk.ui.commitments_panel import CommitmentsSection
from coachdesk.ui.context import Topic, UiContext
from coachdesk.ui.editor.agent_picker import AgentPicker
from coachdesk.ui.editor.commitment_rows import CommitmentRows
from coachdesk.ui.editor.editor_data import AgentContext, EditorData, agent_context, editor_data
from coachdesk.ui.editor.goal_checklist import NO_AGENT, GoalChecklist
from coachdesk.ui.widgets import as_date, as_qdate, heading, muted

AUTOSAVE_MS = 2000
TALL_LINES, SHORT_LINES = 5, 3
SIDE_WIDTH = 340
DRAFT_VERSION = 1
RATINGS = ("No rating", "1 — well below expectations", "2 — below", "3 — meets", "4 — above", "5 — well above")
TEXT_FIELDS = ("what_happened", "performance_notes", "agent_view", "barriers", "next_steps", "private_notes")


class SessionEditor(QDialog):
    draft_saved = Signal()

    def __init__(
        self,
        context: UiContext,
        drafts: DraftStore,
        *,
        agent_id: str | None = None,
        draft_key: str | None = None,
        restored: dict[str, Any] | None = None,
    ) -> None:
        super().__init__()
        self.context = context
        self._drafts = drafts
        self.draft_key = draft_key or drafts.new_key()
        self._restored = restored
        self._agent_id = agent_id
        self._data: EditorData | None = None
        self._dirty = False
        self._shown_agent: str | None = None
        self.setWindowTitle("New session — CoachDesk")
        self.setAccessibleName("New coaching session")
        self.resize(1100, 760)
        self._build()
        self._autosave = QTimer(self)
        self._autosave.setInterval(AUTOSAVE_MS)
        self._autosave.timeout.connect(self.save_draft)
        self._autosave.start()
        context.load(self, lambda: editor_data(context.services), self._fill)

    @classmethod
    def restore(cls, context: UiContext, drafts: DraftStore, key: str) -> SessionEditor:
        """An editor holding a draft left by an earlier run, with a note saying so."""
        return cls(context, drafts, draft_key=key, restored=drafts.load(key) or {})

    # Building the form ---------------------------------------------------

    def _build(self) -> None:
        self.notice = QLabel("")
        self.notice.setWordWrap(True)
        self.notice.setAccessibleName("Editor notice")
        self.notice.hide()
        self.agents = AgentPicker()
        self.agents.textChanged.connect(self._agents_typed)
        self.kind = QComboBox()
        self.kind.setAccessibleName("Kind of session")
        self.kind.currentIndexChanged.connect(self._apply_template)
        self.held_on = QDateEdit()
        self.held_on.setAccessibleName("Date")
        self.held_on.setCalendarPopup(True)
        self.held_on.setDisplayFormat("ddd d MMM yyyy")
        self.duration = QSpinBox()
        self.duration.setAccessibleName("Duration in minutes")
        self.duration.setRange(5, 600)
        self.duration.setSingleStep(5)
        self.duration.setValue(30)
        self.duration.setSuffix(" min")
        self.coach = QComboBox()
        self.coach.setAccessibleName("Held by")
        self.focus = QLineEdit()
        self.focus.setAccessibleName("Focus")
        self.focus.setPlaceholderText("Skill or KPI worked on, e.g. Adherence")
        self.target = QLineEdit()
        self.target.setAccessibleName("Target")
        self.target.setPlaceholderText("e.g. adherence 85 % within two weeks")
        self.follow_up = QDateEdit()
        self.follow_up.setAccessibleName("Follow-up date")
        self.follow_up.setCalendarPopup(True)
        self.follow_up.setDisplayFormat("ddd d MMM yyyy")
        self.follow_up.setSpecialValueText("No follow-up date")
        self.rating = QComboBox()
        self.rating.setAccessibleName("Rating")
        self.rating.addItems(RATINGS)
        self.texts = {name: self._text_box(name) for name in TEXT_FIELDS}
        self.plan_goals = GoalChecklist()
        self.plan_goals.changed.connect(self._changed)
        self._restored_goal_ids: list[str] = []
        self.commitments = CommitmentRows(date.today())
        self.commitments.changed.connect(self._changed)
        self.private = QCheckBox("Keep the whole session private")
        self.private.setAccessibleName("Private session")
        self.acknowledged = QCheckBox("The agent has read this session and acknowled&ges it")
        self.acknowledged.setAccessibleName("Agent acknowledges")
        self.acknowledgement = QLineEdit()
        self.acknowledgement.setAccessibleName("Agent's comment")
        self.acknowledgement.setPlaceholderText("Their comment, in their words (optional)")
        self.acknowledgement.setEnabled(False)
        self.acknowledged.toggled.connect(self.acknowledgement.setEnabled)
        for widget in (self.focus, self.target, self.acknowledgement):
            widget.textChanged.connect(self._changed)
        for box in (self.kind, self.coach, self.rating):
            box.currentIndexChanged.connect(self._changed)
        for date_edit in (self.held_on, self.follow_up):
            date_edit.dateChanged.connect(self._changed)
        self.duration.valueChanged.connect(self._changed)
        for check in (self.private, self.acknowledged):
            check.toggled.connect(self._changed)

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        when = self._row(self.kind, QLabel("&Date"), self.held_on, QLabel("D&uration"), self.duration)
        rows: list[tuple[str, QWidget, QWidget | None]] = [
            ("&Agent", self.agents, None),
            ("&Kind", when, self.kind),
            ("Held &by", self.coach, None),
            ("&Focus", self._row(self.focus, QLabel("&Target"), self.target), self.focus),
            ("Follow-up &on", self.follow_up, None),
            ("P&lan goals\nworked on", self.plan_goals, None),
            ("&What happened", self.texts["what_happened"], None),
            ("&Rating", self.rating, None),
            ("How they &performed\nand responded", self.texts["performance_notes"], None),
            ("Their &view", self.texts["agent_view"], None),
            ("Barri&ers", self.texts["barriers"], None),
            ("&Next steps", self.texts["next_steps"], None),
            ("Commitments", self.commitments, self.commitments.add_button),
            ("Pr&ivate notes", self._private_box(), self.texts["private_notes"]),
            ("", self.acknowledged, None),
            ("Their &comment", self.acknowledgement, None),
        ]
        for text, field, buddy in rows:
            label = QLabel(text)
            label.setBuddy(buddy or field)
            form.addRow(label, field)
        fields = QWidget()
        fields.setLayout(form)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(fields)

        self.follow_ups = CommitmentsSection()
        self.follow_ups.followed_up.connect(self._follow_up)
        self.follow_ups.hide()
        self.last_session = muted("Choose an agent to see their last session and open commitments.")
        self.last_session.setAccessibleName("Last session")
        side = QWidget()
        side_layout = QVBoxLayout(side)
        side_layout.addWidget(heading("To follow up", 1.2))
        side_layout.addWidget(self.last_session)
        side_layout.addWidget(self.follow_ups)
        side_layout.addStretch(1)
        splitter = QSplitter()
        splitter.addWidget(scroll)
        splitter.addWidget(side)
        splitter.setStretchFactor(0, 1)
        side.setMinimumWidth(SIDE_WIDTH)
        splitter.setSizes([1100 - SIDE_WIDTH, SIDE_WIDTH])

        self.save_button = QPushButton("&Save session")
        self.save_button.setToolTip("Save the session (Ctrl+S or Ctrl+Enter)")
        self.save_button.setAccessibleName("Save session")
        self.save_button.clicked.connect(self.save)
        self.discard_button = QPushButton("Discard")
        self.discard_button.setToolTip("Throw this session away, draft included")
        self.discard_button.setAccessibleName("Discard session")
        self.discard_button.clicked.connect(self.discard)
        self.draft_state = muted("")
        self.draft_state.setAccessibleName("Draft state")
        for button in (self.save_button, self.discard_button):
            button.setAutoDefault(False)
        buttons = QHBoxLayout()
        buttons.addWidget(self.draft_state, 1)
        buttons.addWidget(self.discard_button)
        buttons.addWidget(self.save_button)

        layout = QVBoxLayout(self)
        layout.addWidget(self.notice)
        layout.addWidget(splitter, 1)
        layout.addLayout(buttons)
        for keys in ("Ctrl+S", "Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(keys), self).activated.connect(self.save)
        QShortcut(QKeySequence("Ctrl+K"), self).activated.connect(self.commitments.start_new)

    def _text_box(self, name: str) -> QPlainTextEdit:
        box = QPlainTextEdit()
        box.setTabChangesFocus(True)
        box.setAccessibleName(name.replace("_", " ").capitalize())
        lines = TALL_LINES if name == "what_happened" else SHORT_LINES
        box.setFixedHeight(box.fontMetrics().lineSpacing() * lines + 2 * box.frameWidth() + 8)
        box.textChanged.connect(self._changed)
        return box

    def _private_box(self) -> QGroupBox:
        box = QGroupBox("Only you see these")
        box.setAccessibleName("Private notes section")
        box.setToolTip("Private notes never leave this laptop.")
        layout = QVBoxLayout(box)
        layout.addWidget(muted("Never exported, shared or synced; left out of review packs unless you include them."))
        layout.addWidget(self.texts["private_notes"])
        layout.addWidget(self.private)
        self.texts["private_notes"].setAccessibleName("Private notes")
        self.texts["private_notes"].setPlaceholderText("Anything for your eyes only")
        return box

    @staticmethod
    def _row(*widgets: QWidget) -> QWidget:
        row = QWidget()
        layout = QHBoxLayout(row)
        layout.setContentsMargins(0, 0, 0, 0)
        for widget in widgets:
            if isinstance(widget, QLabel):
                layout.addSpacing(12)
            layout.addWidget(widget, 1 if isinstance(widget, QLineEdit) else 0)
        labels = [w for w in widgets if isinstance(w, QLabel)]
        for label in labels:
            label.setBuddy(widgets[widgets.index(label) + 1])
        return row

    # Filling it ------------------------------------------------------------

    def _fill(self, data: EditorData) -> None:
        self._data = data
        self.commitments.set_today(data.today)
        self.agents.set_people(data.agents)
        self.kind.blockSignals(True)
        for kind in data.kinds:
            self.kind.addItem(kind.name, kind.key)
        self.kind.blockSignals(False)
        for manager in data.coaches:
            self.coach.addItem(manager.full_name, manager.id)
        if data.owner is not None:
            self.coach.setCurrentIndex(max(self.coach.findData(data.owner.id), 0))
        today = as_qdate(data.today)
        self.held_on.setMaximumDate(today)
        self.held_on.setDate(today)
        self.follow_up.setMinimumDate(today.addDays(-1))
        self.follow_up.setDate(today.addDays(-1))
        if self._restored is not None:
            self._load_draft(self._restored)
        elif self._agent_id:
            self.agents.set_chosen([self._agent_id])
        self._apply_template()
        (self.texts["what_happened"] if self.agents.text() else self.agents).setFocus()

    def _apply_template(self) -> None:
        if self._data is None:
            return
        template = self._data.templates.get(str(self.kind.currentData()))
        for name, box in self.texts.items():
            if name != "private_notes":
                box.setPlaceholderText(template.prompts.get(name, "") if template else "")

    def _agents_typed(self) -> None:
        self._changed()
        ids = self.agents.chosen_ids()
        owners = [(i, self.agents.name_of(i)) for i in ids]
        coach_id = self.coach.currentData()
        if coach_id:
            owners.append((str(coach_id), f"Me — {self.coach.currentText()}"))
        self.commitments.set_owners(owners)
        first = ids[0] if ids else None
        if first != self._shown_agent:
            self._shown_agent = first
            self._show_agent_context(first)

    def _show_agent_context(self, agent_id: str | None) -> None:
        if agent_id is None:
            self.plan_goals.set_goals([], NO_AGENT)
            self.follow_ups.hide()
            self.last_session.setText("Choose an agent to see their last session and open commitments.")
            return
        services = self.context.services
        self.context.load(self, lambda: agent_context(services, agent_id), self._show_context)

    def _show_context(self, shown: AgentContext) -> None:
        if shown.agent_id != self._shown_agent:
            return
        self.last_session.setText(shown.last_session_words)
        self.plan_goals.set_goals(shown.plan_goals, shown.plan_words, self._restored_goal_ids)
        first_name = self.agents.name_of(shown.agent_id).split()[0]
        self.follow_ups.show_commitments(tuple(shown.open_commitments), shown.today, first_name)
        self.follow_ups.show()

    def _follow_up(self, commitment: CommitmentView, status: CommitmentStatus) -> None:
        services = self.context.services
        self.context.change(
            self,
            lambda: services.commitments.follow_up(commitment.id, status),
            lambda _view: self.follow_ups.remove(commitment.id),
            Topic.COMMITMENTS,
        )

    # Drafts ----------------------------------------------------------------

    def _changed(self) -> None:
        self._dirty = True

    def has_content(self) -> bool:
        """Whether anything was written worth keeping; an agent picked and nothing else is not."""
        content = self.form_content()
        return bool(
            any(content[name].strip() for name in TEXT_FIELDS)
            or content["focus"].strip()
            or any(row["text"].strip() for row in content["commitments"])
        )

    def form_content(self) -> dict[str, Any]:
        return {
            "version": DRAFT_VERSION,
            "agents": self.agents.text(),
            "kind": self.kind.currentData(),
            "held_on": self.held_on.date().toString("yyyy-MM-dd"),
            "duration": self.duration.value(),
            "coach_id": self.coach.currentData(),
            "focus": self.focus.text(),
            "target": self.target.text(),
            "follow_up": self.follow_up.date().toString("yyyy-MM-dd") if self._follow_up_date() else None,
            "rating": self.rating.currentIndex(),
            **{name: box.toPlainText() for name, box in self.texts.items()},
            "is_private": self.private.isChecked(),
            "commitments": self.commitments.to_json(),
            "goal_ids": list(self.plan_goals.checked_ids()),
            "acknowledged": self.acknowledged.isChecked(),
            "acknowledgement": self.acknowledgement.text(),
        }

    def save_draft(self) -> None:
        """Writes the draft on the worker when something changed since the last one."""
        if not self._dirty or not self.has_content():
            return
        self._dirty = False
        content, key = self.form_content(), self.draft_key
        self.context.tasks.submit(
            lambda: self._drafts.save(key, content), lambda _none: self._draft_written(), self._draft_failed
        )

    def keep_draft_and_close(self) -> None:
        """Keeps what was typed right now (on this thread: the app may be quitting) and closes."""
        self._autosave.stop()
        if self.has_content():
            self._drafts.save(self.draft_key, self.form_content())
        self.done(QDialog.DialogCode.Rejected)

    def _draft_written(self) -> None:
        self.draft_state.setText("Draft kept — nothing is lost if CoachDesk closes")
        self.draft_saved.emit()

    def _draft_failed(self, error: BaseException) -> None:
        self._dirty = True
        self.draft_state.setText(f"The draft could not be kept: {self.context.errors.message_for(error)}")

    def _load_draft(self, content: dict[str, Any]) -> None:
        self._restored_goal_ids = [str(goal_id) for goal_id in content.get("goal_ids") or []]
        self.agents.setText(str(content.get("agents", "")))
        self.kind.setCurrentIndex(max(self.kind.findData(content.get("kind")), 0))
        self._set_date(self.held_on, content.get("held_on"))
        self.duration.setValue(int(content.get("duration") or 30))
        self.coach.setCurrentIndex(max(self.coach.findData(content.get("coach_id")), 0))
        self.focus.setText(str(content.get("focus", "")))
        self.target.setText(str(content.get("target", "")))
        self._set_date(self.follow_up, content.get("follow_up"))
        self.rating.setCurrentIndex(int(content.get("rating") or 0))
        for name, box in self.texts.items():
            box.setPlainText(str(content.get(name, "")))
        self.private.setChecked(bool(content.get("is_private")))
        self.commitments.load_json(content.get("commitments") or [])
        self.acknowledged.setChecked(bool(content.get("acknowledged")))
        self.acknowledgement.setText(str(content.get("acknowledgement", "")))
        self.show_notice("Restored from a session you had not saved. Save it, or discard it if it is not needed.")

    @staticmethod
    def _set_date(widget: QDateEdit, value: object) -> None:
        day = QDate.fromString(str(value or ""), "yyyy-MM-dd")
        if day.isValid():
            widget.setDate(day)

    # Saving --------------------------------------------------------------

    def session_draft(self) -> SessionDraft:
        unknown = self.agents.unknown_names()
        if unknown:
            raise ValidationError(
                f"There is no agent called {', '.join(unknown)} in this notebook. Pick a name from the list.",
                "agent_ids",
            )
        focus = self.focus.text().strip()
        target = self.target.text().strip()
        follow_up = self._follow_up_date()
        template = self._data.templates.get(str(self.kind.currentData())) if self._data else None
        return SessionDraft(
            agent_ids=self.agents.chosen_ids(),
            what_happened=self.texts["what_happened"].toPlainText(),
            kind=str(self.kind.currentData() or "coaching"),
            held_on=as_date(self.held_on.date()),
            duration_minutes=self.duration.value(),
            performance_notes=self.texts["performance_notes"].toPlainText(),
            performance_rating=self.rating.currentIndex() or None,
            agent_view=self.texts["agent_view"].toPlainText(),
            barriers=self.texts["barriers"].toPlainText(),
            next_steps=self.texts["next_steps"].toPlainText(),
            private_notes=self.texts["private_notes"].toPlainText(),
            is_private=self.private.isChecked(),
            focuses=(
                (FocusDraft(skill=focus, kpi_id=self._kpi_named(focus), target_text=target, follow_up_on=follow_up),)
                if focus or target or follow_up
                else ()
            ),
            commitments=self.commitments.drafts(),
            goal_ids=self.plan_goals.checked_ids(),
            coach_id=self.coach.currentData(),
            template_id=template.id if template else None,
            acknowledgement=self.acknowledgement.text() if self.acknowledged.isChecked() else None,
        )

    def save(self) -> None:
        try:
            draft = self.session_draft()
        except ValidationError as error:
            self._refuse(error)
            return
        services, drafts, key = self.context.services, self._drafts, self.draft_key
        self.save_button.setEnabled(False)
        self._autosave.stop()

        def record() -> EntryView:
            entry = services.log.record_session(draft)
            drafts.discard(key)
            return entry

        self.context.tasks.submit(record, self._saved, self._save_refused)

    def discard(self) -> None:
        self._autosave.stop()
        self._drafts.discard(self.draft_key)
        self.done(QDialog.DialogCode.Rejected)

    def _saved(self, entry: EntryView) -> None:
        self.context.notices.announce(Topic.LOG, Topic.COMMITMENTS)
        names = ", ".join(name for _id, name in entry.agents)
        self.context.navigator.show_saved(f"Session with {names} saved to the leader log.")
        self.done(QDialog.DialogCode.Accepted)

    def _save_refused(self, error: BaseException) -> None:
        self.save_button.setEnabled(True)
        self._autosave.start()
        if isinstance(error, ValidationError):
            self._refuse(error)
        else:
            self.context.errors.show(self, error)

    def _refuse(self, error: ValidationError) -> None:
        self.show_notice(error.message, problem=True)
        field = self._field_widgets().get(error.field or "")
        if field is not None:
            field.setFocus()

    def show_notice(self, text: str, *, problem: bool = False) -> None:
        self.notice.setText(("⚠ " if problem else "") + text)
        self.notice.setAccessibleName("Problem" if problem else "Editor notice")
        self.notice.show()

    def _field_widgets(self) -> dict[str, QWidget]:
        return {
            "agent_ids": self.agents,
            "held_on": self.held_on,
            "duration_minutes": self.duration,
            "coach_id": self.coach,
            "performance_rating": self.rating,
            "goal_ids": self.plan_goals,
            **self.texts,
        }

    def _follow_up_date(self) -> date | None:
        chosen = self.follow_up.date()
        return None if chosen == self.follow_up.minimumDate() else as_date(chosen)

    def _kpi_named(self, focus: str) -> str | None:
        kpis: dict[str, str] = self._data.kpis if self._data else {}
        return kpis.get(focus.casefold())

    # Closing ---------------------------------------------------------------

    def reject(self) -> None:
        """Esc or the close button: what was typed stays as a draft, so it can be finished later."""
        if self.has_content():
            self.keep_draft_and_close()
            self.context.navigator.show_saved("The unfinished session was kept as a draft.")
        else:
            self.discard()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.reject()
        event.accept()
