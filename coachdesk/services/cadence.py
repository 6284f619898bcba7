"""How often each person should be coached, from their tenure unless their manager chose otherwise."""

from __future__ import annotations

import enum
from datetime import date

from coachdesk.services.settings import CadencePolicy


class Tenure(enum.StrEnum):
    NEW = "new"
    DEVELOPING = "developing"
    ESTABLISHED = "established"


def tenure_on(start_date: date | None, today: date, policy: CadencePolicy) -> Tenure:
    if start_date is None:
        return Tenure.ESTABLISHED
    days = (today - start_date).days
    if days < policy.new_until_days:
        return Tenure.NEW
    if days < policy.developing_until_days:
        return Tenure.DEVELOPING
    return Tenure.ESTABLISHED


def target_cadence_days(start_date: date | None, override_days: int | None, today: date, policy: CadencePolicy) -> int:
    if override_days:
        return override_days
    return {
        Tenure.NEW: policy.new_days,
        Tenure.DEVELOPING: policy.developing_days,
        Tenure.ESTABLISHED: policy.established_days,
    }[tenure_on(start_date, today, policy)]
