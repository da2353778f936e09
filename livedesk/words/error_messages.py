"""Sentences for the errors of the store, the session files, the product pool, the compliance lexicon and
the browser views' server (codes `store.*`, `session.*`, `session_file.*`, `pool.*`, `lexicon.*`, `stage.*`).

Each error carries its code and values; the screens and the CLI word them here, and what a library said
about it stays in the error's `details` and the log. Part of the catalogue in livedesk.words.messages.
"""

from __future__ import annotations

# code: (zh_CN, en)
ERROR_MESSAGES: dict[str, tuple[str, str]] = {
    # -- the store -------------------------------------------------------------------------------------
    "store.not_a_url": (
        "“{url}”不是数据库地址；请给出 SQLite 文件路径，或 postgresql://用户:密码@主机/数据库。",
        "'{url}' is not a database URL; give a SQLite file path or postgresql://user:pass@host/db.",
    ),
    "store.unsupported": (
        "不支持数据库“{url}”；请使用 SQLite 文件或 PostgreSQL。",
        "database '{url}' is not supported; use a SQLite file or PostgreSQL.",
    ),
    "store.newer_schema": (
        "数据库 {url} 的结构版本是 {version}，比这个 LiveDesk（{ours}）新；请更新 LiveDesk。",
        "the database {url} has schema version {version}, newer than this LiveDesk ({ours}); update LiveDesk.",
    ),
    # The server's own answer (a refused connection, a wrong password) is what the user acts on: it is a
    # value here, quoted as the database said it.
    "store.cannot_open": (
        "无法打开数据库 {url}（数据库的回答：{reason}）；请检查 --db 或 {env}。",
        "cannot open the database {url} ({reason}); check --db or {env}.",
    ),
    "store.cannot_use": (
        "数据库 {url} 无法使用；请稍后再试，共享数据库请检查网络。",
        "cannot use the database {url}; try again in a moment, and check the network if it is shared.",
    ),
    "session.not_found": (
        "这个场次已不存在（编号 {session}），可能已被删除；请在场次列表中选择另一场。",
        "there is no session {session} (it may have been deleted); choose another session in the list.",
    ),
    # -- LiveDesk session files (*.livedesk.json) ------------------------------------------------------
    "session_file.not_found": ("{file}：文件不存在。", "{file}: file not found."),
    "session_file.not_json": (
        "{file}：不是 LiveDesk 场次文件（不是 UTF-8 编码的 JSON）。",
        "{file} is not a LiveDesk session file (not UTF-8 JSON).",
    ),
    "session_file.in_file": ("场次文件 {file}：{reason}", "{file}: {reason}"),
    "session_file.not_session_file": (
        '不是 LiveDesk 场次文件（缺少 "format": "{format}"）',
        'not a LiveDesk session file (missing "format": "{format}")',
    ),
    "session_file.version_unsupported": (
        "文件版本 {version} 太新，这个 LiveDesk 最多读取版本 {max_version}",
        "version {version} is not supported by this LiveDesk (reads up to {max_version})",
    ),
    "session_file.duplicate_product": (
        "商品编号 {product} 在货盘里出现了两次",
        "product id {product} appears twice in the pool",
    ),
    "session_file.bad_timezone": (
        "session.timezone “{zone}”不是已知的时区",
        "session.timezone '{zone}' is not a known time zone",
    ),
    "session_file.bad_start": (
        "session.start “{text}”不是 ISO 8601 时间",
        "session.start '{text}' is not an ISO 8601 time",
    ),
    "session_file.start_without_offset": (
        "session.start “{text}”没有时区偏移（请写成 2026-11-14T20:00:00+08:00 这样）",
        "session.start '{text}' has no UTC offset (write it like 2026-11-14T20:00:00+08:00)",
    ),
    "session_file.bad_choice": (
        "{where} “{value}”不是 {choices} 之一",
        "{where} '{value}' is not one of {choices}",
    ),
    "session_file.unknown_product": (
        "{where} 引用了商品 {product}，但它不在货盘里",
        "{where} names product {product}, which is not in the pool",
    ),
    "session_file.not_object": ("{where} 必须是对象", "{where} must be an object"),
    "session_file.not_list": ("{where} 必须是列表", "{where} must be a list"),
    "session_file.missing": ("缺少 {where}", "{where} is missing"),
    "session_file.not_text": ("{where} 必须是文字", "{where} must be text"),
    "session_file.bad_seconds": (
        "{where} 必须是秒数（0 或以上的整数）",
        "{where} must be a whole number of seconds (0 or more)",
    ),
    "session_file.not_int": ("{where} 必须是整数或 null", "{where} must be a whole number or null"),
    "session_file.not_number": ("{where} 必须是数字或 null", "{where} must be a number or null"),
    # -- the product pool file (planner) ---------------------------------------------------------------
    "pool.missing_file": ("{file}：文件不存在。", "{file} does not exist."),
    "pool.not_spreadsheet": (
        "{file}：不是能打开的电子表格（可能已损坏）；请在 Excel 或 WPS 里另存一次。",
        "{file} is not a readable spreadsheet (it may be damaged); save it again from Excel or WPS.",
    ),
    "pool.not_text": (
        "{file}：既不是 UTF-8 也不是 GBK 编码的文本。",
        "{file} is neither UTF-8 nor GBK text.",
    ),
    "pool.not_csv_or_xlsx": ("{file}：不是 CSV 或 XLSX 文件。", "{file} is not a CSV or XLSX file."),
    "pool.no_header": (
        "{file}：找不到表头行（应有 商品ID、商品名称、角色 这样的列）。",
        "{file} has no recognisable header row (expected columns such as 商品ID, 商品名称, 角色).",
    ),
    "pool.no_product_id": (
        "{file}：没有商品编号列（商品ID / product_id）；请把其中一列映射为商品编号。",
        "{file} has no product id column (商品ID / product_id); map one of its columns to it.",
    ),
    "pool.no_products": (
        "{file}：没有商品行；请在表头行下面填写商品。",
        "{file} holds no product rows; add products below the header row.",
    ),
    "pool.duplicate_ids": (
        "{file}：商品编号重复（{ids}）；请给每个商品一个自己的编号后再运行。",
        "{file} repeats product ids ({ids}); give every product its own id and run again.",
    ),
    # -- the compliance lexicon ------------------------------------------------------------------------
    "lexicon.file_unreadable": (
        "词库文件 {file} 读不了（不是 UTF-8 编码的 JSON）。",
        "lexicon file {file} cannot be read (it is not UTF-8 JSON).",
    ),
    "lexicon.no_term": (
        "词库条目 {entry} 既没有词语（term）也没有模式（pattern）",
        "lexicon entry {entry} has neither a term nor a pattern",
    ),
    "lexicon.no_category": ("词库条目“{term}”没有类别", "lexicon entry '{term}' has no category"),
    "lexicon.bad_severity": (
        "词库条目“{term}”的严重程度是 {value}；请用 error、warning 或 info",
        "lexicon entry '{term}' has severity {value}; use error, warning or info",
    ),
    "lexicon.bad_pattern": (
        "词库条目“{term}”的模式（正则表达式）写错了",
        "lexicon entry '{term}' has a bad pattern (regular expression)",
    ),
    "lexicon.no_entries": ("{source} 没有 entries 列表", "{source} has no 'entries' list"),
    "lexicon.entry_not_object": (
        "{source} 里有一个条目不是对象：{entry}",
        "{source} has an entry that is not an object: {entry}",
    ),
    # -- the browser views' server ---------------------------------------------------------------------
    "stage.already_running": (
        "浏览器视图已经在运行；请先停止它。",
        "the view server is already running; stop it first.",
    ),
    "stage.start_timeout": (
        "浏览器视图没能在 {seconds} 秒内在 {host}:{port} 上启动。",
        "the view server did not start on {host}:{port} within {seconds} s.",
    ),
    "stage.cannot_listen": (
        "浏览器视图无法在 {host}:{port} 上监听（端口可能已被占用，或这个地址不属于这台电脑）；请换一个端口或地址。",
        "the view server cannot listen on {host}:{port} (the port may be in use, or the address is not this "
        "computer's); choose another port or address.",
    ),
    "stage.not_started": ("浏览器视图还没有启动。", "the view server has not been started."),
    "stage.operator_token_off": ("操作员令牌已关闭。", "the operator token is off."),
}
