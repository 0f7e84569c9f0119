"""The plans and the price of a CV: the one home of each (config, billing, accounts, pages and API read them).

A plan's rank orders upgrades (a purchase never moves an account down); its batch limit is the most
CVs one job may hold. Every CV costs ``CREDITS_PER_CV`` when submitted, and the same is refunded
when it cannot be read or scored.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Plan:
    name: str
    rank: int
    batch_limit: int
    label: str


PLANS: tuple[Plan, ...] = (
    Plan("free", 0, 10, "Free"),
    Plan("starter", 1, 20, "Starter"),
    Plan("api", 2, 25, "API"),
)
DEFAULT_PLAN = "free"
PLAN_NAMES = tuple(plan.name for plan in PLANS)
CREDITS_PER_CV = 1

_BY_NAME = {plan.name: plan for plan in PLANS}


def plan_named(name: str | None) -> Plan:
    """The plan of that name; an unknown or empty name is the default (free) plan."""
    return _BY_NAME.get(name or DEFAULT_PLAN, _BY_NAME[DEFAULT_PLAN])


def is_plan(name: str) -> bool:
    return name in _BY_NAME


def batch_limit(name: str | None) -> int:
    return plan_named(name).batch_limit


def largest_batch() -> int:
    """The most CVs any plan may send in one job (it sizes the request body limit)."""
    return max(plan.batch_limit for plan in PLANS)


def plans_below(name: str) -> list[str]:
    """Names of the plans ranked under this one (those a purchase of it upgrades)."""
    rank = plan_named(name).rank
    return [plan.name for plan in PLANS if plan.rank < rank]


def credits_for(cv_count: int) -> int:
    """What a job of that many CVs costs."""
    return cv_count * CREDITS_PER_CV
