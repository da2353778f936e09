// What every LiveDesk view shares: the words, the token, the live stream with its own reconnection and
// stale indicator, and counting the clock down between pushes. Each page calls stage.start(render).
"use strict";

const stage = (() => {
  const WORDS = JSON.parse(document.getElementById("words").textContent);
  const TOKEN = new URLSearchParams(location.search).get("t") || "";
  const STALE_AFTER_MS = 5000; // the server speaks every 2 s at least; silence this long means trouble
  // The director's side re-sends the state every second; pings alone for this long mean the console (or
  // `livedesk serve`) stopped feeding the server, so what is on screen may be old.
  const NO_STATE_AFTER_MS = 8000;
  const RETRY_MS = [500, 1000, 2000, 4000]; // then every 4 s, for as long as the page is open
  let source = null;
  let attempt = 0;
  let lastHeard = 0;
  let lastState = 0;
  let retryTimer = null;
  let current = null; // {state, receivedAt (performance.now), seq, sentMs}
  let render = () => {};
  let stale = true;

  const word = (key) => (key in WORDS ? WORDS[key] : key);

  function clockText(seconds) {
    if (seconds === null || seconds === undefined) return "—";
    const sign = seconds < 0 ? "-" : "";
    const whole = Math.round(Math.abs(seconds));
    const h = Math.floor(whole / 3600);
    const m = Math.floor((whole % 3600) / 60);
    const s = whole % 60;
    const pad = (n) => String(n).padStart(2, "0");
    return h ? `${sign}${h}:${pad(m)}:${pad(s)}` : `${sign}${pad(m)}:${pad(s)}`;
  }

  // A countdown shows the whole seconds still left (rounded up), and time over as -mm:ss (as the console).
  function countdownText(remaining) {
    if (remaining === null || remaining === undefined) return "--:--";
    return remaining >= 0 ? clockText(Math.ceil(remaining)) : clockText(-Math.floor(-remaining));
  }

  function level(remaining, state) {
    if (remaining === null || remaining === undefined) return "idle";
    if (remaining < 0) return "overtime";
    if (remaining <= state.danger_seconds) return "danger";
    if (remaining <= state.warning_seconds) return "warning";
    return "normal";
  }

  // The clock values as they are now: the pushed values minus the time since they arrived (while on air).
  function clockNow() {
    if (!current) return {};
    const c = current.state.clock || {};
    if (current.state.state !== "running") return c;
    const dt = (performance.now() - current.receivedAt) / 1000;
    const minus = (v) => (v === null || v === undefined ? v : v - dt);
    return {
      ...c,
      remaining: minus(c.remaining),
      elapsed: c.elapsed === null || c.elapsed === undefined ? c.elapsed : c.elapsed + dt,
      step_remaining: minus(c.step_remaining),
      lucky_bag_remaining: minus(c.lucky_bag_remaining),
    };
  }

  function setText(id, text) {
    const el = typeof id === "string" ? document.getElementById(id) : id;
    if (el && el.textContent !== text) el.textContent = text;
  }

  function setStale(isStale, reason) {
    stale = isStale;
    document.body.classList.toggle("stale", isStale);
    const banner = document.getElementById("stale-banner");
    if (banner) {
      banner.hidden = !isStale;
      setText(banner, reason === "token" ? word("token_refused") : word("stale"));
    }
    document.body.classList.toggle("refused", reason === "token");
    setText("live-dot", isStale ? "○" : "●");
    setText("live-word", isStale ? "" : word("live"));
  }

  function apply(envelope) {
    // The director switched the app's language: load the page again in it (words are part of the page).
    const pageLang = envelope.lang === "zh_CN" ? "zh-CN" : envelope.lang;
    if (pageLang && pageLang !== document.documentElement.lang) {
      location.reload();
      return;
    }
    current = { state: envelope.state, receivedAt: performance.now(), seq: envelope.seq, sentMs: envelope.sent_ms };
    render(current.state, clockNow());
    // what the browser tests read: which push is on screen and when it was drawn (epoch ms)
    window.stageApplied = { seq: envelope.seq, sentMs: envelope.sent_ms, shownMs: performance.timeOrigin + performance.now() };
    document.body.dataset.seq = String(envelope.seq);
    document.body.dataset.state = envelope.state.state;
  }

  function scheduleRetry() {
    if (retryTimer) return;
    const delay = RETRY_MS[Math.min(attempt, RETRY_MS.length - 1)];
    attempt += 1;
    retryTimer = setTimeout(() => {
      retryTimer = null;
      connect();
    }, delay);
  }

  // After a failure, ask once whether the token still holds: a 403 means the director made a new one.
  function diagnose() {
    fetch(`api/state?t=${encodeURIComponent(TOKEN)}`, { cache: "no-store" })
      .then((response) => setStale(true, response.status === 403 ? "token" : "network"))
      .catch(() => setStale(true, "network"));
  }

  function connect() {
    if (source) source.close();
    source = new EventSource(`events?t=${encodeURIComponent(TOKEN)}`);
    source.addEventListener("state", (event) => {
      lastHeard = lastState = performance.now();
      attempt = 0;
      if (stale) setStale(false);
      apply(JSON.parse(event.data));
    });
    source.addEventListener("ping", () => {
      lastHeard = performance.now();
      attempt = 0;
      if (stale && current && performance.now() - lastState < NO_STATE_AFTER_MS) setStale(false);
    });
    source.onerror = () => {
      // The browser's own retry gives up on some failures; this page always retries on its own clock.
      source.close();
      source = null;
      setStale(true, "network");
      diagnose();
      scheduleRetry();
    };
  }

  function watchdog() {
    const now = performance.now();
    if (source && !stale && now - lastHeard > STALE_AFTER_MS) {
      setStale(true, "network");
      source.close();
      source = null;
      scheduleRetry();
    } else if (source && !stale && current && now - lastState > NO_STATE_AFTER_MS) {
      setStale(true, "network"); // connected, but nothing new is coming: say so, keep listening
    }
    if (current) render(current.state, clockNow());
  }

  function start(renderFunction) {
    render = renderFunction;
    document.querySelectorAll("[data-word]").forEach((el) => setText(el, word(el.dataset.word)));
    setStale(true, "network");
    connect();
    setInterval(watchdog, 200);
  }

  // The operator's keys (only pages opened with the operator token show them).
  function press(body) {
    return fetch(`api/action?t=${encodeURIComponent(TOKEN)}`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(body),
    }).then((response) => response.status === 202);
  }

  return { word, clockText, countdownText, level, setText, start, press, clockNow };
})();
