"""Chart functions `draw_x(ax, data) -> ax` on matplotlib Figures; no pyplot."""
