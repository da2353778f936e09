"""Sentences the command line prints (codes `cli.*`): its listings, its summaries and the mistakes a user
can fix, in the `--lang` language (Chinese by default). Machine output (`--json`) stays in codes.
Part of the catalogue in livedesk.words.messages."""

from __future__ import annotations

# code: (zh_CN, en)
CLI_MESSAGES: dict[str, tuple[str, str]] = {
    # -- arguments and files ---------------------------------------------------------------------------
    "cli.interrupted": ("已中断", "interrupted"),
    "cli.needs_action": ("“{command}”后面需要一个子命令", "'{command}' needs a sub-command"),
    "cli.file_not_found": ("找不到文件：{file}", "file not found: {file}"),
    "cli.not_a_session_id": (
        "“{text}”不是场次编号；`livedesk sessions list` 可列出编号",
        "'{text}' is not a session id; `livedesk sessions list` shows the ids",
    ),
    "cli.no_session": (
        "没有编号为 {session} 的场次；`livedesk sessions list` 可列出编号",
        "there is no session {session}; `livedesk sessions list` shows the ids",
    ),
    "cli.positive": ("{option} 必须是正数", "{option} must be a positive number"),
    "cli.positive_minutes": ("{option} 必须是正的分钟数", "{option} must be a positive number of minutes"),
    "cli.not_negative": ("{option} 不能是负数", "{option} must not be negative"),
    "cli.at_least": ("{option} 至少是 {least}", "{option} must be at least {least}"),
    "cli.empty_title": ("--title 不能为空", "--title must not be empty"),
    "cli.bad_start": (
        "“{text}”不是开播时间；请写成 YYYY-MM-DDTHH:MM",
        "'{text}' is not a start time; write it as YYYY-MM-DDTHH:MM",
    ),
    "plan.bad_pattern_role": (
        "节奏里的“{word}”不是角色（traffic 引流款、profit 利润款、image 形象款、clearance 清仓款）",
        "'{word}' in the pattern is not a role (traffic, profit, image, clearance)",
    ),
    "plan.empty_pattern": (
        "节奏里没有角色；请写成 traffic,profit,profit,clearance,profit,image 这样",
        "the pattern names no role; write e.g. traffic,profit,profit,clearance,profit,image",
    ),
    "cli.bad_suffix": (
        "{file}：请写成 {suffixes} 文件",
        "{file}: write it as a {suffixes} file",
    ),
    "cli.no_folder": ("文件夹 {folder} 不存在", "the folder {folder} does not exist"),
    "cli.no_folder_for": (
        "{file} 所在的文件夹不存在；请先创建它，或换一个 --out",
        "the folder of {file} does not exist; create it or choose another --out",
    ),
    "cli.is_a_folder": (
        "{file} 是文件夹；请给出文件名，例如 {example}",
        "{file} is a folder; give a file name such as {example}",
    ),
    "cli.cannot_write": ("无法写入 {file}（{reason}）", "cannot write {file}: {reason}"),
    "cli.cannot_read": ("无法读取 {file}（{reason}）", "cannot read {file}: {reason}"),
    "cli.not_text": (
        "{file} 不是文本文件（既不是 UTF-8 也不是 GB18030）；请把脚本存成 UTF-8 文本",
        "{file} is not a text file (neither UTF-8 nor GB18030); save the script as UTF-8 text",
    ),
    "cli.bad_port": (
        "--port {port} 不是端口；请给 1 到 65535 之间的数（0 表示自动选一个空闲端口）",
        "--port {port} is not a port; give a number from 1 to 65535 (0 picks a free one)",
    ),
    "cli.bad_size": (
        "--size 应写成 1920x1080 这样，而不是“{size}”",
        "--size must look like 1920x1080, not '{size}'",
    ),
    "cli.png_only": ("--out 必须是 .png 文件，而不是“{file}”", "--out must name a .png file, not '{file}'"),
    "cli.no_display": (
        "没有可以显示窗口的屏幕；请在 X（DISPLAY）或 xvfb-run 下运行，或用 "
        "`livedesk screenshot --workspace plan --out plan.png` 画一张图",
        "no display to open the window on; run under X (DISPLAY) or xvfb-run, or render a picture "
        "with `livedesk screenshot --workspace plan --out plan.png`",
    ),
    "samples.folder_missing": (
        "样例文件夹 {folder} 不存在；请运行 `livedesk samples generate --out {folder}`",
        "the sample folder {folder} does not exist; run `livedesk samples generate --out {folder}`",
    ),
    "samples.file_missing": (
        "样例文件夹 {folder} 里缺少 {file}；请运行 `livedesk samples generate --out {folder}`",
        "sample file {file} is missing in {folder}; run `livedesk samples generate --out {folder}`",
    ),
    "samples.refused": ("样例文件夹 {folder}：{reason}", "{reason} (sample folder {folder})"),
    # -- sessions --------------------------------------------------------------------------------------
    "cli.sessions.none_match": ("没有符合条件的场次", "no session matches"),
    "cli.sessions.none_yet": (
        "还没有场次；`livedesk samples load` 可载入样例场次",
        "no sessions yet; `livedesk samples load` loads the sample sessions",
    ),
    "cli.minutes": ("{minutes} 分钟", "{minutes} min"),
    # -- plan, log, samples ----------------------------------------------------------------------------
    "cli.plan.row_warning": ("{file} 第 {row} 行：{text}", "{file} row {row}: {text}"),
    "cli.plan.exported": ("{file}\t{segments} 个环节", "{file}\t{segments} segments"),
    "cli.log.exported": ("已把 {events} 条事件写入 {file}", "{events} events written to {file}"),
    "cli.samples.generated": (
        "已在 {seconds} 秒内把 {lines} 条订单行和场次文件写入 {folder}",
        "wrote {lines} order lines and the session files into {folder} in {seconds} s",
    ),
    "cli.samples.numbers": (
        "成交金额 {gmv_fen}，已支付 {orders} 行，观看 {pv} 次，千次观看成交金额 {gpm_fen}",
        "GMV {gmv_fen} in {orders} paid lines, {pv} views, GPM {gpm_fen}",
    ),
    "cli.samples.studio_progress": ("{done}/{total} 场", "{done}/{total} sessions"),
    "cli.samples.studio_written": (
        "已在 {seconds} 秒内写入 {accounts} 个账号的 {sessions} 场（{lines} 条订单行，{events} 条直播日志事件）",
        "wrote {sessions} sessions of {accounts} accounts ({lines} order lines, {events} live-log events) "
        "in {seconds} s",
    ),
    # -- serve and lint ------------------------------------------------------------------------------------
    "cli.serve.prompter": ("提词器：{url}", "prompter: {url}"),
    "cli.serve.rundown": ("流程单：{url}", "run order: {url}"),
    "cli.serve.stopped": ("浏览器视图已停止", "stopped"),
    "cli.serve.log_unreadable": ("暂时读不到直播日志，正在重试", "cannot read the live log; retrying"),
    "cli.lint.hit": (
        "{file}:{line}:{column}: {severity} [{category}] {text} — {reason}；建议：{suggestion}",
        "{file}:{line}:{column}: {severity} [{category}] {text} — {reason}; suggestion: {suggestion}",
    ),
    "cli.lint.count": ("{hits} 处命中，其中 {errors} 处违禁", "{hits} hit(s), {errors} error(s)"),
    # -- review ----------------------------------------------------------------------------------------
    "cli.review.findings": ("发现：{count} 条", "findings: {count}"),
}
