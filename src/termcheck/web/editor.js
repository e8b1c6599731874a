// termcheck's editor page: paste or upload, check through /v1/check, accept or ignore each finding.
// User text only ever reaches the page as textContent or a text node, never as markup.
(function () {
  "use strict";
  var $ = function (id) { return document.getElementById(id); };
  var CATEGORIES = {leader: "领导人姓名职务", name: "机构名称", formulation: "规范表述", sensitive: "敏感词",
    typo: "错别字", typography: "标点格式", privacy: "个人信息", secrecy: "涉密信息"};
  var SEVERITIES = {error: "错误", warning: "警告", info: "提示"};
  var SOURCES = {option: "按所填日期", today: "文中未见成文日期，按今天", signature: "按文末落款日期", "issued-line": "按成文日期",
    "html-meta": "按网页发布日期", "docx-properties": "按文档属性中的日期", wenhao: "按文号年份"};
  var state = {text: "", findings: [], ignoredRules: {}, report: null, upload: null, checking: false};

  function say(message) { $("status").textContent = message || ""; }

  // Offsets from the server count code points; JavaScript strings count UTF-16 units.
  function unitOffsets(text) {
    var units = [];
    for (var j = 0; j < text.length; j++) {
      units.push(j);
      var c = text.charCodeAt(j);
      if (c >= 0xd800 && c < 0xdc00) { j++; }
    }
    units.push(text.length);
    return units;  // units[k]: where code point k starts
  }

  function check() {
    if (state.checking) { return; }
    state.checking = true;
    var text = $("draft").value;
    var body = {text: text, format: "json"};
    if ($("asof").value) { body.as_of = $("asof").value; }
    say("正在检查……");
    fetch("/v1/check", {method: "POST", headers: {"Content-Type": "application/json"}, body: JSON.stringify(body)})
      .then(function (response) { return response.json().then(function (data) { return [response, data]; }); })
      .then(function (pair) {
        var response = pair[0], data = pair[1];
        if (!response.ok) { say(data.error || ("检查失败（HTTP " + response.status + "）")); return; }
        var file = data.files[0];
        var units = unitOffsets(text);
        state.text = text;
        state.report = data;
        state.findings = file.findings.map(function (f, n) {
          return {id: n, rule: f.rule, category: f.category, severity: f.severity, message: f.message,
            suggestions: f.suggestions || [], start: units[f.start], end: units[f.end], text: f.text};
        }).filter(function (f) { return !state.ignoredRules[f.rule]; });
        $("judged").textContent = "检查日期：" + (file.as_of_year_only ? file.as_of.slice(0, 4) + "年" : file.as_of) + "（" + (SOURCES[file.as_of_source] || file.as_of_source) + "）";
        say(state.findings.length ? "" : "未发现问题。");
        render();
      })
      .catch(function (error) { say("检查失败：" + error); })
      .then(function () {
        state.checking = false;
        document.body.dataset.checks = String(Number(document.body.dataset.checks || 0) + 1);  // for tests and scripts
      });
  }

  function render() {
    var view = $("view"), list = $("list");
    view.textContent = "";
    list.textContent = "";
    var text = state.text, at = 0, fragment = document.createDocumentFragment();
    var shown = state.findings.slice().sort(function (a, b) { return a.start - b.start || b.end - a.end; });
    shown.forEach(function (f) {
      if (f.start < at) { return; }  // overlapping: listed, not marked twice
      fragment.appendChild(document.createTextNode(text.slice(at, f.start)));
      var mark = document.createElement("mark");
      mark.className = f.severity;
      mark.id = "m" + f.id;
      mark.tabIndex = 0;
      mark.title = f.message;
      mark.textContent = text.slice(f.start, f.end);
      mark.addEventListener("click", function () { focusItem(f.id); });
      mark.addEventListener("keydown", function (e) {
        if (e.key === "Enter") { e.preventDefault(); focusItem(f.id); }  // or the Enter would press the button it lands on
      });
      fragment.appendChild(mark);
      at = f.end;
    });
    fragment.appendChild(document.createTextNode(text.slice(at)));
    view.appendChild(fragment);
    var groups = {};
    shown.forEach(function (f) { (groups[f.category] = groups[f.category] || []).push(f); });
    Object.keys(groups).forEach(function (category) {
      var group = document.createElement("div");
      group.className = "group";
      var title = document.createElement("h3");
      title.textContent = (CATEGORIES[category] || category) + "（" + groups[category].length + "）";
      group.appendChild(title);
      groups[category].forEach(function (f) { group.appendChild(item(f)); });
      list.appendChild(group);
    });
    $("count").textContent = "（" + state.findings.length + "）";
    $("save-text").disabled = false;
    $("save-json").disabled = !state.report;
    $("save-docx").disabled = !(state.upload && /\.docx$/i.test(state.upload.name));
  }

  function item(f) {
    var box = document.createElement("div");
    box.className = "item";
    box.id = "i" + f.id;
    var what = document.createElement("button");
    what.type = "button";
    what.className = "what";
    var sev = document.createElement("span");
    sev.className = "sev " + f.severity;
    sev.textContent = SEVERITIES[f.severity] || f.severity;
    what.appendChild(sev);
    what.appendChild(document.createTextNode("“" + f.text + "” " + f.message));
    what.addEventListener("click", function () { focusMark(f.id); });
    box.appendChild(what);
    var actions = document.createElement("div");
    actions.className = "actions";
    f.suggestions.forEach(function (s) {
      actions.appendChild(button("接受：" + s, "accept", function () { accept(f.id, s); }));
    });
    actions.appendChild(button("忽略", "ignore", function () { drop(function (g) { return g.id === f.id; }); }));
    actions.appendChild(button("忽略此规则", "ignore-rule", function () {
      state.ignoredRules[f.rule] = true;
      drop(function (g) { return g.rule === f.rule; });
    }));
    box.appendChild(actions);
    return box;
  }

  function button(label, kind, action) {
    var b = document.createElement("button");
    b.type = "button";
    b.className = kind;
    b.textContent = label;
    b.addEventListener("click", action);
    return b;
  }

  function focusMark(id) {
    var mark = $("m" + id);
    if (mark) { mark.scrollIntoView({block: "center"}); mark.focus(); }
  }

  function focusItem(id) {
    var box = $("i" + id);
    if (box) { box.scrollIntoView({block: "center"}); box.querySelector("button").focus(); }
  }

  function drop(which) {
    state.findings = state.findings.filter(function (f) { return !which(f); });
    render();
  }

  // The text changes at one finding; later findings move by the difference, overlapping ones go.
  function accept(id, suggestion) {
    var f = state.findings.filter(function (g) { return g.id === id; })[0];
    if (!f) { return; }
    var delta = suggestion.length - (f.end - f.start);
    state.text = state.text.slice(0, f.start) + suggestion + state.text.slice(f.end);
    state.findings = state.findings.filter(function (g) {
      return g.id !== id && (g.end <= f.start || g.start >= f.end);
    }).map(function (g) {
      if (g.start >= f.end) { g.start += delta; g.end += delta; }
      return g;
    });
    $("draft").value = state.text;
    render();
  }

  function download(name, blob) {
    var link = document.createElement("a");
    link.href = URL.createObjectURL(blob);
    link.download = name;
    document.body.appendChild(link);
    link.click();
    setTimeout(function () { URL.revokeObjectURL(link.href); link.remove(); }, 1000);
  }

  function stem() {
    return state.upload ? state.upload.name.replace(/\.[^.]*$/, "") : "文稿";
  }

  function upload(file) {
    if (!file) { return; }
    say("正在读取 " + file.name + "……");
    file.arrayBuffer().then(function (bytes) {
      return fetch("/v1/document?name=" + encodeURIComponent(file.name), {method: "POST", body: bytes})
        .then(function (response) { return response.json().then(function (data) { return [response, data, bytes]; }); });
    }).then(function (triple) {
      var response = triple[0], data = triple[1];
      if (!response.ok) {
        say(response.status === 413 ? "文件超过服务允许的大小：" + (data.error || "") : (data.error || "无法读取该文件"));
        return;
      }
      state.upload = {name: file.name, bytes: triple[2]};
      $("draft").value = data.text;
      check();
    }).catch(function (error) { say("无法读取该文件：" + error); });
  }

  function saveDocx() {
    var query = "name=" + encodeURIComponent(state.upload.name) + "&ignore=" + encodeURIComponent(Object.keys(state.ignoredRules).join(","));
    if ($("asof").value) { query += "&as_of=" + $("asof").value; }
    fetch("/v1/annotate-docx?" + query, {method: "POST", body: state.upload.bytes}).then(function (response) {
      if (!response.ok) { return response.json().then(function (data) { say(data.error || "无法生成批注文档"); }); }
      return response.blob().then(function (blob) { download(stem() + ".annotated.docx", blob); });
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    $("check").addEventListener("click", check);
    $("draft").addEventListener("keydown", function (e) {
      if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) { e.preventDefault(); check(); }
    });
    $("file").addEventListener("change", function () { upload($("file").files[0]); });
    $("save-text").addEventListener("click", function () {
      download(stem() + ".校对后.txt", new Blob([state.text], {type: "text/plain;charset=utf-8"}));
    });
    $("save-json").addEventListener("click", function () {
      download(stem() + ".termcheck.json", new Blob([JSON.stringify(state.report, null, 2)], {type: "application/json"}));
    });
    $("save-docx").addEventListener("click", saveDocx);
  });
}());
