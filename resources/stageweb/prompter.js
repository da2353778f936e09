// The prompter (提词器) in a browser: the current product's script, the running step highlighted and kept
// near the top; mirroring and the font size belong to this device only (kept in its localStorage).
"use strict";

(() => {
  const { word, setText, countdownText, level } = stage;
  const view = document.getElementById("script-view");
  const script = document.getElementById("script");
  // size null: the page's own size for this screen (larger on a TV than on a phone) until A−/A+ is pressed
  const settings = { mirror: false, size: null, ...JSON.parse(localStorage.getItem("livedesk-prompter") || "{}") };
  let shownKey = null;

  function currentSize() {
    return parseFloat(getComputedStyle(script).fontSize);
  }

  function applySettings() {
    if (settings.size !== null) {
      settings.size = Math.max(20, Math.min(160, settings.size));
      document.documentElement.style.setProperty("--prompter-size", `${settings.size}px`);
    }
    view.classList.toggle("mirrored", settings.mirror);
    document.getElementById("mirror").setAttribute("aria-pressed", String(settings.mirror));
    localStorage.setItem("livedesk-prompter", JSON.stringify(settings));
  }

  document.getElementById("mirror").addEventListener("click", () => {
    settings.mirror = !settings.mirror;
    applySettings();
  });
  document.getElementById("smaller").addEventListener("click", () => {
    settings.size = currentSize() - 4;
    applySettings();
  });
  document.getElementById("larger").addEventListener("click", () => {
    settings.size = currentSize() + 4;
    applySettings();
  });

  function render(state, clock) {
    setText("script-title", state.script.title || word("off_air"));
    const mini = document.getElementById("prompter-countdown");
    setText(mini, state.segment ? countdownText(clock.remaining) : "");
    mini.className = `mini-countdown level-${state.segment ? level(clock.remaining, state) : "idle"}`;
    const key = JSON.stringify(state.script);
    if (key === shownKey) return;
    shownKey = key;
    const blocks = state.script.blocks.filter((b) => b.text.trim() || b.name);
    if (!blocks.length) {
      const empty = document.createElement("p");
      empty.className = "empty";
      empty.textContent = word("no_script");
      script.replaceChildren(empty);
      return;
    }
    script.replaceChildren(
      ...blocks.map((block) => {
        const section = document.createElement("section");
        section.className = `block${block.current ? " current" : ""}`;
        section.dataset.step = block.key;
        if (block.name) {
          const name = document.createElement("h2");
          name.textContent = block.name;
          section.append(name);
        }
        const text = document.createElement("p");
        text.textContent = block.text.trim() || "…";
        section.append(text);
        return section;
      })
    );
    const current = script.querySelector(".block.current");
    if (current) view.scrollTo({ top: current.offsetTop - view.clientHeight * 0.15, behavior: "smooth" });
  }

  applySettings();
  stage.start(render);
})();
