/* Scopebot web chat — plain JS, no dependencies: asking, and the page around the answers. */
(function () {
  'use strict';

  var el = Scopebot.el;
  var form = document.getElementById('ask-form');
  var input = document.getElementById('question');
  var button = document.getElementById('ask');
  var status = document.getElementById('status');
  var log = document.getElementById('log');
  var busy = false;

  function addMessage(node, toTop) {
    log.appendChild(node);
    var smooth = !window.matchMedia('(prefers-reduced-motion: reduce)').matches;
    node.scrollIntoView({ behavior: smooth ? 'smooth' : 'auto', block: toTop ? 'start' : 'nearest' });
    return node;
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
    addMessage(el('div', 'message user', question));
    input.value = '';
    setBusy(true);
    Scopebot.postJson('/api/ask', { question: question, channel: 'web' }).then(function (data) {
      if (!data || typeof data !== 'object') throw new Error('The server sent an empty answer.');
      addMessage(Scopebot.renderAnswer(data), true);
    }).catch(function (e) {
      var bubble = el('div', 'message error', e.message || Scopebot.NETWORK_ERROR);
      bubble.setAttribute('role', 'alert');
      addMessage(bubble);
    }).then(function () {
      setBusy(false);
      input.focus();
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

  input.focus();
})();
