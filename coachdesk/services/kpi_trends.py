"""One person's KPI over time, with the coaching sessions beside it, and its trend in words a manager trusts.

The trend is judged on the last twelve values, never on the last two: a robust slope (Theil–Sen, the median of the
slopes between every pair of values) ignores the odd bad week, and it only counts as a change when it stands out of
the series' own week-to-week noise. A single jump, good or bad, leaves a flat series flat.
"""

from __future__ import annotations

import enum
import math
import statistics
from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from itertools import combinations

from sqlalchemy import and_, func, select
from sqlalchemy.orm import Session

from coachdesk.models import Kpi, KpiPeriod, KpiTarget, KpiValue, LogEntry, LogEntryAgent, SessionFocus, SessionKind
from coachdesk.services.base import Service, alive, live
from coachdesk.services.kpis import KpiPoint, KpiView, LatestKpi, kpi_view, own_targets_of_person

RECENT_VALUES = 12
"""How many of the latest values the trend is judged on: a quarter of weekly figures."""
FEWEST_VALUES = 6
"""Fewer values than this and any slope is a guess."""
CLEAR_CHANGE = 2.0
"""How many standard errors the slope must stand out of the noise to count as a change."""
TITLE_LENGTH = 60
NOISE_PER_MAD = 1.4826
"""Turns a median absolute deviation into a standard deviation for normally spread noise."""
PERIOD_DAYS = {KpiPeriod.DAY: 1.0, KpiPeriod.WEEK: 7.0, KpiPeriod.MONTH: 365.25 / 12}


class TrendWord(enum.StrEnum):
    IMPROVING = "improving"
    FLAT = "flat"
    SLIPPING = "slipping"
    TOO_FEW = "not enough values yet"


@dataclass(frozen=True)
class KpiTrend:
    word: TrendWord
    sentence: str
    """The trend as a manager would say it: "Improving: up about 3.2 points over the last 12 weeks; on target…"."""
    change: float
    """The fitted change over the judged values, in the KPI's unit; positive when the number went up."""
    values_judged: int
    on_target: int | None
    """How many of the judged values met the target; None when there is no target."""


@dataclass(frozen=True)
class SessionMark:
    held_on: date
    entry_id: str
    title: str
    """The kind of session and the first words of what happened."""
    on_this_kpi: bool
    """True when the session had this KPI as a focus."""


@dataclass(frozen=True)
class KpiChartData:
    person_id: str
    kpi: KpiView
    target: float | None
    """The person's own target where they have one, else the KPI's."""
    personal_target: bool
    points: tuple[KpiPoint, ...]
    """Every value, oldest first."""
    sessions: tuple[SessionMark, ...]
    """The person's sessions from the first value's period on, oldest first."""
    trend: KpiTrend


@dataclass(frozen=True)
class KpiChoice:
    """A line of the KPI chooser: the latest value against the target, and which way it is heading."""

    latest: LatestKpi
    trend: KpiTrend


class KpiTrendService(Service):
    def chart(self, person_id: str, kpi_id: str) -> KpiChartData:
        """Everything the chart of one KPI for one person draws, in five indexed queries however long the series."""
        with self._notebook.read() as session:
            kpi = kpi_view(live(session, Kpi, kpi_id, "KPI"))
            personal = session.scalar(
                select(KpiTarget.target).where(
                    KpiTarget.kpi_id == kpi_id, KpiTarget.person_id == person_id, alive(KpiTarget)
                )
            )
            values = session.execute(
                select(KpiValue.period_start, KpiValue.value)
                .where(KpiValue.person_id == person_id, KpiValue.kpi_id == kpi_id, alive(KpiValue))
                .order_by(KpiValue.period_start)
            ).all()
            points = tuple(KpiPoint(day, value) for day, value in values)
            sessions = session_marks(session, person_id, kpi_id, points[0].period_start) if points else ()
        target = kpi.target if personal is None else personal
        return KpiChartData(
            person_id, kpi, target, personal is not None, points, sessions, judge_trend(kpi, target, points)
        )

    def choices(self, person_id: str) -> list[KpiChoice]:
        """Each KPI the person has values for, by name, with its latest value and trend: three queries in all."""
        with self._notebook.read() as session:
            targets = own_targets_of_person(session, person_id)
            kpis = [kpi_view(k) for k in session.scalars(select(Kpi).where(alive(Kpi)).order_by(Kpi.name))]
            recent = recent_values(session, person_id)
        result = []
        for kpi in kpis:
            points = recent.get(kpi.id)
            if not points:
                continue
            target = targets.get(kpi.id, kpi.target)
            last = points[-1]
            latest = LatestKpi(kpi, target, last.period_start, last.value, kpi.meets_target(last.value, target))
            result.append(KpiChoice(latest, judge_trend(kpi, target, points)))
        return result


def recent_values(session: Session, person_id: str) -> dict[str, list[KpiPoint]]:
    """The latest values of every KPI for one person, oldest first, numbered per KPI so only the recent ones load."""
    newest_first = (
        func.row_number().over(partition_by=KpiValue.kpi_id, order_by=KpiValue.period_start.desc()).label("rank")
    )
    ranked = (
        select(KpiValue.kpi_id, KpiValue.period_start, KpiValue.value, newest_first)
        .where(KpiValue.person_id == person_id, alive(KpiValue))
        .subquery()
    )
    query = (
        select(ranked.c.kpi_id, ranked.c.period_start, ranked.c.value)
        .where(ranked.c.rank <= RECENT_VALUES)
        .order_by(ranked.c.kpi_id, ranked.c.period_start)
    )
    series: defaultdict[str, list[KpiPoint]] = defaultdict(list)
    for kpi_id, day, value in session.execute(query):
        series[kpi_id].append(KpiPoint(day, value))
    return series


def session_marks(session: Session, person_id: str, kpi_id: str, since: date) -> tuple[SessionMark, ...]:
    """The person's sessions since `since`. Which of them focused on the KPI is read from all their focuses and
    checked here: asked in SQL, SQLite would walk every session's focus on that KPI, the whole team's."""
    theirs = select(LogEntryAgent.entry_id).where(LogEntryAgent.agent_id == person_id, alive(LogEntryAgent))
    focuses = session.execute(
        select(SessionFocus.entry_id, SessionFocus.kpi_id).where(SessionFocus.entry_id.in_(theirs), alive(SessionFocus))
    )
    focused = {entry_id for entry_id, focus_kpi in focuses if focus_kpi == kpi_id}
    query = (
        select(LogEntry.held_on, LogEntry.id, SessionKind.name, LogEntry.what_happened)
        .join(LogEntryAgent, and_(LogEntryAgent.entry_id == LogEntry.id, alive(LogEntryAgent)))
        .join(SessionKind, SessionKind.id == LogEntry.kind_id)
        .where(LogEntryAgent.agent_id == person_id, LogEntry.held_on >= since, alive(LogEntry))
        .order_by(LogEntry.held_on, LogEntry.created_at)
    )
    return tuple(
        SessionMark(held_on, entry_id, session_title(kind, what), entry_id in focused)
        for held_on, entry_id, kind, what in session.execute(query)
    )


def session_title(kind: str, what_happened: str) -> str:
    """ "Coaching: Listened to three calls…", short enough for a tooltip."""
    line = next((text.strip() for text in what_happened.splitlines() if text.strip()), "")
    if len(line) > TITLE_LENGTH:
        line = line[: TITLE_LENGTH - 1].rstrip() + "…"
    return f"{kind}: {line}" if line else kind


def theil_sen(xs: list[float], ys: list[float]) -> tuple[float, float]:
    """The median of the pairwise slopes and the median intercept: a line one outlier cannot tilt."""
    slopes = [(y2 - y1) / (x2 - x1) for (x1, y1), (x2, y2) in combinations(zip(xs, ys, strict=True), 2) if x2 != x1]
    slope = statistics.median(slopes) if slopes else 0.0
    intercept = statistics.median(y - slope * x for x, y in zip(xs, ys, strict=True))
    return slope, intercept


def judge_trend(kpi: KpiView, target: float | None, points: tuple[KpiPoint, ...] | list[KpiPoint]) -> KpiTrend:
    """Improving, flat or slipping over the recent values, judged against the noise around the fitted line."""
    recent = list(points[-RECENT_VALUES:])
    on_target = None if target is None else sum(bool(kpi.meets_target(p.value, target)) for p in recent)
    if len(recent) < FEWEST_VALUES:
        sentence = (
            f"Not enough values yet: a trend needs {FEWEST_VALUES} {period_words(kpi.period, FEWEST_VALUES)} "
            f"of figures, and there {'is' if len(recent) == 1 else 'are'} {len(recent)}."
        )
        return KpiTrend(TrendWord.TOO_FEW, sentence, 0.0, len(recent), on_target)
    first = recent[0].period_start
    xs = [(p.period_start - first).days / PERIOD_DAYS[kpi.period] for p in recent]
    ys = [p.value for p in recent]
    slope, intercept = theil_sen(xs, ys)
    noise = NOISE_PER_MAD * statistics.median(abs(y - (intercept + slope * x)) for x, y in zip(xs, ys, strict=True))
    mean_x = statistics.fmean(xs)
    spread = math.sqrt(sum((x - mean_x) ** 2 for x in xs))
    change = slope * (xs[-1] - xs[0])
    clear = abs(slope) * spread > CLEAR_CHANGE * noise and abs(change) >= 10**-kpi.decimals
    if not clear:
        word = TrendWord.FLAT
    elif (change > 0) == kpi.higher_is_better:
        word = TrendWord.IMPROVING
    else:
        word = TrendWord.SLIPPING
    span = periods_spanned(kpi.period, first, recent[-1].period_start)
    sentence = trend_sentence(kpi, word, change=change, span=span, on_target=on_target, judged=len(recent))
    return KpiTrend(word, sentence, change, len(recent), on_target)


def trend_sentence(
    kpi: KpiView, word: TrendWord, *, change: float, span: int, on_target: int | None, judged: int
) -> str:
    over = f"over the last {span} {period_words(kpi.period, span)}"
    if word is TrendWord.FLAT:
        text = f"Flat: no clear change {over}"
    else:
        text = f"{word.capitalize()}: {'up' if change > 0 else 'down'} about {amount(kpi, abs(change))} {over}"
    if on_target is not None:
        counted = f"{judged} {period_words(kpi.period, judged)}"
        text += f"; on target {on_target} of {counted if judged == span else f'the {counted} with figures'}"
    return text + "."


def amount(kpi: KpiView, size: float) -> str:
    """A change in the KPI's unit: percentages move by points, seconds by seconds."""
    number = f"{size:,.{kpi.decimals}f}"
    if kpi.unit == "%":
        return f"{number} {'point' if number == '1' else 'points'}"
    return f"{number} {kpi.unit}" if kpi.unit else number


def period_words(period: KpiPeriod, count: int) -> str:
    return str(period.value) if count == 1 else f"{period.value}s"


def periods_spanned(period: KpiPeriod, first: date, last: date) -> int:
    """How many periods from the first value's to the last's, both included, gaps and all."""
    if period is KpiPeriod.MONTH:
        return (last.year - first.year) * 12 + last.month - first.month + 1
    return round((last - first).days / PERIOD_DAYS[period]) + 1
