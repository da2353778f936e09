"""Planner actions without Qt: import a pool, generate a wave plan into a session, load/save, validate,
forecast, export run sheets, and the team preferences the planner keeps (pool mappings, wave settings,
forecast assumptions). The GUI runs these; the CLI calls them directly.
"""

from __future__ import annotations

from dataclasses import asdict
from datetime import datetime
from pathlib import Path

from livedesk.domain.forecast import ForecastAssumptions, PlanForecast, forecast_plan
from livedesk.domain.history import AccountHistory
from livedesk.domain.message import Message
from livedesk.domain.plan_rules import PlanWarning, validate_plan
from livedesk.domain.product import Product
from livedesk.domain.product_rates import product_rates
from livedesk.domain.roles import Role, ScriptStep, parse_role
from livedesk.domain.session import Segment, Session, SessionPlan
from livedesk.domain.wave import RoleLength, WaveConfig, assign_owners, generate_wave
from livedesk.import_export.pool_reader import PoolReadResult, read_pool
from livedesk.persistence import preference_repository, session_repository
from livedesk.persistence.store import Store
from livedesk.services import sessions
from livedesk.words.messages import SaidInEnglish

POOL_MAPPING_NAMESPACE = "pool_mapping"
WAVE_CONFIG_NAMESPACE = "wave_config"
FORECAST_NAMESPACE = "forecast_assumptions"
DEFAULT_PRESET = "default"
RUN_SHEET_SUFFIXES = (".xlsx", ".csv", ".pdf")
# Past sessions the forecast reads: far more than the backtest window (20) plus what recency weighting
# leaves any weight to, and a bound on what a studio account with years of daily sessions costs.
HISTORY_LIMIT = 120


class PatternError(SaidInEnglish, ValueError):
    """A wave pattern that names no role or a word that is not one (`reason`: plan.bad_pattern_role or
    plan.empty_pattern)."""


def parse_pattern(text: str) -> tuple[Role, ...]:
    """`traffic,profit,profit` or `引流款,利润款` → roles; PatternError naming the first unknown word."""
    roles = []
    for word in text.replace("，", ",").split(","):
        if not word.strip():
            continue
        role = parse_role(word)
        if role is None:
            raise PatternError(Message("plan.bad_pattern_role", {"word": word.strip()}))
        roles.append(role)
    if not roles:
        raise PatternError(Message("plan.empty_pattern"))
    return tuple(roles)


# --- preferences -------------------------------------------------------------------------------------


def load_pool_mapping(store: Store, name: str = DEFAULT_PRESET) -> dict[str, str]:
    with store.reading() as db:
        return dict(preference_repository.get_preference(db, POOL_MAPPING_NAMESPACE, name) or {})


def save_pool_mapping(store: Store, mapping: dict[str, str], name: str = DEFAULT_PRESET) -> None:
    """Remember how the user mapped unknown headers (header → field key, "" = ignore) for the next file."""
    with store.transaction() as db:
        merged = dict(preference_repository.get_preference(db, POOL_MAPPING_NAMESPACE, name) or {})
        merged.update(mapping)
        preference_repository.put_preference(db, POOL_MAPPING_NAMESPACE, name, merged)


def wave_config_to_dict(config: WaveConfig) -> dict:
    data = asdict(config)
    data["pattern"] = [role.value for role in config.pattern]
    data["role_lengths"] = {role.value: asdict(length) for role, length in config.role_lengths.items()}
    data["step_shares"] = {step.value: share for step, share in config.step_shares.items()}
    return data


def wave_config_from_dict(data: dict | None) -> WaveConfig:
    config = WaveConfig()
    if not data:
        return config
    for key, value in data.items():
        if key == "pattern":
            config.pattern = tuple(Role(v) for v in value)
        elif key == "role_lengths":
            config.role_lengths = {Role(k): RoleLength(**v) for k, v in value.items()}
        elif key == "step_shares":
            config.step_shares = {ScriptStep(k): int(v) for k, v in value.items()}
        elif hasattr(config, key):
            setattr(config, key, value)
    return config


def load_wave_config(store: Store) -> WaveConfig:
    with store.reading() as db:
        return wave_config_from_dict(
            preference_repository.get_preference(db, WAVE_CONFIG_NAMESPACE, DEFAULT_PRESET)
        )


def save_wave_config(store: Store, config: WaveConfig) -> None:
    with store.transaction() as db:
        preference_repository.put_preference(
            db, WAVE_CONFIG_NAMESPACE, DEFAULT_PRESET, wave_config_to_dict(config)
        )


def load_assumptions(store: Store, session_id: int | None) -> ForecastAssumptions:
    with store.reading() as db:
        data = (
            preference_repository.get_preference(db, FORECAST_NAMESPACE, str(session_id))
            if session_id
            else None
        )
        data = data or preference_repository.get_preference(db, FORECAST_NAMESPACE, DEFAULT_PRESET)
    return ForecastAssumptions(**data) if data else ForecastAssumptions()


def save_assumptions(store: Store, session_id: int, assumptions: ForecastAssumptions) -> None:
    with store.transaction() as db:
        preference_repository.put_preference(db, FORECAST_NAMESPACE, str(session_id), asdict(assumptions))


# --- pool --------------------------------------------------------------------------------------------


def read_pool_file(
    store: Store | None, path: str | Path, mapping: dict[str, str] | None = None, preset: str = DEFAULT_PRESET
) -> PoolReadResult:
    """Read a pool file with the saved mapping preset (plus `mapping`, which wins). Raises PoolRefused."""
    saved = load_pool_mapping(store, preset) if store is not None else {}
    saved.update(mapping or {})
    return read_pool(path, saved or None)


def save_products(store: Store, session_id: int, products: list[Product]) -> None:
    with store.transaction() as db:
        session_repository.replace_products(db, session_id, products)


# --- plans -------------------------------------------------------------------------------------------

# Loading and saving a whole plan (header, pool and run order in one transaction: the autosave of one
# edit) are the session service's; re-exported so the planner has one module to call.
load_plan = sessions.load_plan
save_plan = sessions.save_plan
# The checked save of an editor (only changed parts, against the versions read; see sessions.save_plan_edit).
load_plan_with_versions = sessions.load_plan_with_versions
save_plan_edit = sessions.save_plan_edit


def save_segments(store: Store, session_id: int, segments: list[Segment]) -> None:
    with store.transaction() as db:
        session_repository.replace_segments(db, session_id, segments)


def history_ranking(plan: SessionPlan, history: AccountHistory | None) -> dict[str, float]:
    """GMV per pitch minute (fen, the product's own record) of the pool's products that history has
    pitched; what the generator orders and sizes profit pitches by."""
    if history is None:
        return {}
    past = {
        s.session_id
        for s in history.sessions
        if s.start < plan.session.start and s.session_id != plan.session.id
    }
    rows = [r for r in history.products if r.session_id in past]
    rates = product_rates(rows, {p.product_id: p.role.value for p in plan.products})
    return {pid: rate.own for pid, rate in rates.items() if rate.own is not None}


def generate_segments(
    plan: SessionPlan, config: WaveConfig | None = None, history: AccountHistory | None = None
) -> list[Segment]:
    """A fresh wave run order for the plan's pool and slot: history orders and sizes the profit pitches and
    picks the encores; owners come from the session's team."""
    segments = generate_wave(
        plan.products, plan.session.planned_seconds, config, history_ranking(plan, history) or None
    )
    assign_owners(segments, plan.session.team)
    return segments


def generate_plan_session(
    store: Store,
    products: list[Product],
    *,
    title: str,
    start: datetime,
    planned_seconds: int,
    config: WaveConfig | None = None,
    platform: str = "douyin",
    account: str = "",
) -> SessionPlan:
    """Create a new session holding the pool and a generated wave plan; one transaction."""
    session = Session(
        title=title, start=start, planned_seconds=planned_seconds, platform=platform, account=account
    )
    plan = SessionPlan(session=session, products=list(products))
    plan.segments = generate_segments(plan, config, account_history(store, session))
    save_plan(store, plan)
    return plan


def account_history(store: Store, session: Session) -> AccountHistory:
    """The same account's sessions that started before `session` (never the session itself), the newest
    HISTORY_LIMIT of them, with all their products (a role's average needs the products no longer in the
    pool too). Read from the stored summaries: one query, no dataset decoded."""
    from livedesk.services.history import account_history as stored_history

    return stored_history(store, session.account, session.start, HISTORY_LIMIT, exclude_session_id=session.id)


def forecast(
    store: Store,
    plan: SessionPlan,
    assumptions: ForecastAssumptions | None = None,
    history: AccountHistory | None = None,
) -> PlanForecast:
    assumptions = assumptions or load_assumptions(store, plan.session.id)
    history = history if history is not None else account_history(store, plan.session)
    return forecast_plan(plan, history, assumptions)


def validate(
    plan: SessionPlan, config: WaveConfig | None = None, plan_forecast: PlanForecast | None = None
) -> list[PlanWarning]:
    return validate_plan(plan, config, plan_forecast)


def plan_report(store: Store, session_id: int) -> dict:
    """The plan JSON document (see livedesk.import_export.plan_json) for a stored session."""
    from livedesk.import_export.plan_json import plan_document

    plan = load_plan(store, session_id)
    assumptions = load_assumptions(store, session_id)
    plan_forecast = forecast(store, plan, assumptions)
    config = load_wave_config(store)
    warnings = validate(plan, config, plan_forecast)
    return plan_document(plan, warnings, plan_forecast, assumptions, config)


def export_run_sheet(plan: SessionPlan, path: str | Path) -> int:
    """Write an XLSX, CSV or PDF run sheet (by suffix); returns the segment rows written.
    ValueError for any other suffix."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix == ".xlsx":
        from livedesk.import_export.run_sheet_xlsx import write_run_sheet_xlsx

        return write_run_sheet_xlsx(plan, path)
    if suffix == ".csv":
        from livedesk.import_export.run_sheet_csv import write_run_sheet_csv

        return write_run_sheet_csv(plan, path)
    if suffix == ".pdf":
        from livedesk.charts.run_sheet_pdf import write_run_sheet_pdf

        write_run_sheet_pdf(plan, path)
        return len(plan.segments)
    raise ValueError(f"{path.name}: a run sheet is written as .xlsx, .pdf or .csv")
