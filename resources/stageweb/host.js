// The host screen (主播提示屏): what is on air, a giant countdown in the console's phase colours, the
// script step with its time left, next up, the 福袋 countdown and the director's message.
"use strict";

(() => {
  const { word, setText, countdownText, clockText, level } = stage;
  let shownMarker = null;
  let flashTimer = null;
  const FLASH_MS = 6000;

  function renderSteps(state) {
    const box = document.getElementById("step-box");
    box.hidden = !state.step;
    if (!state.step) return;
    setText("step-name", state.step.name);
    setText("step-count", `${word("step")} ${state.step.index + 1}/${state.step.count}`);
    const dots = document.getElementById("step-dots");
    const wanted = state.steps.map((name, i) => `${i}:${name}:${i === state.step.index}`).join("|");
    if (dots.dataset.key !== wanted) {
      dots.dataset.key = wanted;
      dots.replaceChildren(
        ...state.steps.map((name, i) => {
          const li = document.createElement("li");
          li.textContent = name;
          li.className = i < state.step.index ? "done" : i === state.step.index ? "current" : "";
          return li;
        })
      );
    }
  }

  function flashMarker(marker) {
    const flash = document.getElementById("marker-flash");
    setText(flash, `${marker.name}${marker.note ? " · " + marker.note : ""}`);
    flash.hidden = false;
    clearTimeout(flashTimer);
    flashTimer = setTimeout(() => (flash.hidden = true), FLASH_MS);
  }

  function render(state, clock) {
    setText("session-title", state.session.title);
    const onAir = state.segment;
    const shown = onAir || state.first;
    const caption = state.state === "running" ? word("on_air") : state.state === "ready" ? word("ready") : word("finished");
    setText("on-air-word", caption);
    const chip = document.getElementById("kind-chip");
    setText(chip, shown ? shown.kind_name : word("off_air"));
    chip.style.background = shown ? shown.colour : "";
    let title = shown ? shown.product || shown.label : word("off_air");
    if (state.state === "ready" && shown) title = `${word("first_up")}: ${title}`;
    setText("product", title);
    setText("price", shown && shown.price ? `${word("live_price")} ${shown.price}` : "");
    setText("mechanism", shown ? shown.mechanism || shown.notes || "" : "");
    renderSteps(state);
    setText("step-remaining", state.step ? countdownText(clock.step_remaining) : "");
    const countdown = document.getElementById("countdown");
    const phase = onAir ? level(clock.remaining, state) : "idle";
    setText(countdown, onAir ? countdownText(clock.remaining) : "--:--");
    countdown.className = `countdown level-${phase}`;
    document.body.dataset.level = phase;
    setText("allowed", onAir ? `${clockText(clock.elapsed)} / ${clockText(state.allowed)}` : "");
    const message = document.getElementById("message");
    message.hidden = !state.message.text;
    setText(message, state.message.text);
    message.classList.toggle("blink", Boolean(state.message.blink));
    setText("next-label", state.next ? state.next.label : word("nothing_next"));
    const bag = document.getElementById("lucky-bag");
    bag.hidden = !state.lucky_bag;
    if (state.lucky_bag) {
      const left = clock.lucky_bag_remaining;
      setText("lucky-bag-time", left !== null && left <= 0 ? word("lucky_bag_now") : countdownText(left));
      bag.classList.toggle("due", left !== null && left <= 0);
    }
    const marker = document.getElementById("marker");
    marker.hidden = !state.marker;
    if (state.marker) {
      setText("marker-text", `${state.marker.name} ${state.marker.at}${state.marker.note ? " · " + state.marker.note : ""}`);
      // a new marker flashes across the screen; the first one seen after loading does not
      if (shownMarker !== null && shownMarker !== state.marker.id) flashMarker(state.marker);
      shownMarker = state.marker.id;
    } else if (shownMarker === null) {
      shownMarker = 0;
    }
  }

  function setUpOperator() {
    const bar = document.getElementById("operator");
    if (document.body.dataset.access !== "operator") return;
    bar.hidden = false;
    document.body.classList.add("with-operator");
    bar.querySelectorAll("button").forEach((button) =>
      button.addEventListener("click", () => {
        const body = { action: button.dataset.action };
        if (button.dataset.marker) body.marker = button.dataset.marker;
        stage
          .press(body)
          .then((ok) => setText("operator-feedback", ok ? `${word("sent")} ✓` : word("refused")))
          .catch(() => setText("operator-feedback", word("refused")));
      })
    );
  }

  setUpOperator();
  stage.start(render);
})();
