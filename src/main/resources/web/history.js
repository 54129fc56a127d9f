/*
 * Scopebot web chat — the conversation kept in this browser (localStorage), so answers survive a reload.
 * Holds what the server sent (question and answer JSON) and whether feedback was sent; never a feedback reason.
 */
var Scopebot = window.Scopebot || {};

Scopebot.history = (function () {
  'use strict';

  var KEY = 'scopebot.history.v1';
  /** Exchanges kept: older ones are dropped first. About 2–6 KB each, well inside the usual 5 MB quota. */
  var LIMIT = 50;

  function storage() {
    // reading window.localStorage throws where storage is blocked (some privacy settings, sandboxed frames)
    try { return window.localStorage; } catch (e) { return null; }
  }

  function valid(x) {
    return x && typeof x === 'object' && typeof x.question === 'string'
        && x.answer && typeof x.answer === 'object' && typeof x.answer.verdict === 'string';
  }

  /** The saved exchanges, oldest first; [] when there are none or what is stored cannot be read. */
  function load() {
    var s = storage();
    if (!s) return [];
    try {
      var list = JSON.parse(s.getItem(KEY) || '[]');
      return Array.isArray(list) ? list.filter(valid).slice(-LIMIT) : [];
    } catch (e) {
      return [];
    }
  }

  function save(list) {
    var s = storage();
    if (!s) return;
    list = list.slice(-LIMIT);
    // when the quota is full, keep the newer half and try again rather than lose the newest answer
    while (list.length) {
      try {
        s.setItem(KEY, JSON.stringify(list));
        return;
      } catch (e) {
        list = list.slice(Math.ceil(list.length / 2));
      }
    }
    try { s.removeItem(KEY); } catch (e) { /* nothing more to do */ }
  }

  function add(question, answer) {
    var list = load();
    list.push({ question: question, answer: answer, at: new Date().toISOString() });
    save(list);
  }

  /** Remembers that feedback on an answer was sent, so a reload does not ask for it again. */
  function markFeedback(id, helpful) {
    var list = load();
    list.forEach(function (x) {
      if (x.answer.id === id) x.feedback = helpful ? 'helpful' : 'not_helpful';
    });
    save(list);
  }

  /** Changes what is kept of an answer (its hand-off to an expert and their replies), by its id. */
  function update(id, change) {
    var list = load();
    list.forEach(function (x) { if (x.answer.id === id) change(x); });
    save(list);
  }

  function clear() {
    var s = storage();
    if (!s) return;
    try { s.removeItem(KEY); } catch (e) { /* blocked storage: nothing was kept */ }
  }

  return { load: load, add: add, markFeedback: markFeedback, update: update, clear: clear, LIMIT: LIMIT };
})();
