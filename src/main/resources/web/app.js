/* Scopebot web chat — plain JS, no dependencies: asking, and the page around the answers. */
(function () {
  'use strict';

  var el = Scopebot.el;
  var form = document.getElementById('ask-form');
  var input = document.getElementById('question');
  var button = document.getElementById('ask');
  var status = document.getElementById('status');
  var log = document.getElementById('log');
  var composer = document.querySelector('.composer');
  var announcer = document.getElementById('announce');
  var busy = false;

  function announce(text) {
    // cleared first so the same words twice are read twice
    announcer.textContent = '';
    setTimeout(function () { announcer.textContent = text; }, 50);
  }

  var answerOptions = { announce: announce };

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
    Scopebot.postJson('/api/ask', { question: question, channel: 'web' }).then(function (data) {
      if (!data || typeof data !== 'object') throw new Error('The server sent an empty answer.');
      log.appendChild(Scopebot.renderAnswer(data, answerOptions));
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

  trackComposerHeight();
  input.focus({ preventScroll: true });
})();
