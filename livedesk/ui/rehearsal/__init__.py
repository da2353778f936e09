"""The 彩排/直播 workspace: scripts, compliance lint, rehearsal timers, prompter and the live console."""
