// The read-only run order for the team: every segment with its planned start and length, what it took,
// and which one is on air; the totals against the plan on top.
"use strict";

(() => {
  const { word, setText, clockText } = stage;
  let shownKey = null;

  function render(state, clock) {
    setText("session-title", state.session.title);
    const late = clock.over_under;
    const overUnder = document.getElementById("over-under");
    setText(overUnder, late === null || late === undefined ? "—" : `${clockText(Math.abs(late))} ${late > 0 ? word("over") : word("ahead")}`);
    overUnder.className = `over-under ${late > 0 ? "late" : late === null || late === undefined ? "" : "early"}`;
    setText("expected-end", clock.expected_end || "—");
    setText("planned-end", state.planned_end || "—");
    setText("progress", `${state.done}/${state.total}`);
    const key = JSON.stringify(state.run_order);
    if (key === shownKey) return;
    shownKey = key;
    const rows = document.getElementById("rows");
    rows.replaceChildren(
      ...state.run_order.map((segment) => {
        const row = document.createElement("div");
        row.className = `row ${segment.state}`;
        row.dataset.index = String(segment.index);
        row.style.setProperty("--segment-colour", segment.colour);
        const cells = [
          ["num", String(segment.number)],
          ["start", segment.planned_start || ""],
          ["seg", segment.label],
          ["planned", clockText(segment.planned_seconds)],
          ["actual", segment.actual_seconds === null ? "—" : clockText(segment.actual_seconds)],
          ["state", word(`state_${segment.state}`)],
        ];
        row.append(
          ...cells.map(([name, text]) => {
            const cell = document.createElement("span");
            cell.className = name;
            cell.textContent = text;
            return cell;
          })
        );
        return row;
      })
    );
    const onAir = rows.querySelector(".row.on_air");
    if (onAir) onAir.scrollIntoView({ block: "center", behavior: "smooth" });
  }

  stage.start(render);
})();
