/* Scopebot web chat — plain JS, no dependencies: asking, the saved conversation, and the page around them. */
(function () {
  'use strict';

  var el = Scopebot.el;
  var saved = Scopebot.history;
  var form = document.getElementById('ask-form');
  var input = document.getElementById('question');
  var button = document.getElementById('ask');
  var status = document.getElementById('status');
  var log = document.getElementById('log');
  var composer = document.querySelector('.composer');
  var historyBar = document.getElementById('history-bar');
  var clearButton = document.getElementById('clear-history');
  var announcer = document.getElementById('announce');
  var busy = false;

  function announce(text) {
    Scopebot.announce(announcer, text);
  }

  var answerOptions = { onFeedback: saved.markFeedback, announce: announce, disputeLinks: true };

  /**
   * A random id for this tab's conversation, so the server reads a follow-up ("and for a single forest?") against
   * the question before; kept in sessionStorage, so a reload continues it and another tab has its own.
   */
  function conversationId(fresh) {
    var key = 'scopebot.conversation';
    var store = null;
    try { store = window.sessionStorage; } catch (e) { store = null; }
    var id = !fresh && store ? store.getItem(key) : null;
    if (!id) {
      var bytes = new Uint8Array(16);
      window.crypto.getRandomValues(bytes); // crypto.randomUUID needs https; this does not
      id = Array.prototype.map.call(bytes, function (b) { return (b + 256).toString(16).slice(1); }).join('');
      try { if (store) store.setItem(key, id); } catch (e) { /* the id lives as long as the page */ }
    }
    return id;
  }

  var conversation = conversationId(false);

  function showHistoryBar() {
    historyBar.hidden = !log.querySelector('.answer');
  }

  function userBubble(question) {
    return el('div', 'message user', question);
  }

  /**
   * The input bar is fixed over the bottom of the page: tell CSS its height so scrolling (scrollIntoView, focus,
   * keyboard) keeps what it brings into view above the bar (see scroll-padding-bottom in style.css).
   */
  function trackComposerHeight() {
    function update() {
      document.documentElement.style.setProperty('--composer-height', composer.offsetHeight + 'px');
    }
    update();
    if (window.ResizeObserver) new ResizeObserver(update).observe(composer);
    else window.addEventListener('resize', update);
  }

  function restore() {
    saved.load().forEach(function (x) {
      var bubble = userBubble(x.question);
      bubble.classList.add('restored');
      log.appendChild(bubble);
      var msg = Scopebot.renderAnswer(x.answer,
          { feedback: x.feedback, onFeedback: answerOptions.onFeedback, announce: announce, restored: true,
            disputeLinks: true });
      Scopebot.experts.attach(msg, x.answer, x, saved);
      log.appendChild(msg);
    });
    showHistoryBar();
    var nav = window.performance && performance.getEntriesByType
      ? performance.getEntriesByType('navigation')[0] : null;
    // a reload or back keeps the reader's place; a fresh visit opens at the last question asked
    var returning = nav && (nav.type === 'reload' || nav.type === 'back_forward');
    var users = log.querySelectorAll('.message.user');
    if (users.length && !returning) users[users.length - 1].scrollIntoView({ block: 'start' });
  }

  function setBusy(on) {
    busy = on;
    button.disabled = on;
    status.hidden = !on;
    log.setAttribute('aria-busy', on ? 'true' : 'false');
  }

  function ask(question) {
    question = (question || '').trim();
    if (!question || busy) return;
    var bubble = userBubble(question);
    log.appendChild(bubble);
    bubble.scrollIntoView({ behavior: Scopebot.smoothScroll(), block: 'nearest' });
    input.value = '';
    setBusy(true);
    var body = { question: question, channel: 'web', conversation: conversation };
    // an optional date: the answer comes from the revisions in force that day, and says so
    var asOf = document.getElementById('as-of');
    if (asOf && asOf.value) body.as_of = asOf.value;
    Scopebot.postJson('/api/ask', body).then(function (data) {
      if (!data || typeof data !== 'object') throw new Error('The server sent an empty answer.');
      var msg = Scopebot.renderAnswer(data, answerOptions);
      saved.add(question, data);
      Scopebot.experts.attach(msg, data, null, saved);
      log.appendChild(msg);
      showHistoryBar();
      // the question at the top, the answer under it
      bubble.scrollIntoView({ behavior: Scopebot.smoothScroll(), block: 'start' });
    }).catch(function (e) {
      var error = el('div', 'message error', e.message || Scopebot.NETWORK_ERROR);
      error.setAttribute('role', 'alert');
      log.appendChild(error);
      error.scrollIntoView({ behavior: Scopebot.smoothScroll(), block: 'nearest' });
    }).then(function () {
      setBusy(false);
      input.focus({ preventScroll: true });
    });
  }

  form.addEventListener('submit', function (ev) {
    ev.preventDefault();
    ask(input.value);
  });

  Array.prototype.forEach.call(document.querySelectorAll('.example'), function (chip) {
    chip.addEventListener('click', function () {
      if (busy) return;
      input.value = chip.textContent.trim();
      ask(input.value);
    });
  });

  clearButton.addEventListener('click', function () {
    saved.clear();
    conversation = conversationId(true);
    log.replaceChildren();
    showHistoryBar();
    announce('Conversation cleared.');
    input.focus();
  });

  trackComposerHeight();
  restore();
  input.focus({ preventScroll: true });
})();
