/*
 * Scopebot web chat — "Ask a FastTrack expert": the button under an answer (when the server has an experts' channel),
 * and the experts' answers, read from the answer's record while the tab is open and on reload. Server text is only
 * ever set via textContent.
 */
var Scopebot = window.Scopebot || {};

Scopebot.experts = (function () {
  'use strict';

  var el = Scopebot.el;
  /** How often a handed-off answer's record is read while waiting for an expert, and for how long at most. */
  var POLL_MS = 20000;
  var WAIT_MS = 24 * 3600 * 1000;
  var enabled = Scopebot.getJson('/api/answers/experts').then(function (d) {
    return !!(d && d.handsOff);
  }, function () { return false; });

  /** The experts' answers under an answer: each marked as a person's, with their name and when. */
  function renderReplies(box, handoff) {
    box.replaceChildren();
    var replies = handoff && Array.isArray(handoff.replies) ? handoff.replies : [];
    if (!replies.length) {
      box.appendChild(el('p', 'expert-waiting', 'Asked a FastTrack expert. Their answer will appear here.'));
      return false;
    }
    replies.forEach(function (r) {
      var item = el('div', 'expert-reply');
      item.appendChild(el('p', 'expert-by', '👤 Answer from a FastTrack expert, ' + String(r.author || 'an expert')));
      item.appendChild(el('p', 'expert-text', String(r.text || '')));
      if (typeof r.createdAt === 'string') {
        item.appendChild(el('p', 'expert-when', new Date(r.createdAt).toLocaleString()));
      }
      box.appendChild(item);
    });
    return true;
  }

  /** Reads the record until an expert has answered (or the wait is over), showing what it finds. */
  function watch(id, box, since, saved) {
    function poll() {
      Scopebot.getJson('/api/answers/' + encodeURIComponent(id)).then(function (r) {
        var done = renderReplies(box, r && r.handoff);
        if (saved) saved.update(id, function (x) { x.handoff = r.handoff; });
        if (!done && Date.now() - since < WAIT_MS) setTimeout(poll, POLL_MS);
      }, function () {
        if (Date.now() - since < WAIT_MS) setTimeout(poll, POLL_MS);
      });
    }
    poll();
  }

  /**
   * Adds the button (or, for an answer handed off before, its experts' answers) to a rendered answer.
   * entry: what the saved conversation keeps of it (its handoff, if any); saved: the saved conversation.
   */
  function attach(msg, data, entry, saved) {
    var id = typeof data.id === 'string' ? data.id : '';
    var about = typeof data.smallTalk === 'string' && data.smallTalk !== '';
    if (!id || about) return;
    var box = el('div', 'expert');
    box.setAttribute('aria-live', 'polite');
    msg.appendChild(box);
    if (entry && entry.handoff) {
      var answered = renderReplies(box, entry.handoff);
      if (!answered) watch(id, box, Date.parse(entry.handoff.createdAt) || Date.now(), saved);
      return;
    }
    enabled.then(function (on) {
      if (!on) return;
      if (data.verdict === 'unknown' && !entry) {
        // just asked in the chat, and the documents don't answer it: the server handed it to the experts by itself
        // (an answer page shows a record's hand-off from the record, or the button when there is none)
        var handedOff = { createdAt: new Date().toISOString(), replies: [] };
        if (saved) saved.update(id, function (x) { x.handoff = handedOff; });
        renderReplies(box, handedOff);
        watch(id, box, Date.now(), saved);
        return;
      }
      var button = el('button', 'ask-expert', 'Ask a FastTrack expert');
      button.type = 'button';
      var err = el('p', 'expert-error');
      err.hidden = true;
      button.addEventListener('click', function () {
        button.disabled = true;
        Scopebot.postJson('/api/answers/' + encodeURIComponent(id) + '/handoff', {}).then(function () {
          var handoff = { createdAt: new Date().toISOString(), replies: [] };
          if (saved) saved.update(id, function (x) { x.handoff = handoff; });
          renderReplies(box, handoff);
          watch(id, box, Date.now(), saved);
        }, function (e) {
          button.disabled = false;
          err.textContent = e.message || Scopebot.NETWORK_ERROR;
          err.hidden = false;
        });
      });
      box.appendChild(button);
      box.appendChild(err);
    });
  }

  return { attach: attach };
})();
