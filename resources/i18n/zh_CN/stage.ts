<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>LiveDesk</name>
    <message>
        <source>Error</source>
        <translation>错误</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>警告</translation>
    </message>
    <message>
        <source>Info</source>
        <translation>提示</translation>
    </message>
    <message>
        <source>{severity} · {category}: “{text}”
{reason}
Suggestion: {suggestion}</source>
        <translation>{severity} · {category}：“{text}”
{reason}
建议：{suggestion}</translation>
    </message>
    <message>
        <source>ON AIR</source>
        <translation>直播中</translation>
    </message>
    <message>
        <source>Go / next (F5)</source>
        <translation>开始 / 下一环节 (F5)</translation>
    </message>
    <message>
        <source>Skip next (F6)</source>
        <translation>跳过下一个 (F6)</translation>
    </message>
    <message>
        <source>+30 s (F7)</source>
        <translation>+30 秒 (F7)</translation>
    </message>
    <message>
        <source>+60 s</source>
        <translation>+60 秒</translation>
    </message>
    <message>
        <source>◀ Step (PgUp)</source>
        <translation>◀ 上一步 (PgUp)</translation>
    </message>
    <message>
        <source>Step ▶ (PgDn)</source>
        <translation>下一步 ▶ (PgDn)</translation>
    </message>
    <message>
        <source>Insert encore (F8)</source>
        <translation>插入返场 (F8)</translation>
    </message>
    <message>
        <source>End the run</source>
        <translation>结束直播</translation>
    </message>
    <message>
        <source> min lucky bag</source>
        <translation> 分钟福袋</translation>
    </message>
    <message>
        <source>Note for the log (F9 logs it)</source>
        <translation>记录备注（按 F9 记入日志）</translation>
    </message>
    <message>
        <source>Message to the host's stage view</source>
        <translation>发给主播提示屏的消息</translation>
    </message>
    <message>
        <source>Blink</source>
        <translation>闪烁</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>发送</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>清除</translation>
    </message>
    <message>
        <source>Prompter</source>
        <translation>提词器</translation>
    </message>
    <message>
        <source>Stage view</source>
        <translation>主播提示屏</translation>
    </message>
    <message>
        <source>New run (clear the log)</source>
        <translation>重新开始（清空日志）</translation>
    </message>
    <message>
        <source>start</source>
        <translation>开始</translation>
    </message>
    <message>
        <source>end</source>
        <translation>结束</translation>
    </message>
    <message>
        <source>step</source>
        <translation>步骤</translation>
    </message>
    <message>
        <source>step end</source>
        <translation>步骤结束</translation>
    </message>
    <message>
        <source>marker</source>
        <translation>标记</translation>
    </message>
    <message>
        <source>Total vs plan</source>
        <translation>总时长 对比计划</translation>
    </message>
    <message>
        <source>NEXT</source>
        <translation>下一个</translation>
    </message>
    <message>
        <source>Screen</source>
        <translation>屏幕</translation>
    </message>
    <message>
        <source>Planned</source>
        <translation>计划</translation>
    </message>
    <message>
        <source>Actual</source>
        <translation>实际</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Live log</source>
        <translation>直播日志</translation>
    </message>
    <message>
        <source>Off air</source>
        <translation>已下播</translation>
    </message>
    <message>
        <source>READY — F5 starts the run</source>
        <translation>准备就绪 — 按 F5 开播</translation>
    </message>
    <message>
        <source>New run</source>
        <translation>重新开始</translation>
    </message>
    <message>
        <source>Delete this session's live log and start a new run?</source>
        <translation>删除本场的直播日志并重新开始？</translation>
    </message>
    <message>
        <source>on air</source>
        <translation>进行中</translation>
    </message>
    <message>
        <source>OFF AIR</source>
        <translation>已下播</translation>
    </message>
    <message>
        <source>The run is over</source>
        <translation>直播已结束</translation>
    </message>
    <message>
        <source>Expected end {time}</source>
        <translation>预计结束 {time}</translation>
    </message>
    <message>
        <source>Planned end {time}</source>
        <translation>计划结束 {time}</translation>
    </message>
    <message>
        <source>Lucky bag: draw now!</source>
        <translation>福袋：现在开奖！</translation>
    </message>
    <message>
        <source>{done} of {total} segments done</source>
        <translation>已完成 {done}/{total} 个环节</translation>
    </message>
    <message>
        <source>skipped</source>
        <translation>已跳过</translation>
    </message>
    <message>
        <source>Step {n}/{total} · {name} · {elapsed} of {budget}</source>
        <translation>第 {n}/{total} 步 · {name} · {elapsed} / {budget}</translation>
    </message>
    <message>
        <source>{elapsed} of {allowed}</source>
        <translation>已用 {elapsed} / {allowed}</translation>
    </message>
    <message>
        <source>Not possible now: {reason}</source>
        <translation>现在不能操作：{reason}</translation>
    </message>
    <message>
        <source>done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>{time} over</source>
        <translation>超时 {time}</translation>
    </message>
    <message>
        <source>{time} ahead</source>
        <translation>提前 {time}</translation>
    </message>
    <message>
        <source>Lucky bag {time}</source>
        <translation>福袋 {time}</translation>
    </message>
    <message>
        <source>Speed {speed:.0f} px/s · font {size}px · mirror {mirror} · Space start/pause, ↑↓ speed, +/- size, H/V mirror, C contrast</source>
        <translation>速度 {speed:.0f} 像素/秒 · 字号 {size}px · 镜像 {mirror} · 空格 开始/暂停，↑↓ 调速，+/- 字号，H/V 镜像，C 高对比</translation>
    </message>
    <message>
        <source>Script</source>
        <translation>脚本</translation>
    </message>
    <message>
        <source>Rehearse</source>
        <translation>彩排</translation>
    </message>
    <message>
        <source>Live console</source>
        <translation>直播场控</translation>
    </message>
    <message>
        <source>Whole plan (go on to the next product)</source>
        <translation>整场彩排（自动进入下一个商品）</translation>
    </message>
    <message>
        <source>◀ Previous step (←)</source>
        <translation>◀ 上一步 (←)</translation>
    </message>
    <message>
        <source>Start / pause (Space)</source>
        <translation>开始 / 暂停 (空格)</translation>
    </message>
    <message>
        <source>Next step (→) ▶</source>
        <translation>下一步 (→) ▶</translation>
    </message>
    <message>
        <source>Save take</source>
        <translation>保存本次彩排</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>重来</translation>
    </message>
    <message>
        <source>Products</source>
        <translation>商品</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>步骤</translation>
    </message>
    <message>
        <source>Budget</source>
        <translation>预算</translation>
    </message>
    <message>
        <source>Difference</source>
        <translation>差值</translation>
    </message>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Rehearsal history</source>
        <translation>彩排记录</translation>
    </message>
    <message>
        <source>No rehearsal of this product yet.</source>
        <translation>这个商品还没有彩排记录。</translation>
    </message>
    <message>
        <source>Choose a product</source>
        <translation>请选择商品</translation>
    </message>
    <message>
        <source>Running — Space pauses</source>
        <translation>计时中 — 空格暂停</translation>
    </message>
    <message>
        <source>Paused — Space starts</source>
        <translation>已暂停 — 空格开始</translation>
    </message>
    <message>
        <source>Speaking rate of {host}: {rate:.0f} chars/min</source>
        <translation>{host} 的语速：每分钟 {rate:.0f} 字</translation>
    </message>
    <message>
        <source>Step {n}/{total} · {name}</source>
        <translation>第 {n}/{total} 步 · {name}</translation>
    </message>
    <message>
        <source>Budget {budget} · left {left}</source>
        <translation>预算 {budget} · 剩余 {left}</translation>
    </message>
    <message>
        <source>Take finished: {total} of {budget}. Save it or start over.</source>
        <translation>本次彩排结束：用时 {total}，预算 {budget}。请保存或重来。</translation>
    </message>
    <message>
        <source>Budgets the takes suggest: {budgets}</source>
        <translation>按彩排建议的预算：{budgets}</translation>
    </message>
    <message>
        <source>Compliance: no problems found</source>
        <translation>合规检查：未发现问题</translation>
    </message>
    <message>
        <source>Compliance: {errors} errors, {warnings} warnings (hover the underlined words)</source>
        <translation>合规检查：{errors} 个错误，{warnings} 个警告（鼠标停在下划线词上查看原因）</translation>
    </message>
    <message>
        <source>Apply template</source>
        <translation>套用模板</translation>
    </message>
    <message>
        <source>Budgets from rehearsals</source>
        <translation>按彩排设预算</translation>
    </message>
    <message>
        <source>Save script</source>
        <translation>保存脚本</translation>
    </message>
    <message>
        <source>Insert line</source>
        <translation>插入话术</translation>
    </message>
    <message>
        <source>Team words</source>
        <translation>团队词库</translation>
    </message>
    <message>
        <source>Team words…</source>
        <translation>团队词库…</translation>
    </message>
    <message>
        <source>Estimated</source>
        <translation>预计</translation>
    </message>
    <message>
        <source> s</source>
        <translation> 秒</translation>
    </message>
    <message>
        <source>Script saved</source>
        <translation>脚本已保存</translation>
    </message>
    <message>
        <source>The texts are saved; the budgets apply once the product has a pitch in the run order.</source>
        <translation>话术已保存；该商品排进过款顺序后，预算才会生效。</translation>
    </message>
    <message>
        <source>no text yet</source>
        <translation>尚无话术</translation>
    </message>
    <message>
        <source>Banned words (one a line)</source>
        <translation>禁用词（每行一个）</translation>
    </message>
    <message>
        <source>Allowed phrases, never flagged (one a line)</source>
        <translation>放行词（不会被标记，每行一个）</translation>
    </message>
    <message>
        <source>Speaking rate {rate:.0f} chars/min</source>
        <translation>语速 每分钟 {rate:.0f} 字</translation>
    </message>
    <message>
        <source>Total ≈ {estimate} of {budget}</source>
        <translation>合计约 {estimate} / 预算 {budget}</translation>
    </message>
    <message>
        <source>{chars} chars ≈ {time}</source>
        <translation>{chars} 字 ≈ {time}</translation>
    </message>
    <message>
        <source>({over} over)</source>
        <translation>（超出 {over}）</translation>
    </message>
    <message>
        <source>Link up</source>
        <translation>上链接</translation>
    </message>
    <message>
        <source>Lucky bag</source>
        <translation>福袋</translation>
    </message>
    <message>
        <source>Incident</source>
        <translation>事故</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Not on air yet</source>
        <translation>尚未开播</translation>
    </message>
    <message>
        <source>Next: {segment}</source>
        <translation>下一个：{segment}</translation>
    </message>
    <message>
        <source>Live price {price}</source>
        <translation>直播价 {price}</translation>
    </message>
</context>
</TS>
