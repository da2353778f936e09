"""The 复盘 (review) workspace: imports, metrics, plan vs actual, roles, findings, action items, reports."""
