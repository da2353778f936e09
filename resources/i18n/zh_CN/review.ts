<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>LiveDesk</name>
    <message><source>Make action item</source><translation>创建行动项</translation></message>
    <message><source>Change action item</source><translation>修改行动项</translation></message>
    <message><source>Change action item…</source><translation>修改行动项…</translation></message>
    <message><source>What the team will do differently</source><translation>团队下次要做的改变</translation></message>
    <message><source>yuan, fraction (0.05 = 5%) or count</source><translation>元、比例 (0.05 = 5%) 或数量</translation></message>
    <message><source>Finding</source><translation>发现</translation></message>
    <message><source>Action</source><translation>行动</translation></message>
    <message><source>Metric to verify</source><translation>验证指标</translation></message>
    <message><source>Comparison</source><translation>比较</translation></message>
    <message><source>Target</source><translation>目标</translation></message>
    <message><source>Write the action the team will take.</source><translation>请填写团队要采取的行动。</translation></message>
    <message><source>The target must be a number.</source><translation>目标必须是数字。</translation></message>
    <message><source>Trend of</source><translation>趋势指标</translation></message>
    <message><source>Compare</source><translation>对比</translation></message>
    <message><source>with</source><translation>与</translation></message>
    <message><source>Metric</source><translation>指标</translation></message>
    <message><source> (estimate)</source><translation>（估算）</translation></message>
    <message><source>Formula: {formula}</source><translation>公式：{formula}</translation></message>
    <message><source>{source}: {value} (gap {gap})</source><translation>{source}：{value}（差 {gap}）</translation></message>
    <message><source>as exported</source><translation>导出值</translation></message>
    <message><source>GMV</source><translation>成交金额</translation></message>
    <message><source>Orders</source><translation>成交订单数</translation></message>
    <message><source>Units sold</source><translation>成交件数</translation></message>
    <message><source>Segments went on air in a different order from the plan.</source><translation>环节上播顺序与计划不同。</translation></message>
    <message><source>Skipped</source><translation>未执行</translation></message>
    <message><source>Review meeting</source><translation>复盘会</translation></message>
    <message><source>Leave meeting mode</source><translation>退出会议模式</translation></message>
    <message><source>No findings: the data shows nothing outside the thresholds.</source><translation>没有发现：数据均在阈值之内。</translation></message>
    <message><source>Agenda</source><translation>议程</translation></message>
    <message><source>Choose a session to review.</source><translation>请选择要复盘的场次。</translation></message>
    <message><source>Refresh</source><translation>刷新</translation></message>
    <message><source>Import files…</source><translation>导入文件…</translation></message>
    <message><source>Meeting mode</source><translation>会议模式</translation></message>
    <message><source>History</source><translation>历史</translation></message>
    <message><source>Overview</source><translation>总览</translation></message>
    <message><source>Plan vs actual</source><translation>计划与实际</translation></message>
    <message><source>Segments</source><translation>环节</translation></message>
    <message><source>Roles</source><translation>角色</translation></message>
    <message><source>Make action item…</source><translation>创建行动项…</translation></message>
    <message><source>Findings</source><translation>发现</translation></message>
    <message><source>Actions</source><translation>行动项</translation></message>
    <message><source>Analysing…</source><translation>分析中…</translation></message>
    <message><source>Export report</source><translation>导出报告</translation></message>
    <message><source>Thresholds (the team's; used for every session)</source><translation>阈值（团队设置，所有场次通用）</translation></message>
    <message><source>order kept</source><translation>顺序未变</translation></message>
    <message><source>order changed</source><translation>顺序有变化</translation></message>
    <message><source>#</source><translation>#</translation></message>
    <message><source>Status</source><translation>状态</translation></message>
    <message><source>Planned start</source><translation>计划开始</translation></message>
    <message><source>Planned min</source><translation>计划(分)</translation></message>
    <message><source>Actual start</source><translation>实际开始</translation></message>
    <message><source>Actual min</source><translation>实际(分)</translation></message>
    <message><source>Over/under min</source><translation>差(分)</translation></message>
    <message><source>Share of the product on air</source><translation>在讲商品成交占比</translation></message>
    <message><source>Online at start</source><translation>开始在线</translation></message>
    <message><source>Online at end</source><translation>结束在线</translation></message>
    <message><source>GMV per minute</source><translation>每分钟成交额</translation></message>
    <message><source>Run position</source><translation>上播序号</translation></message>
    <message><source>Script step</source><translation>话术步骤</translation></message>
    <message><source>Seconds</source><translation>秒</translation></message>
    <message><source>Verdict</source><translation>结论</translation></message>
    <message><source>Checks (value / threshold)</source><translation>检查项（数值 / 阈值）</translation></message>
    <message><source>Carried in from earlier sessions (checked automatically)</source><translation>上几场带入的行动项（自动验证）</translation></message>
    <message><source>Made at this session</source><translation>本场创建</translation></message>
    <message><source>Save verdicts</source><translation>保存核验结果</translation></message>
    <message><source>An action item was changed meanwhile: refreshed, save again.</source><translation>有行动项已被他人修改：已刷新，请再次保存。</translation></message>
    <message><source>Saved {count} verdicts</source><translation>已保存 {count} 条核验结果</translation></message>
    <message><source>The review could not be computed: {reason}</source><translation>无法完成复盘计算：{reason}</translation></message>
    <message><source>Review: {title}</source><translation>复盘：{title}</translation></message>
    <message><source>{findings} findings · actual run from {source}</source><translation>{findings} 条发现 · 实际流程来自{source}</translation></message>
    <message><source>Actual run from {source}: planned {planned} min, actual {actual} min, over/under {delta} min, {order}.</source><translation>实际流程来自{source}：计划 {planned} 分钟，实际 {actual} 分钟，差 {delta} 分钟，{order}。</translation></message>
    <message><source>Exporting {name}…</source><translation>正在导出 {name}…</translation></message>
    <message><source>The import dialog is not available in this build.</source><translation>此版本没有导入对话框。</translation></message>
    <message><source>Export HTML…</source><translation>导出 HTML…</translation></message>
    <message><source>Export PDF…</source><translation>导出 PDF…</translation></message>
    <message><source>Export XLSX…</source><translation>导出 XLSX…</translation></message>
    <message><source>Not in any segment: before {before}, in pauses {gap}, after the end {after}.</source><translation>未归入任何环节：开播前 {before}，间隙 {gap}，结束后 {after}。</translation></message>
    <message><source> · verified value {value}</source><translation> · 验证值 {value}</translation></message>
    <message><source>{action} · {owner} · {metric} {comparison} {target} · {status}</source><translation>{action} · {owner} · {metric} {comparison} {target} · {status}</translation></message>
    <message><source>Analysing… {percent}%</source><translation>分析中… {percent}%</translation></message>
    <message><source>Save thresholds</source><translation>保存阈值</translation></message>
    <message><source>Traffic item: minimum online lift</source><translation>引流款：最低在线提升</translation></message>
    <message><source>Traffic item: minimum exposure-to-click rate</source><translation>引流款：最低曝光-点击率</translation></message>
    <message><source>Profit item: minimum GMV per minute vs session</source><translation>利润款：每分钟成交额不低于全场均值的倍数</translation></message>
    <message><source>Profit item: minimum click-to-buy rate</source><translation>利润款：最低点击-成交率</translation></message>
    <message><source>Profit item: minimum gross margin</source><translation>利润款：最低毛利率</translation></message>
    <message><source>Image item: minimum exposure-to-click rate</source><translation>形象款：最低曝光-点击率</translation></message>
    <message><source>Clearance item: minimum sell-through</source><translation>清仓款：最低售罄率</translation></message>
    <message><source>Maximum refund rate</source><translation>最高退款率</translation></message>
    <message><source>Clicks needed before judging click-to-buy</source><translation>评判点击-成交率所需最少点击人数</translation></message>
    <message><source>Segment overrun tolerance</source><translation>环节超时容差</translation></message>
    <message>
        <source>no data</source>
        <translation>无数据</translation>
    </message>
    <message>
        <source>gap {gap}</source>
        <translation>差 {gap}</translation>
    </message>
    <message>
        <source>met</source>
        <translation>已达成</translation>
    </message>
    <message>
        <source>not met</source>
        <translation>未达成</translation>
    </message>
    <message>
        <source>Target {target} · {verdict}</source>
        <translation>目标 {target} · {verdict}</translation>
    </message>
    <message>
        <source>Source: {source} → {value}</source>
        <translation>来源：{source} → {value}</translation>
    </message>
    <message>
        <source>Also: {source} → {value} (gap {gap})</source>
        <translation>另一来源：{source} → {value}（差 {gap}）</translation>
    </message>
    <message>
        <source>Estimated range {low} – {high}</source>
        <translation>估算区间 {low} – {high}</translation>
    </message>
    <message>
        <source>More numbers</source>
        <translation>更多指标</translation>
    </message>
    <message><source>Actual</source><translation>实际</translation></message>
    <message><source>Threshold</source><translation>阈值</translation></message>
    <message><source>Achieved</source><translation>达成</translation></message>
    <message><source>Planned</source><translation>计划</translation></message>
    <message><source>Actual length</source><translation>实际时长</translation></message>
    <message><source>Difference</source><translation>差值</translation></message>
    <message><source>Added</source><translation>新增</translation></message>
    <message><source>{minutes} min</source><translation>{minutes} 分钟</translation></message>
    <message><source>No open action items from earlier sessions of this account.</source><translation>本账号之前的场次没有未完成的行动项。</translation></message>
    <message><source>No action items yet: pick a finding under Findings and choose "Make action item…".</source><translation>还没有行动项：在「发现」里选中一条，点「创建行动项…」。</translation></message>
    <message><source>the 罗盘 whole-session workbook (整场数据 .xlsx)</source><translation>罗盘整场数据（.xlsx）</translation></message>
    <message><source>the 抖店 order export (订单 .csv)</source><translation>抖店订单导出（.csv）</translation></message>
    <message><source>the per-minute online curve (在线人数 .csv)</source><translation>分钟在线人数（.csv）</translation></message>
    <message><source>, </source><translation>、</translation></message>
    <message><source>No platform data has been imported for this session yet, so there is nothing to review. Click “Import files…” (or drop the files on this page) and add this show's exports: {files}. The plan and the live log alone give no sales figures.</source><translation>这场直播还没有导入平台数据，暂时无从复盘。请点「导入文件…」（或把文件拖到本页），导入本场的导出文件：{files}。只有计划和直播日志时没有销售数字。</translation></message>
    <message><source>Not imported yet: {files}. Figures that need them show —; import them with “Import files…”.</source><translation>尚未导入：{files}。依赖它们的数字显示为 —；请用「导入文件…」补充导入。</translation></message>
    <message><source>No platform data has been imported for this session yet, so there is nothing to review. Open this session's Review page, click “Import files…” (or drop the files on the page), add this show's exports: {files}, and export this report again. The plan and the live log alone give no sales figures.</source><translation>这场直播还没有导入平台数据，暂时无从复盘。请打开本场的「复盘」页，点「导入文件…」（或把文件拖到页面上），导入本场的导出文件：{files}，然后重新导出本报告。只有计划和直播日志时没有销售数字。</translation></message>
    <message><source>Not imported yet: {files}. Figures that need them show —; import them with “Import files…” on the Review page and export this report again.</source><translation>尚未导入：{files}。依赖它们的数字显示为 —；请在「复盘」页用「导入文件…」补充导入，再重新导出本报告。</translation></message>
    <message><source>No data imported yet</source><translation>尚未导入数据</translation></message>
    <message><source>Segment numbers</source><translation>环节序号</translation></message>
    <message><source>Time</source><translation>时间</translation></message>
    <message><source>Position in the run order</source><translation>排品位置</translation></message>
    <message><source>First paid</source><translation>首笔支付</translation></message>
    <message><source>Last paid</source><translation>末笔支付</translation></message>
</context>
</TS>
