"""A scripted live run for the view-server tests: the stage plan with a whole pitch script, a live run on a
fake clock in a real store, and a running server that every console action is pushed to."""

from __future__ import annotations

import time
from dataclasses import dataclass, replace

from stage_fixtures import START, stage_plan

from livedesk.domain.clock import FakeClock
from livedesk.domain.roles import ScriptStep
from livedesk.persistence.store import Store
from livedesk.services.live import LiveService
from livedesk.services.scripts import save_session_scripts
from livedesk.services.sessions import save_plan
from livedesk.stageweb.server import StageServer
from livedesk.stageweb.view_state import view_state

SCRIPTS = {
    ScriptStep.PAIN_POINT: "冬天出门，一杯热水放两个小时就凉了？办公室里想喝口热的还得排队接水。",
    ScriptStep.SELLING_POINTS: "316 不锈钢内胆，真空断热，早上装的开水，晚上下班还烫嘴。杯盖一键弹开，单手就能喝。",
    ScriptStep.TRUST: "检测报告就在这里，食品级材质，出厂前每一只都做过保温测试。",
    ScriptStep.OFFER: "日常价 99，今天直播间 49，买一送一，相当于一只不到 25 块。",
    ScriptStep.CLOSE: "只有 500 单，倒计时开始，拍下的家人们扣个 1，主播给你们加急发货！",
}


def scripted_plan():
    """The stage tests' plan with the whole pitch script of 保温杯 written out."""
    plan = stage_plan()
    cup = plan.products[0]
    plan.products[0] = replace(cup, scripts=dict(SCRIPTS))
    return plan


@dataclass
class Show:
    """A live run on a fake clock whose every action is published to a running view server."""

    service: LiveService
    clock: FakeClock
    server: StageServer
    scripts: dict[str, str]

    def publish(self, *, force: bool = False) -> float:
        """Push the run's state now; returns the wall time (epoch ms) just before the push."""
        before = time.time() * 1000
        self.server.publish(
            view_state(self.service.run, self.service.stored, self.scripts, "zh_CN"), force=force
        )
        return before

    def act(self, action) -> float:
        """Do a console action and push it, as the GUI does; returns the epoch ms when the action began."""
        before = time.time() * 1000
        action(self.service)
        self.publish()
        return before

    def url(self, path: str = "/") -> str:
        return self.server.url(path)

    def base(self) -> str:
        return f"http://127.0.0.1:{self.server.port}"


SESSION_SCRIPTS = {
    "opening": "欢迎来到山野好物直播间！今天福利多多，先点个关注。",
    "closing": "感谢大家，下周同一时间见！",
}


def open_show(store: Store) -> Show:
    """The scripted plan saved, a run on a fake clock at its start, a server on a free port of 127.0.0.1."""
    session_id = save_plan(store, scripted_plan())
    save_session_scripts(store, session_id, SESSION_SCRIPTS)
    clock = FakeClock(START)
    server = StageServer(lang="zh_CN")
    server.start("127.0.0.1", 0)
    show = Show(LiveService(store, session_id, clock), clock, server, dict(SESSION_SCRIPTS))
    show.publish()
    return show
