"""The README written beside the sample files: what they are (synthetic), how they were made, how they agree."""

from __future__ import annotations

from livedesk.samples import export_style as fmt
from livedesk.samples.catalog import BRAND
from livedesk.samples.session_numbers import SessionNumbers


def readme_text(n: SessionNumbers, order_lines: int, late: int, seed: int) -> str:
    products_sum = sum(p.gmv_fen for p in n.products)
    return f"""# Sample sessions (synthetic)

Everything in this folder is **invented test data**. The brand "{BRAND}", its products, ids, people,
orders and numbers do not exist; personal data in the order file is random `##…` masks. The files only
imitate the *layouts* of real platform exports so LiveDesk can be tried and tested without real data.

Made by LiveDesk's deterministic generator (seed {seed}); every run writes byte-identical files:

    livedesk samples generate --out sample_sessions
    livedesk samples generate --out /some/folder --orders 1000000   # the same files at benchmark size

`livedesk samples load` puts both sessions, the live log and the exports into the store (running it again
adds nothing).

| file | what it is |
|---|---|
| brand_pool.csv | the pool: 20 products over the four roles with prices (yuan), cost, stock, 机制, selling material and five-step scripts |
| past_session.livedesk.json | the plan of the past session 2026-11-14 20:00 (Asia/Shanghai, 3 h) |
| upcoming_session.livedesk.json | the plan of the next session of the same account, 2026-11-21 20:00 (no exports yet) |
| past_session_live_log.csv | what actually happened: segment and step times, markers 上链接/福袋/返场/事故 |
| 罗盘_整场数据_2026-11-14.xlsx | 罗盘 整场数据下载, 6 sheets |
| 直播数据_2026-11-14.xlsx | the single-session live workbook (场次概览, 核心指标, 渠道流量, 货品明细, 商品讲解) |
| 抖店_订单_2026-11-14.csv | 抖店 order export, 75 columns, UTF-8 with BOM, tab-prefixed ids, {order_lines:,} lines |
| 在线人数_分钟_2026-11-14.csv | per-minute curve: online, entries, exits, GMV, orders, followers, comments, likes |

## What happened in the past session (deliberate, for the review to find)
- 讲解 松茸菌菇汤包 overran by about 3 minutes, 原切牛肉干 by about 2; 香菇脆 ran a minute long.
- 每日坚果: incident (事故) — the link went up at the wrong price and was re-listed.
- 竹纤维保温杯 (clearance) was skipped; 桂花乌龙 and 宁夏黑枸杞 went on air in swapped order.
- The closing was cut short to make up for the overruns: the stream lasted {fmt.duration(n.end - n.start)}
  (planned 3 hours), so it ended just before the planned end.
- One script (山楂条, 价格优惠) says "全网最低" on purpose, so the 广告法 lint has a real hit.

## How the files agree
- GMV (直播间用户支付金额) {fmt.money(n.gmv_fen)} = the sum of 订单应付金额 of the order lines paid inside
  the live window, refunded later or not ({n.orders:,} lines; refunds {fmt.money(n.refund_fen)} in
  {n.refund_orders} lines). Unpaid lines (no 支付完成时间) and {late} lines paid after the stream ended are
  in the order file only: the workbooks were downloaded when the stream ended.
- The products of 商品明细 / 货品明细 add up to the GMV ({fmt.money(products_sum)}); SKU sub-rows (first
  cell `-…`) add up to their product; the channels add up to the GMV and the orders.
- pv (观看次数) {n.pv:,} = the sum of 进入人数 in the minute curve, and GPM {fmt.money(n.gpm_fen)} ×
  pv / 1000 = GMV exactly, so GMV / GPM × 1000 recovers a whole number of views.
- 客单价 {fmt.money(n.aov_fen)} = GMV / 成交人数 ({n.buyers:,}).
- 商品讲解 start/end stamps are the live log's actual pitch and encore times; online viewers rise
  during the traffic pitches.
"""
