"""Five-step pitch scripts (痛点引入 → 卖点展示 → 信任背书 → 价格优惠 → 逼单促成) in spoken live-stream Chinese.

Composed from a catalogue item's facts with a few phrasings per step, chosen by the item's position so
the result is deterministic. One script (山楂条's offer) deliberately says "全网最低" so the compliance lint
has something real to flag; every other script avoids 广告法 absolute words.
"""

from __future__ import annotations

from livedesk.domain.roles import Role, ScriptStep
from livedesk.samples.catalog import CatalogItem

DELIBERATE_LINT_PRODUCT = "山楂条"

_PAIN = (
    "家人们，{pain}，是不是说的就是你？先别划走，今天这款{short}就是专门来解决这个事儿的，给我一分钟。",
    "刚进直播间的宝宝扣个1。我问大家一句：{pain}，有没有？有的打个“有”，这款{short}你一定要听完。",
    "姐妹们我跟你们讲个真事儿，{pain}。我们团队就是因为这个，找了大半年，才定下这款{short}。",
)
_POINTS = (
    "大家看镜头。先说{p1}；再看{p2}；还有，{p3}。{scene}，有它就够了。",
    "我给大家拆开看啊：{p1}。你们再看这里，{p2}。还有一点特别重要，{p3}。{scene}都用得上。",
    "说三个点，大家记住就行：{p1}，{p2}，{p3}。像{scene}，随手就能用上。",
)
_TRUST = (
    "{proof}。七天无理由退换，运费险我们也给大家买好了，收到货不满意直接退，来回运费都不用你出，放心拍。",
    "很多老粉都知道，{proof}。评论区已经买过的宝宝可以帮我说两句，到底好不好用。不满意直接找客服退，我们不跟大家扯皮。",
)
_OFFER = {
    Role.TRAFFIC: "日常价{daily}元，今天开播福利，不要{daily}，也不要十几块，{mechanism}！到手只要{live}元，就是给大家交个朋友。",
    Role.PROFIT: "这款日常卖{daily}元，今天直播间{mechanism}。算下来比平时省了{saving}元，这个福利价今晚直播间专享，活动到今晚12点结束，想囤的趁现在。",
    Role.IMAGE: "这款是我们的镇店款，日常{daily}元。今天{mechanism}。量真的很少，我们也不是为了走量，是想让懂茶的朋友喝到好东西。",
    Role.CLEARANCE: "宠粉福利来了！日常{daily}元，今天{mechanism}，到手{live}元，这批是真清仓，卖完这批就换新款，算是回馈一直陪着我们的老粉。",
}
_CLOSE = {
    Role.TRAFFIC: "库存就{stock}单，拍完就没有了！还没点关注的先点个关注，倒数五个数，5、4、3、2、1，上链接！拍到的扣“已拍”，没抢到的别走，后面还有福利。",
    Role.PROFIT: "运营帮我看一下还剩多少库存？好，还剩最后一百多单。已经拍了的宝宝扣“已拍”，还在犹豫的，现在下单，今天就给你发货，错过就要等下一场了。",
    Role.IMAGE: "限量{stock}饼，每一饼都有编号，卖完这一批今年就没有了。想要的宝宝现在拍，我们按付款顺序发编号，越早拍编号越靠前，送人的可以备注贺卡内容。",
    Role.CLEARANCE: "清仓就这么多，{stock}件，卖完就下架，不补货。喜欢的宝宝别犹豫，3、2、1，上链接！手慢无啊家人们，拍完记得扣个“已拍”。",
}


def _yuan(fen: int) -> str:
    text = f"{fen / 100:.2f}".rstrip("0").rstrip(".")
    return text


def compose_scripts(item: CatalogItem, position: int) -> dict[ScriptStep, str]:
    """The five step texts for one catalogue item; `position` picks among the phrasings."""
    spec = item.specs[0]
    values = {
        "pain": item.pain,
        "short": item.short,
        "p1": item.points[0],
        "p2": item.points[1],
        "p3": item.points[2],
        "scene": item.scene,
        "proof": item.proof,
        "mechanism": item.mechanism,
        "daily": _yuan(spec.daily_fen),
        "live": _yuan(spec.live_fen),
        "saving": _yuan(spec.daily_fen - spec.live_fen),
        "stock": item.stock,
    }
    scripts = {
        ScriptStep.PAIN_POINT: _PAIN[position % len(_PAIN)].format(**values),
        ScriptStep.SELLING_POINTS: _POINTS[position % len(_POINTS)].format(**values),
        ScriptStep.TRUST: _TRUST[position % len(_TRUST)].format(**values),
        ScriptStep.OFFER: _OFFER[item.role].format(**values),
        ScriptStep.CLOSE: _CLOSE[item.role].format(**values),
    }
    if item.short == DELIBERATE_LINT_PRODUCT:
        # Deliberate: an absolute claim the 广告法 lint must flag (see sample_sessions/README.md).
        scripts[ScriptStep.OFFER] += "这个价格全网最低，别家找不到。"
    return scripts
