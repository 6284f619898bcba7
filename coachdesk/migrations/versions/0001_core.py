"""The notebook's core schema, with the built-in session kinds and templates.

Revision ID: 0001_core
Revises:
Create Date: 2026-11-23 09:05:48.771447
"""

import json
import uuid
from collections.abc import Sequence
from datetime import datetime

import sqlalchemy as sa
from alembic import op

revision: str = "0001_core"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


APPLICATION_ID = 0x43444B31
BUILTIN_NAMESPACE = uuid.UUID("6f6d1c1e-3a43-4f5e-9a57-636f61636864")
SESSION_KINDS = [
    ("coaching", "Coaching", True),
    ("side_by_side", "Side-by-side", True),
    ("call_review", "Call review", True),
    ("feedback", "Feedback", True),
    ("recognition", "Recognition", True),
    ("one_on_one", "One-on-one", True),
    ("mentoring", "Mentoring", False),
]
SESSION_PROMPTS = {
    "what_happened": "What did you work on together, and what did you observe?",
    "performance_notes": "How did they perform, and how did they respond to the feedback?",
    "agent_view": "In their own words: how do they see it?",
    "barriers": "What is in their way, and who will remove it?",
    "next_steps": "What did each of you commit to, by when?",
}
AGENDA_TEMPLATES = [
    (
        "Agent one-on-one",
        "agent",
        [
            "How are you doing? Anything in your way?",
            "Commitments since last time",
            "KPIs: what moved, what didn't",
            "Development plan: the step you're on",
            "Recognition: what went well",
            "Your talking points",
        ],
    ),
    (
        "Team-leader one-on-one",
        "team_leader",
        [
            "Coaching tracker: sessions held against target, agents overdue",
            "Commitments since last time",
            "Team KPIs and who needs support",
            "Quality of coaching: one session reviewed together",
            "Your own development plan",
            "Recognition for the team",
            "Your talking points",
        ],
    ),
]


def builtin_id(name: str) -> str:
    return str(uuid.uuid5(BUILTIN_NAMESPACE, name))


def seed_builtins() -> None:
    now = datetime(2026, 1, 1)
    stamps = {"created_at": now, "updated_at": now, "deleted": False, "builtin": True}
    kinds = sa.table(
        "session_kinds",
        *(sa.column(c) for c in ("id", "key", "name", "counts_toward_cadence", "position", *stamps)),
    )
    op.bulk_insert(
        kinds,
        [
            {
                "id": builtin_id(f"session-kind:{key}"),
                "key": key,
                "name": name,
                "counts_toward_cadence": counts,
                "position": position,
                **stamps,
            }
            for position, (key, name, counts) in enumerate(SESSION_KINDS)
        ],
    )
    templates = sa.table(
        "templates",
        *(sa.column(c) for c in ("id", "kind", "name", "session_kind_id", "relationship", "body", *stamps)),
    )
    session_templates = [
        {
            "id": builtin_id(f"template:session:{key}"),
            "kind": "session",
            "name": name,
            "session_kind_id": builtin_id(f"session-kind:{key}"),
            "relationship": "",
            "body": json.dumps({"prompts": SESSION_PROMPTS}),
            **stamps,
        }
        for key, name, _counts in SESSION_KINDS
    ]
    agenda_templates = [
        {
            "id": builtin_id(f"template:agenda:{relationship}"),
            "kind": "agenda",
            "name": name,
            "session_kind_id": None,
            "relationship": relationship,
            "body": json.dumps({"items": items}),
            **stamps,
        }
        for name, relationship, items in AGENDA_TEMPLATES
    ]
    op.bulk_insert(templates, session_templates + agenda_templates)


def upgrade() -> None:
    op.create_table(
        "session_kinds",
        sa.Column("key", sa.String(length=40), nullable=False),
        sa.Column("name", sa.String(length=80), nullable=False),
        sa.Column("counts_toward_cadence", sa.Boolean(), nullable=False),
        sa.Column("builtin", sa.Boolean(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_session_kinds")),
        sa.UniqueConstraint("key", name=op.f("uq_session_kinds_key")),
    )
    op.create_table(
        "settings",
        sa.Column("key", sa.String(length=80), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_settings")),
    )
    op.create_table(
        "teams",
        sa.Column("name", sa.String(length=120), nullable=False),
        sa.Column("site", sa.String(length=120), nullable=False),
        sa.Column(
            "setting",
            sa.Enum("contact_centre", "field", name="teamsetting", native_enum=False, length=20),
            nullable=False,
        ),
        sa.Column("archived", sa.Boolean(), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_teams")),
    )
    op.create_table(
        "kpis",
        sa.Column("name", sa.String(length=120), nullable=False),
        sa.Column("unit", sa.String(length=20), nullable=False),
        sa.Column("target", sa.Double(), nullable=True),
        sa.Column("higher_is_better", sa.Boolean(), nullable=False),
        sa.Column(
            "period",
            sa.Enum("day", "week", "month", name="kpiperiod", native_enum=False, length=20),
            nullable=False,
        ),
        sa.Column("decimals", sa.Integer(), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("team_id", sa.String(length=36), nullable=True),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(["team_id"], ["teams.id"], name=op.f("fk_kpis_team_id_teams")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_kpis")),
    )
    op.create_table(
        "people",
        sa.Column("full_name", sa.String(length=200), nullable=False),
        sa.Column("employee_id", sa.String(length=60), nullable=True),
        sa.Column("email", sa.String(length=200), nullable=False),
        sa.Column("role", sa.String(length=120), nullable=False),
        sa.Column("is_agent", sa.Boolean(), nullable=False),
        sa.Column("is_manager", sa.Boolean(), nullable=False),
        sa.Column("reports_to_id", sa.String(length=36), nullable=True),
        sa.Column("team_id", sa.String(length=36), nullable=True),
        sa.Column("start_date", sa.Date(), nullable=True),
        sa.Column("archived", sa.Boolean(), nullable=False),
        sa.Column("archived_on", sa.Date(), nullable=True),
        sa.Column("cadence_days", sa.Integer(), nullable=True),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(["reports_to_id"], ["people.id"], name=op.f("fk_people_reports_to_id_people")),
        sa.ForeignKeyConstraint(["team_id"], ["teams.id"], name=op.f("fk_people_team_id_teams")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_people")),
        sa.UniqueConstraint("employee_id", name=op.f("uq_people_employee_id")),
    )
    with op.batch_alter_table("people", schema=None) as batch_op:
        batch_op.create_index("ix_people_reports_to_id", ["reports_to_id"], unique=False)

    op.create_table(
        "templates",
        sa.Column(
            "kind",
            sa.Enum("session", "agenda", name="templatekind", native_enum=False, length=20),
            nullable=False,
        ),
        sa.Column("name", sa.String(length=120), nullable=False),
        sa.Column("session_kind_id", sa.String(length=36), nullable=True),
        sa.Column("relationship", sa.String(length=20), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("builtin", sa.Boolean(), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(
            ["session_kind_id"], ["session_kinds.id"], name=op.f("fk_templates_session_kind_id_session_kinds")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_templates")),
    )
    op.create_table(
        "development_plans",
        sa.Column("person_id", sa.String(length=36), nullable=False),
        sa.Column("owner_id", sa.String(length=36), nullable=True),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column(
            "status",
            sa.Enum("draft", "active", "completed", "closed", name="planstatus", native_enum=False, length=20),
            nullable=False,
        ),
        sa.Column("training_needs", sa.Text(), nullable=False),
        sa.Column("started_on", sa.Date(), nullable=True),
        sa.Column("review_on", sa.Date(), nullable=True),
        sa.Column("revision", sa.Integer(), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(["owner_id"], ["people.id"], name=op.f("fk_development_plans_owner_id_people")),
        sa.ForeignKeyConstraint(["person_id"], ["people.id"], name=op.f("fk_development_plans_person_id_people")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_development_plans")),
    )
    with op.batch_alter_table("development_plans", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_development_plans_person_id"), ["person_id"], unique=False)

    op.create_table(
        "kpi_targets",
        sa.Column("kpi_id", sa.String(length=36), nullable=False),
        sa.Column("person_id", sa.String(length=36), nullable=False),
        sa.Column("target", sa.Double(), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(["kpi_id"], ["kpis.id"], name=op.f("fk_kpi_targets_kpi_id_kpis")),
        sa.ForeignKeyConstraint(["person_id"], ["people.id"], name=op.f("fk_kpi_targets_person_id_people")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_kpi_targets")),
        sa.UniqueConstraint("kpi_id", "person_id", name=op.f("uq_kpi_targets_kpi_id_person_id")),
    )
    op.create_table(
        "kpi_values",
        sa.Column("kpi_id", sa.String(length=36), nullable=False),
        sa.Column("person_id", sa.String(length=36), nullable=False),
        sa.Column("period_start", sa.Date(), nullable=False),
        sa.Column("value", sa.Double(), nullable=False),
        sa.Column("source", sa.String(length=200), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(["kpi_id"], ["kpis.id"], name=op.f("fk_kpi_values_kpi_id_kpis")),
        sa.ForeignKeyConstraint(["person_id"], ["people.id"], name=op.f("fk_kpi_values_person_id_people")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_kpi_values")),
        sa.UniqueConstraint(
            "person_id", "kpi_id", "period_start", name=op.f("uq_kpi_values_person_id_kpi_id_period_start")
        ),
    )
    with op.batch_alter_table("kpi_values", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_kpi_values_kpi_id"), ["kpi_id"], unique=False)

    op.create_table(
        "mentorships",
        sa.Column("mentor_id", sa.String(length=36), nullable=False),
        sa.Column("mentee_id", sa.String(length=36), nullable=False),
        sa.Column("started_on", sa.Date(), nullable=False),
        sa.Column("ended_on", sa.Date(), nullable=True),
        sa.Column(
            "status",
            sa.Enum("proposed", "active", "ended", name="mentorshipstatus", native_enum=False, length=20),
            nullable=False,
        ),
        sa.Column("scope", sa.Text(), nullable=False),
        sa.Column("goals", sa.Text(), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(["mentee_id"], ["people.id"], name=op.f("fk_mentorships_mentee_id_people")),
        sa.ForeignKeyConstraint(["mentor_id"], ["people.id"], name=op.f("fk_mentorships_mentor_id_people")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_mentorships")),
    )
    with op.batch_alter_table("mentorships", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_mentorships_mentee_id"), ["mentee_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_mentorships_mentor_id"), ["mentor_id"], unique=False)

    op.create_table(
        "one_on_one_series",
        sa.Column("manager_id", sa.String(length=36), nullable=False),
        sa.Column("report_id", sa.String(length=36), nullable=False),
        sa.Column(
            "cadence",
            sa.Enum("weekly", "fortnightly", "monthly", "custom", name="cadence", native_enum=False, length=20),
            nullable=False,
        ),
        sa.Column("interval_days", sa.Integer(), nullable=False),
        sa.Column("weekday", sa.Integer(), nullable=True),
        sa.Column("usual_time", sa.Time(), nullable=True),
        sa.Column("duration_minutes", sa.Integer(), nullable=False),
        sa.Column("timezone", sa.String(length=64), nullable=False),
        sa.Column("template_id", sa.String(length=36), nullable=True),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(["manager_id"], ["people.id"], name=op.f("fk_one_on_one_series_manager_id_people")),
        sa.ForeignKeyConstraint(["report_id"], ["people.id"], name=op.f("fk_one_on_one_series_report_id_people")),
        sa.ForeignKeyConstraint(
            ["template_id"], ["templates.id"], name=op.f("fk_one_on_one_series_template_id_templates")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_one_on_one_series")),
    )
    with op.batch_alter_table("one_on_one_series", schema=None) as batch_op:
        batch_op.create_index("ix_one_on_one_series_manager_id_report_id", ["manager_id", "report_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_one_on_one_series_report_id"), ["report_id"], unique=False)

    op.create_table(
        "person_skills",
        sa.Column("person_id", sa.String(length=36), nullable=False),
        sa.Column("name", sa.String(length=120), nullable=False),
        sa.Column(
            "kind",
            sa.Enum("strength", "growth_area", name="skillkind", native_enum=False, length=20),
            nullable=False,
        ),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(["person_id"], ["people.id"], name=op.f("fk_person_skills_person_id_people")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_person_skills")),
    )
    with op.batch_alter_table("person_skills", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_person_skills_person_id"), ["person_id"], unique=False)

    op.create_table(
        "meetings",
        sa.Column("series_id", sa.String(length=36), nullable=False),
        sa.Column("scheduled_at", sa.DateTime(), nullable=False),
        sa.Column("original_scheduled_at", sa.DateTime(), nullable=True),
        sa.Column("duration_minutes", sa.Integer(), nullable=False),
        sa.Column(
            "status",
            sa.Enum(
                "scheduled",
                "in_progress",
                "held",
                "postponed",
                "cancelled",
                "missed",
                name="meetingstatus",
                native_enum=False,
                length=20,
            ),
            nullable=False,
        ),
        sa.Column("started_at", sa.DateTime(), nullable=True),
        sa.Column("ended_at", sa.DateTime(), nullable=True),
        sa.Column("elapsed_seconds", sa.Integer(), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(
            ["series_id"], ["one_on_one_series.id"], name=op.f("fk_meetings_series_id_one_on_one_series")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_meetings")),
    )
    with op.batch_alter_table("meetings", schema=None) as batch_op:
        batch_op.create_index("ix_meetings_series_id_scheduled_at", ["series_id", "scheduled_at"], unique=False)

    op.create_table(
        "plan_goals",
        sa.Column("plan_id", sa.String(length=36), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("kpi_id", sa.String(length=36), nullable=True),
        sa.Column("baseline_value", sa.Double(), nullable=True),
        sa.Column("target_value", sa.Double(), nullable=True),
        sa.Column("due_on", sa.Date(), nullable=True),
        sa.Column(
            "status",
            sa.Enum("open", "achieved", "missed", "dropped", name="goalstatus", native_enum=False, length=20),
            nullable=False,
        ),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(["kpi_id"], ["kpis.id"], name=op.f("fk_plan_goals_kpi_id_kpis")),
        sa.ForeignKeyConstraint(
            ["plan_id"], ["development_plans.id"], name=op.f("fk_plan_goals_plan_id_development_plans")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_plan_goals")),
    )
    with op.batch_alter_table("plan_goals", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_plan_goals_plan_id"), ["plan_id"], unique=False)

    op.create_table(
        "plan_revisions",
        sa.Column("plan_id", sa.String(length=36), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("snapshot", sa.Text(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("revised_at", sa.DateTime(), nullable=False),
        sa.Column("author_id", sa.String(length=36), nullable=True),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(["author_id"], ["people.id"], name=op.f("fk_plan_revisions_author_id_people")),
        sa.ForeignKeyConstraint(
            ["plan_id"], ["development_plans.id"], name=op.f("fk_plan_revisions_plan_id_development_plans")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_plan_revisions")),
        sa.UniqueConstraint("plan_id", "number", name=op.f("uq_plan_revisions_plan_id_number")),
    )
    op.create_table(
        "log_entries",
        sa.Column("coach_id", sa.String(length=36), nullable=False),
        sa.Column("kind_id", sa.String(length=36), nullable=False),
        sa.Column("held_on", sa.Date(), nullable=False),
        sa.Column("started_at", sa.Time(), nullable=True),
        sa.Column("duration_minutes", sa.Integer(), nullable=False),
        sa.Column("what_happened", sa.Text(), nullable=False),
        sa.Column("performance_notes", sa.Text(), nullable=False),
        sa.Column("performance_rating", sa.Integer(), nullable=True),
        sa.Column("agent_view", sa.Text(), nullable=False),
        sa.Column("barriers", sa.Text(), nullable=False),
        sa.Column("next_steps", sa.Text(), nullable=False),
        sa.Column("private_notes", sa.Text(), nullable=False),
        sa.Column("meeting_id", sa.String(length=36), nullable=True),
        sa.Column("mentorship_id", sa.String(length=36), nullable=True),
        sa.Column("template_id", sa.String(length=36), nullable=True),
        sa.Column("signed_off_at", sa.DateTime(), nullable=True),
        sa.Column("signed_off_by_id", sa.String(length=36), nullable=True),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.Column("is_private", sa.Boolean(), nullable=False),
        sa.CheckConstraint("duration_minutes >= 0", name=op.f("ck_log_entries_duration_not_negative")),
        sa.CheckConstraint(
            "performance_rating IS NULL OR performance_rating BETWEEN 1 AND 5",
            name=op.f("ck_log_entries_rating_range"),
        ),
        sa.ForeignKeyConstraint(["coach_id"], ["people.id"], name=op.f("fk_log_entries_coach_id_people")),
        sa.ForeignKeyConstraint(["kind_id"], ["session_kinds.id"], name=op.f("fk_log_entries_kind_id_session_kinds")),
        sa.ForeignKeyConstraint(["meeting_id"], ["meetings.id"], name=op.f("fk_log_entries_meeting_id_meetings")),
        sa.ForeignKeyConstraint(
            ["mentorship_id"], ["mentorships.id"], name=op.f("fk_log_entries_mentorship_id_mentorships")
        ),
        sa.ForeignKeyConstraint(
            ["signed_off_by_id"], ["people.id"], name=op.f("fk_log_entries_signed_off_by_id_people")
        ),
        sa.ForeignKeyConstraint(["template_id"], ["templates.id"], name=op.f("fk_log_entries_template_id_templates")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_log_entries")),
    )
    with op.batch_alter_table("log_entries", schema=None) as batch_op:
        batch_op.create_index("ix_log_entries_coach_id_held_on", ["coach_id", "held_on"], unique=False)
        batch_op.create_index("ix_log_entries_held_on", ["held_on"], unique=False)
        batch_op.create_index(batch_op.f("ix_log_entries_meeting_id"), ["meeting_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_log_entries_mentorship_id"), ["mentorship_id"], unique=False)

    op.create_table(
        "plan_barriers",
        sa.Column("plan_id", sa.String(length=36), nullable=False),
        sa.Column("goal_id", sa.String(length=36), nullable=True),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("owner_id", sa.String(length=36), nullable=True),
        sa.Column("removed_on", sa.Date(), nullable=True),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(["goal_id"], ["plan_goals.id"], name=op.f("fk_plan_barriers_goal_id_plan_goals")),
        sa.ForeignKeyConstraint(["owner_id"], ["people.id"], name=op.f("fk_plan_barriers_owner_id_people")),
        sa.ForeignKeyConstraint(
            ["plan_id"], ["development_plans.id"], name=op.f("fk_plan_barriers_plan_id_development_plans")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_plan_barriers")),
    )
    with op.batch_alter_table("plan_barriers", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_plan_barriers_plan_id"), ["plan_id"], unique=False)

    op.create_table(
        "plan_steps",
        sa.Column("goal_id", sa.String(length=36), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("due_on", sa.Date(), nullable=True),
        sa.Column("started_on", sa.Date(), nullable=True),
        sa.Column("completed_on", sa.Date(), nullable=True),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(["goal_id"], ["plan_goals.id"], name=op.f("fk_plan_steps_goal_id_plan_goals")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_plan_steps")),
    )
    with op.batch_alter_table("plan_steps", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_plan_steps_goal_id"), ["goal_id"], unique=False)

    op.create_table(
        "acknowledgements",
        sa.Column("entry_id", sa.String(length=36), nullable=False),
        sa.Column("agent_id", sa.String(length=36), nullable=False),
        sa.Column("acknowledged_at", sa.DateTime(), nullable=False),
        sa.Column("comment", sa.Text(), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(["agent_id"], ["people.id"], name=op.f("fk_acknowledgements_agent_id_people")),
        sa.ForeignKeyConstraint(
            ["entry_id"], ["log_entries.id"], name=op.f("fk_acknowledgements_entry_id_log_entries")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_acknowledgements")),
        sa.UniqueConstraint("entry_id", "agent_id", name=op.f("uq_acknowledgements_entry_id_agent_id")),
    )
    op.create_table(
        "amendments",
        sa.Column("entry_id", sa.String(length=36), nullable=False),
        sa.Column("field", sa.String(length=60), nullable=False),
        sa.Column("original_value", sa.Text(), nullable=False),
        sa.Column("new_value", sa.Text(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("amended_at", sa.DateTime(), nullable=False),
        sa.Column("author_id", sa.String(length=36), nullable=True),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(["author_id"], ["people.id"], name=op.f("fk_amendments_author_id_people")),
        sa.ForeignKeyConstraint(["entry_id"], ["log_entries.id"], name=op.f("fk_amendments_entry_id_log_entries")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_amendments")),
    )
    with op.batch_alter_table("amendments", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_amendments_entry_id"), ["entry_id"], unique=False)

    op.create_table(
        "commitments",
        sa.Column("owner_id", sa.String(length=36), nullable=False),
        sa.Column("coachee_id", sa.String(length=36), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("due_on", sa.Date(), nullable=True),
        sa.Column(
            "status",
            sa.Enum("open", "done", "missed", "dropped", name="commitmentstatus", native_enum=False, length=20),
            nullable=False,
        ),
        sa.Column("resolved_on", sa.Date(), nullable=True),
        sa.Column("follow_up_note", sa.Text(), nullable=False),
        sa.Column("source_entry_id", sa.String(length=36), nullable=True),
        sa.Column("source_meeting_id", sa.String(length=36), nullable=True),
        sa.Column("followed_up_entry_id", sa.String(length=36), nullable=True),
        sa.Column("followed_up_meeting_id", sa.String(length=36), nullable=True),
        sa.Column("origin", sa.String(length=20), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.Column("is_private", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(["coachee_id"], ["people.id"], name=op.f("fk_commitments_coachee_id_people")),
        sa.ForeignKeyConstraint(
            ["followed_up_entry_id"],
            ["log_entries.id"],
            name=op.f("fk_commitments_followed_up_entry_id_log_entries"),
        ),
        sa.ForeignKeyConstraint(
            ["followed_up_meeting_id"],
            ["meetings.id"],
            name=op.f("fk_commitments_followed_up_meeting_id_meetings"),
        ),
        sa.ForeignKeyConstraint(["owner_id"], ["people.id"], name=op.f("fk_commitments_owner_id_people")),
        sa.ForeignKeyConstraint(
            ["source_entry_id"], ["log_entries.id"], name=op.f("fk_commitments_source_entry_id_log_entries")
        ),
        sa.ForeignKeyConstraint(
            ["source_meeting_id"], ["meetings.id"], name=op.f("fk_commitments_source_meeting_id_meetings")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_commitments")),
    )
    with op.batch_alter_table("commitments", schema=None) as batch_op:
        batch_op.create_index("ix_commitments_status_coachee_id", ["status", "coachee_id"], unique=False)
        batch_op.create_index("ix_commitments_status_owner_id", ["status", "owner_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_commitments_source_entry_id"), ["source_entry_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_commitments_source_meeting_id"), ["source_meeting_id"], unique=False)

    op.create_table(
        "log_entry_agents",
        sa.Column("entry_id", sa.String(length=36), nullable=False),
        sa.Column("agent_id", sa.String(length=36), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(["agent_id"], ["people.id"], name=op.f("fk_log_entry_agents_agent_id_people")),
        sa.ForeignKeyConstraint(
            ["entry_id"], ["log_entries.id"], name=op.f("fk_log_entry_agents_entry_id_log_entries")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_log_entry_agents")),
        sa.UniqueConstraint("entry_id", "agent_id", name=op.f("uq_log_entry_agents_entry_id_agent_id")),
    )
    with op.batch_alter_table("log_entry_agents", schema=None) as batch_op:
        batch_op.create_index("ix_log_entry_agents_agent_id", ["agent_id"], unique=False)

    op.create_table(
        "log_entry_goals",
        sa.Column("entry_id", sa.String(length=36), nullable=False),
        sa.Column("goal_id", sa.String(length=36), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(["entry_id"], ["log_entries.id"], name=op.f("fk_log_entry_goals_entry_id_log_entries")),
        sa.ForeignKeyConstraint(["goal_id"], ["plan_goals.id"], name=op.f("fk_log_entry_goals_goal_id_plan_goals")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_log_entry_goals")),
        sa.UniqueConstraint("entry_id", "goal_id", name=op.f("uq_log_entry_goals_entry_id_goal_id")),
    )
    with op.batch_alter_table("log_entry_goals", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_log_entry_goals_goal_id"), ["goal_id"], unique=False)

    op.create_table(
        "recognition",
        sa.Column("person_id", sa.String(length=36), nullable=False),
        sa.Column("given_by_id", sa.String(length=36), nullable=True),
        sa.Column("given_on", sa.Date(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("behaviour", sa.String(length=200), nullable=False),
        sa.Column("kpi_id", sa.String(length=36), nullable=True),
        sa.Column("entry_id", sa.String(length=36), nullable=True),
        sa.Column("meeting_id", sa.String(length=36), nullable=True),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.Column("is_private", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(["entry_id"], ["log_entries.id"], name=op.f("fk_recognition_entry_id_log_entries")),
        sa.ForeignKeyConstraint(["given_by_id"], ["people.id"], name=op.f("fk_recognition_given_by_id_people")),
        sa.ForeignKeyConstraint(["kpi_id"], ["kpis.id"], name=op.f("fk_recognition_kpi_id_kpis")),
        sa.ForeignKeyConstraint(["meeting_id"], ["meetings.id"], name=op.f("fk_recognition_meeting_id_meetings")),
        sa.ForeignKeyConstraint(["person_id"], ["people.id"], name=op.f("fk_recognition_person_id_people")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_recognition")),
    )
    with op.batch_alter_table("recognition", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_recognition_person_id"), ["person_id"], unique=False)

    op.create_table(
        "session_feedback",
        sa.Column("entry_id", sa.String(length=36), nullable=False),
        sa.Column("person_id", sa.String(length=36), nullable=False),
        sa.Column("rating", sa.Integer(), nullable=True),
        sa.Column("comment", sa.Text(), nullable=False),
        sa.Column("given_at", sa.DateTime(), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.CheckConstraint(
            "rating IS NULL OR rating BETWEEN 1 AND 5", name=op.f("ck_session_feedback_feedback_rating_range")
        ),
        sa.ForeignKeyConstraint(
            ["entry_id"], ["log_entries.id"], name=op.f("fk_session_feedback_entry_id_log_entries")
        ),
        sa.ForeignKeyConstraint(["person_id"], ["people.id"], name=op.f("fk_session_feedback_person_id_people")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_session_feedback")),
    )
    with op.batch_alter_table("session_feedback", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_session_feedback_entry_id"), ["entry_id"], unique=False)

    op.create_table(
        "session_focuses",
        sa.Column("entry_id", sa.String(length=36), nullable=False),
        sa.Column("skill", sa.String(length=120), nullable=False),
        sa.Column("kpi_id", sa.String(length=36), nullable=True),
        sa.Column("target_value", sa.Double(), nullable=True),
        sa.Column("target_text", sa.String(length=200), nullable=False),
        sa.Column("follow_up_on", sa.Date(), nullable=True),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(["entry_id"], ["log_entries.id"], name=op.f("fk_session_focuses_entry_id_log_entries")),
        sa.ForeignKeyConstraint(["kpi_id"], ["kpis.id"], name=op.f("fk_session_focuses_kpi_id_kpis")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_session_focuses")),
    )
    with op.batch_alter_table("session_focuses", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_session_focuses_entry_id"), ["entry_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_session_focuses_kpi_id"), ["kpi_id"], unique=False)

    op.create_table(
        "agenda_items",
        sa.Column("series_id", sa.String(length=36), nullable=False),
        sa.Column("meeting_id", sa.String(length=36), nullable=True),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("added_by_id", sa.String(length=36), nullable=True),
        sa.Column(
            "source",
            sa.Enum(
                "talking_point",
                "carried_over",
                "commitment",
                "plan_step",
                "kpi",
                "recognition",
                "template",
                name="agendasource",
                native_enum=False,
                length=20,
            ),
            nullable=False,
        ),
        sa.Column("carried_from_id", sa.String(length=36), nullable=True),
        sa.Column("done", sa.Boolean(), nullable=False),
        sa.Column("done_at", sa.DateTime(), nullable=True),
        sa.Column("deferred", sa.Boolean(), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("seconds_spent", sa.Integer(), nullable=False),
        sa.Column("commitment_id", sa.String(length=36), nullable=True),
        sa.Column("step_id", sa.String(length=36), nullable=True),
        sa.Column("kpi_id", sa.String(length=36), nullable=True),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.Column("is_private", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(["added_by_id"], ["people.id"], name=op.f("fk_agenda_items_added_by_id_people")),
        sa.ForeignKeyConstraint(
            ["carried_from_id"],
            ["agenda_items.id"],
            name=op.f("fk_agenda_items_carried_from_id_agenda_items"),
        ),
        sa.ForeignKeyConstraint(
            ["commitment_id"], ["commitments.id"], name=op.f("fk_agenda_items_commitment_id_commitments")
        ),
        sa.ForeignKeyConstraint(["kpi_id"], ["kpis.id"], name=op.f("fk_agenda_items_kpi_id_kpis")),
        sa.ForeignKeyConstraint(["meeting_id"], ["meetings.id"], name=op.f("fk_agenda_items_meeting_id_meetings")),
        sa.ForeignKeyConstraint(
            ["series_id"], ["one_on_one_series.id"], name=op.f("fk_agenda_items_series_id_one_on_one_series")
        ),
        sa.ForeignKeyConstraint(["step_id"], ["plan_steps.id"], name=op.f("fk_agenda_items_step_id_plan_steps")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_agenda_items")),
    )
    with op.batch_alter_table("agenda_items", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_agenda_items_meeting_id"), ["meeting_id"], unique=False)
        batch_op.create_index("ix_agenda_items_series_id_meeting_id", ["series_id", "meeting_id"], unique=False)

    seed_builtins()
    op.execute(f"PRAGMA application_id = {APPLICATION_ID}")


def downgrade() -> None:
    with op.batch_alter_table("agenda_items", schema=None) as batch_op:
        batch_op.drop_index("ix_agenda_items_series_id_meeting_id")
        batch_op.drop_index(batch_op.f("ix_agenda_items_meeting_id"))

    op.drop_table("agenda_items")
    with op.batch_alter_table("session_focuses", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_session_focuses_kpi_id"))
        batch_op.drop_index(batch_op.f("ix_session_focuses_entry_id"))

    op.drop_table("session_focuses")
    with op.batch_alter_table("session_feedback", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_session_feedback_entry_id"))

    op.drop_table("session_feedback")
    with op.batch_alter_table("recognition", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_recognition_person_id"))

    op.drop_table("recognition")
    with op.batch_alter_table("log_entry_goals", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_log_entry_goals_goal_id"))

    op.drop_table("log_entry_goals")
    with op.batch_alter_table("log_entry_agents", schema=None) as batch_op:
        batch_op.drop_index("ix_log_entry_agents_agent_id")

    op.drop_table("log_entry_agents")
    with op.batch_alter_table("commitments", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_commitments_source_meeting_id"))
        batch_op.drop_index(batch_op.f("ix_commitments_source_entry_id"))
        batch_op.drop_index("ix_commitments_status_owner_id")
        batch_op.drop_index("ix_commitments_status_coachee_id")

    op.drop_table("commitments")
    with op.batch_alter_table("amendments", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_amendments_entry_id"))

    op.drop_table("amendments")
    op.drop_table("acknowledgements")
    with op.batch_alter_table("plan_steps", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_plan_steps_goal_id"))

    op.drop_table("plan_steps")
    with op.batch_alter_table("plan_barriers", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_plan_barriers_plan_id"))

    op.drop_table("plan_barriers")
    with op.batch_alter_table("log_entries", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_log_entries_mentorship_id"))
        batch_op.drop_index(batch_op.f("ix_log_entries_meeting_id"))
        batch_op.drop_index("ix_log_entries_held_on")
        batch_op.drop_index("ix_log_entries_coach_id_held_on")

    op.drop_table("log_entries")
    op.drop_table("plan_revisions")
    with op.batch_alter_table("plan_goals", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_plan_goals_plan_id"))

    op.drop_table("plan_goals")
    with op.batch_alter_table("meetings", schema=None) as batch_op:
        batch_op.drop_index("ix_meetings_series_id_scheduled_at")

    op.drop_table("meetings")
    with op.batch_alter_table("person_skills", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_person_skills_person_id"))

    op.drop_table("person_skills")
    with op.batch_alter_table("one_on_one_series", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_one_on_one_series_report_id"))
        batch_op.drop_index("ix_one_on_one_series_manager_id_report_id")

    op.drop_table("one_on_one_series")
    with op.batch_alter_table("mentorships", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_mentorships_mentor_id"))
        batch_op.drop_index(batch_op.f("ix_mentorships_mentee_id"))

    op.drop_table("mentorships")
    with op.batch_alter_table("kpi_values", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_kpi_values_kpi_id"))

    op.drop_table("kpi_values")
    op.drop_table("kpi_targets")
    with op.batch_alter_table("development_plans", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_development_plans_person_id"))

    op.drop_table("development_plans")
    op.drop_table("templates")
    with op.batch_alter_table("people", schema=None) as batch_op:
        batch_op.drop_index("ix_people_reports_to_id")

    op.drop_table("people")
    op.drop_table("kpis")
    op.drop_table("teams")
    op.drop_table("settings")
    op.drop_table("session_kinds")
