/*
 * Touchpoint web survey widget. One tag on every page of the shop:
 *   <script src="https://touchpoint.example/js/touchpoint-widget.js" data-write-key="WRITE_KEY"
 *           data-user-id="(optional)" data-lang="(optional: ko, en)" async></script>
 * API: touchpoint.track(event, properties), touchpoint.identify(userId, traits), touchpoint.page(),
 * touchpoint.reset(). Calls made before the script loads: window.touchpoint = window.touchpoint || [];
 * touchpoint.push(["track", "Order Completed", {...}]).
 * Plain JS, no dependencies. Docs: docs/api.md, "Web widget".
 */
(function (window, document) {
  "use strict";
  if (window.touchpoint && window.touchpoint.widget) {
    return; // the tag twice on one page
  }
  var script = document.currentScript || document.querySelector("script[data-write-key][src*='touchpoint-widget']");
  if (!script) {
    return;
  }
  var VERSION = "1";
  var base = new URL(script.src, window.location.href).origin;
  var writeKey = script.getAttribute("data-write-key") || "";
  var auth = "Basic " + window.btoa(writeKey + ":");
  var pageLang = script.getAttribute("data-lang");
  var position = script.getAttribute("data-position") === "bottom-left" ? "left" : "right";
  var userId = script.getAttribute("data-user-id") || load("tp_user_id");
  var anonymousId = load("tp_anonymous_id") || save("tp_anonymous_id", uuid());
  var pageEvents = [];
  var asked = false; // one survey per page view
  var checking = false;
  var checkAgain = false;

  var TEXTS = {
    en: {
      survey: "Survey", close: "Close survey", next: "Next", send: "Send", skip: "Skip",
      required: "Please choose an answer.", thanks: "Thank you for your feedback!",
      failed: "Sorry, your answer could not be saved. Please try again later.",
      nps: ["Not at all likely", "Extremely likely"], csat: ["Very dissatisfied", "Very satisfied"],
      ces: ["Strongly disagree", "Strongly agree"], rating: ["Poor", "Excellent"]
    },
    ko: {
      survey: "설문", close: "설문 닫기", next: "다음", send: "보내기", skip: "건너뛰기",
      required: "답을 선택해 주세요.", thanks: "소중한 의견 감사합니다!",
      failed: "응답을 저장하지 못했습니다. 잠시 후 다시 시도해 주세요.",
      nps: ["전혀 추천하지 않음", "매우 추천함"], csat: ["매우 불만족", "매우 만족"],
      ces: ["전혀 동의하지 않음", "매우 동의함"], rating: ["나쁨", "매우 좋음"]
    }
  };

  function load(key) {
    try { return window.localStorage.getItem(key); } catch (e) { return null; }
  }

  function save(key, value) {
    try {
      if (value == null) { window.localStorage.removeItem(key); } else { window.localStorage.setItem(key, value); }
    } catch (e) { /* storage off: the id lives as long as the page */ }
    return value;
  }

  function uuid() {
    var b = new Uint8Array(16);
    window.crypto.getRandomValues(b);
    b[6] = (b[6] & 0x0f) | 0x40;
    b[8] = (b[8] & 0x3f) | 0x80;
    var h = "";
    for (var i = 0; i < 16; i++) {
      h += (b[i] + 0x100).toString(16).slice(1) + (i === 3 || i === 5 || i === 7 || i === 9 ? "-" : "");
    }
    return h;
  }

  function call(method, path, body, keepalive) {
    var headers = { Authorization: auth };
    if (body) { headers["Content-Type"] = "application/json"; }
    return window.fetch(base + path, {
      method: method, headers: headers, body: body ? JSON.stringify(body) : undefined,
      mode: "cors", credentials: "omit", keepalive: !!keepalive
    });
  }

  /** Posts with up to three tries on network errors and 5xx; resolves with the response. */
  function post(path, body, keepalive) {
    var attempt = function (n) {
      return call("POST", path, body, keepalive).then(function (r) {
        if (r.status >= 500 && n < 3) { return wait(n * 1000).then(function () { return attempt(n + 1); }); }
        return r;
      }, function (e) {
        if (n < 3) { return wait(n * 1000).then(function () { return attempt(n + 1); }); }
        throw e;
      });
    };
    return attempt(1);
  }

  function wait(ms) {
    return new Promise(function (resolve) { window.setTimeout(resolve, ms); });
  }

  function message(type, fields) {
    var m = {
      type: type, anonymousId: anonymousId, messageId: uuid(), timestamp: new Date().toISOString(),
      context: {
        page: { url: window.location.href, path: window.location.pathname, title: document.title,
                referrer: document.referrer },
        userAgent: window.navigator.userAgent, locale: window.navigator.language,
        library: { name: "touchpoint-widget", version: VERSION }
      }
    };
    if (userId) { m.userId = userId; }
    for (var k in fields) { if (Object.prototype.hasOwnProperty.call(fields, k)) { m[k] = fields[k]; } }
    return m;
  }

  function track(event, properties) {
    if (typeof event !== "string" || !event) { return Promise.resolve(); }
    if (pageEvents.indexOf(event) < 0) { pageEvents.push(event); }
    return post("/v1/track", message("track", { event: event, properties: properties || {} }))
      .catch(function () { /* the event still counts for this page's targeting */ })
      .then(check);
  }

  function identify(id, traits) {
    if (id != null && id !== "") { userId = save("tp_user_id", String(id)); }
    return post("/v1/identify", message("identify", { traits: traits || {} })).catch(function () {}).then(check);
  }

  /** A new page in a single-page app: its own events and its own chance of a survey. */
  function page(name, properties) {
    pageEvents = [];
    asked = false;
    var fields = { properties: properties || {} };
    if (name) { fields.name = name; }
    return post("/v1/page", message("page", fields)).catch(function () {}).then(check);
  }

  /** Signed out: forget the user id and start a new anonymous id. */
  function reset() {
    userId = save("tp_user_id", null);
    anonymousId = save("tp_anonymous_id", uuid());
  }

  /** Asks which survey to show now; at most one request at a time, and one survey per page view. */
  function check() {
    if (asked || !writeKey) { return; }
    if (checking) { checkAgain = true; return; }
    checking = true;
    var q = "anonymousId=" + encodeURIComponent(anonymousId) + "&url=" + encodeURIComponent(window.location.href);
    if (userId) { q += "&userId=" + encodeURIComponent(userId); }
    if (pageEvents.length) { q += "&events=" + encodeURIComponent(pageEvents.join(",")); }
    if (pageLang) { q += "&lang=" + encodeURIComponent(pageLang); }
    var found = null;
    call("GET", "/v1/widget/survey?" + q).then(function (r) {
      if (r.status !== 200 || asked) { return null; }
      asked = true;
      return r.json().then(function (survey) {
        found = survey.id;
        window.setTimeout(function () { open(survey); }, Math.max(0, survey.delay || 0) * 1000);
      });
    }).catch(function () { /* no survey this time */ }).then(function () {
      checking = false;
      // for the page's own code (and tests): a survey request was answered, with or without a survey
      window.dispatchEvent(new window.CustomEvent("touchpoint:checked", { detail: { surveyId: found } }));
      if (checkAgain) { checkAgain = false; check(); }
    });
  }

  // ---- the panel -------------------------------------------------------------------------------

  var CSS = ":host{all:initial}" +
    ".panel{position:fixed;" + position + ":16px;bottom:16px;z-index:2147483000;box-sizing:border-box;width:360px;" +
    "max-width:calc(100vw - 32px);max-height:calc(100vh - 32px);overflow:auto;padding:16px;background:#fff;" +
    "color:#1f2430;border:1px solid #d5d8df;border-radius:12px;box-shadow:0 10px 30px rgba(16,24,40,.18);" +
    "font:14px/1.5 system-ui,-apple-system,'Segoe UI','Apple SD Gothic Neo','Malgun Gothic','Noto Sans KR'," +
    "NanumGothic,sans-serif;text-align:left}" +
    ".panel:focus{outline:none}" +
    ".close{position:absolute;top:6px;right:6px;width:32px;height:32px;padding:0;border:0;border-radius:6px;" +
    "background:transparent;color:#5b6170;font:20px/1 sans-serif;cursor:pointer}" +
    ".close:hover{background:#f0f2f5}" +
    ".q{margin:0 28px 12px 0;font-size:15px;font-weight:600}" +
    ".q:focus{outline:none}" +
    ".scores{display:flex;gap:4px}" +
    ".score{flex:1 1 0;min-width:0;height:36px;padding:0;border:1px solid #c9cdd6;border-radius:6px;" +
    "background:#fff;color:#1f2430;font:inherit;font-weight:600;cursor:pointer}" +
    ".score:hover,.choice:hover{border-color:#2f5bea;background:#eef2ff}" +
    ".ends{display:flex;justify-content:space-between;gap:8px;margin-top:6px;color:#5b6170;font-size:12px}" +
    ".choice{display:block;box-sizing:border-box;width:100%;margin:0 0 6px;padding:9px 12px;border:1px solid #c9cdd6;" +
    "border-radius:6px;background:#fff;color:#1f2430;font:inherit;text-align:left;cursor:pointer}" +
    "label.choice input{margin:0 8px 0 0}" +
    "textarea{display:block;box-sizing:border-box;width:100%;min-height:80px;padding:8px;border:1px solid #c9cdd6;" +
    "border-radius:6px;font:inherit;resize:vertical}" +
    ".actions{display:flex;justify-content:flex-end;gap:8px;margin-top:10px}" +
    ".primary,.secondary{padding:8px 16px;border-radius:6px;font:inherit;font-weight:600;cursor:pointer}" +
    ".primary{border:0;background:#2f5bea;color:#fff}" +
    ".secondary{border:1px solid #c9cdd6;background:#fff;color:#1f2430}" +
    "button:focus-visible,input:focus-visible,textarea:focus-visible{outline:3px solid #9db4ff;outline-offset:2px}" +
    ".error{margin:8px 0 0;color:#b42318;font-size:13px}" +
    ".thanks{margin:0 28px 0 0;font-size:15px}" +
    ".thanks:focus{outline:none}" +
    "@media (max-width:480px){.panel{left:8px;right:8px;bottom:8px;width:auto;max-width:none}}";

  function el(tag, attrs, text) {
    var node = document.createElement(tag);
    for (var k in attrs) { if (Object.prototype.hasOwnProperty.call(attrs, k)) { node.setAttribute(k, attrs[k]); } }
    if (text != null) { node.textContent = text; }
    return node;
  }

  function open(survey) {
    var languages = survey.languages || [];
    var browser = (window.navigator.language || "").slice(0, 2).toLowerCase();
    var lang = languages.indexOf(survey.language) >= 0 ? survey.language
      : languages.indexOf(browser) >= 0 ? browser : survey.defaultLanguage;
    var t = TEXTS[lang] || TEXTS.en;
    var responseId = uuid();
    var answers = {};
    var scores = {};
    var finished = false;
    var saving = Promise.resolve(true);
    var before = document.activeElement;

    var host = el("div", { id: "touchpoint-widget" });
    var root = host.attachShadow ? host.attachShadow({ mode: "open" }) : host;
    var style = el("style", {}, CSS);
    var panel = el("div", { "class": "panel", role: "dialog", "aria-modal": "false", "aria-label": t.survey,
                           tabindex: "-1", lang: lang });
    var closer = el("button", { type: "button", "class": "close", "aria-label": t.close }, "\u00d7");
    var body = el("div", {});
    panel.appendChild(closer);
    panel.appendChild(body);
    root.appendChild(style);
    root.appendChild(panel);
    document.body.appendChild(host);

    closer.addEventListener("click", function () { close(); });
    panel.addEventListener("keydown", function (e) {
      if (e.key === "Escape" || e.key === "Esc") { e.stopPropagation(); close(); }
    });

    function text(map) {
      if (!map) { return ""; }
      return map[lang] != null ? map[lang] : map[survey.defaultLanguage] != null ? map[survey.defaultLanguage] : "";
    }

    function shown(q) {
      var s = q.showIf;
      if (!s) { return true; }
      var v = scores[s.question];
      return v != null && (s.min == null || v >= s.min) && (s.max == null || v <= s.max);
    }

    function next(afterId) {
      var passed = afterId == null;
      for (var i = 0; i < survey.questions.length; i++) {
        var q = survey.questions[i];
        if (!passed) { passed = q.id === afterId; continue; }
        if (shown(q)) { return q; }
      }
      return null;
    }

    function active() {
      return root.activeElement || document.activeElement;
    }

    function store(done) {
      var payload = { surveyId: survey.id, responseId: responseId, anonymousId: anonymousId, answers: answers,
                      finished: done, language: lang, url: window.location.href };
      if (userId) { payload.userId = userId; }
      var snapshot = JSON.parse(JSON.stringify(payload));
      saving = saving.then(function () {
        return post("/v1/widget/responses", snapshot).then(function (r) { return r.ok || r.status === 409; });
      }).catch(function () { return false; });
      return saving;
    }

    function answer(q, value) {
      if (value != null) {
        answers[q.id] = value;
        if (typeof value === "number") { scores[q.id] = value; }
      }
      var following = next(q.id);
      if (value != null || !following) { store(!following); }
      if (following) { render(following); } else { thanks(); }
    }

    function focus(node) {
      // never take the focus from a shop's form field; once the visitor is in the panel, lead them on
      if (panel.contains(active()) || before === document.body || before == null) {
        node.focus();
      }
    }

    function render(q) {
      body.textContent = "";
      var title = el("p", { id: "tp-q", "class": "q", tabindex: "-1" }, text(q.text));
      body.appendChild(title);
      panel.setAttribute("aria-labelledby", "tp-q");
      var min = q.type === "nps" ? 0 : 1;
      var max = q.type === "nps" ? 10 : q.scale;
      if (q.type === "nps" || q.type === "csat" || q.type === "ces" || q.type === "rating") {
        var group = el("div", { "class": "scores", role: "group", "aria-labelledby": "tp-q" });
        var ends = t[q.type]; // the scale's ends; a CES statement's direction is in its own wording
        for (var s = min; s <= max; s++) {
          var label = s === min ? s + " – " + ends[0] : s === max ? s + " – " + ends[1] : String(s);
          var b = el("button", { type: "button", "class": "score", "aria-label": label, "data-score": String(s) },
                     String(s));
          b.addEventListener("click", (function (score) { return function () { answer(q, score); }; })(s));
          group.appendChild(b);
        }
        group.addEventListener("keydown", function (e) {
          var buttons = group.querySelectorAll("button");
          var at = Array.prototype.indexOf.call(buttons, active());
          if (at < 0) { return; }
          var to = e.key === "ArrowRight" ? at + 1 : e.key === "ArrowLeft" ? at - 1
            : e.key === "Home" ? 0 : e.key === "End" ? buttons.length - 1 : null;
          if (to != null && to >= 0 && to < buttons.length) { e.preventDefault(); buttons[to].focus(); }
        });
        body.appendChild(group);
        var endRow = el("div", { "class": "ends", "aria-hidden": "true" });
        endRow.appendChild(el("span", {}, ends[0]));
        endRow.appendChild(el("span", {}, ends[1]));
        body.appendChild(endRow);
        if (!q.required) { actions([[t.skip, "secondary", function () { answer(q, null); }]]); }
      } else if (q.type === "single_choice") {
        q.options.forEach(function (o) {
          var b = el("button", { type: "button", "class": "choice", "data-option": o.id }, text(o.text));
          b.addEventListener("click", function () { answer(q, o.id); });
          body.appendChild(b);
        });
        if (!q.required) { actions([[t.skip, "secondary", function () { answer(q, null); }]]); }
      } else if (q.type === "multi_choice") {
        var boxes = [];
        q.options.forEach(function (o) {
          var row = el("label", { "class": "choice" });
          var box = el("input", { type: "checkbox", value: o.id });
          boxes.push(box);
          row.appendChild(box);
          row.appendChild(document.createTextNode(text(o.text)));
          body.appendChild(row);
        });
        actions([[next(q.id) ? t.next : t.send, "primary", function () {
          var chosen = boxes.filter(function (b) { return b.checked; }).map(function (b) { return b.value; });
          if (!chosen.length && q.required) { return error(); }
          answer(q, chosen.length ? chosen : null);
        }]]);
      } else {
        var area = el("textarea", { "aria-labelledby": "tp-q", maxlength: String(q.maxLength || 2000), rows: "3" });
        body.appendChild(area);
        actions([[next(q.id) ? t.next : t.send, "primary", function () {
          var value = area.value.trim();
          if (!value && q.required) { return error(); }
          answer(q, value || null);
        }]]);
      }
      focus(title);
    }

    function actions(list) {
      var row = el("div", { "class": "actions" });
      list.forEach(function (a) {
        var b = el("button", { type: "button", "class": a[1] }, a[0]);
        b.addEventListener("click", a[2]);
        row.appendChild(b);
      });
      body.appendChild(row);
    }

    function error() {
      if (!body.querySelector(".error")) {
        body.appendChild(el("p", { "class": "error", role: "alert" }, t.required));
      }
    }

    function thanks() {
      finished = true;
      var nps = null;
      for (var i = 0; i < survey.questions.length; i++) {
        if (survey.questions[i].type === "nps") { nps = scores[survey.questions[i].id]; break; }
      }
      var outcome = nps == null ? null : nps >= 9 ? "promoter" : nps >= 7 ? "passive" : "detractor";
      var all = survey.thankYou || {};
      var words = text(outcome && all[outcome] ? all[outcome] : all["default"]) || t.thanks;
      body.textContent = "";
      var note = el("p", { "class": "thanks", role: "status", tabindex: "-1" }, words);
      body.appendChild(note);
      panel.removeAttribute("aria-labelledby");
      focus(note);
      saving.then(function (ok) {
        if (!ok) { note.textContent = t.failed; }
        window.setTimeout(function () { if (host.parentNode) { close(); } }, ok ? 8000 : 15000);
      });
    }

    function close() {
      var inside = panel.contains(active());
      if (host.parentNode) { host.parentNode.removeChild(host); }
      if (!finished) {
        finished = true;
        var payload = { surveyId: survey.id, responseId: responseId, anonymousId: anonymousId,
                        url: window.location.href };
        if (userId) { payload.userId = userId; }
        saving.then(function () { return post("/v1/widget/dismissals", payload, true); }).catch(function () {});
      }
      if (inside && before && before.focus) { before.focus(); }
    }

    var first = next(null);
    if (first) { render(first); } else { close(); }
  }

  // ---- the public face -------------------------------------------------------------------------

  var queued = Array.isArray(window.touchpoint) ? window.touchpoint : [];
  var api = {
    widget: VERSION,
    track: track,
    identify: identify,
    page: page,
    reset: reset,
    push: function (call) {
      if (call && typeof api[call[0]] === "function" && call[0] !== "push") {
        return api[call[0]].apply(null, Array.prototype.slice.call(call, 1));
      }
      return null;
    }
  };
  window.touchpoint = api;
  // calls made before the script loaded ask for a survey once they are stored (so an event tracked
  // on this page has reached the person's profile first); without any, ask now
  var started = queued.map(api.push).filter(function (p) { return p; });
  if (!started.length) { check(); }
})(window, document);
