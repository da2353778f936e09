"""The 计划 (plan) workspace: product pool, run order, wave, validation, forecast and run sheets."""
