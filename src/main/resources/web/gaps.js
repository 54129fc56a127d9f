/*
 * Scopebot "Gaps in the documents" — unknown answers, 👎 and hand-offs of a period (GET /api/gaps, admin token),
 * grouped by the question's topic terms and by the nearest document section, each group with its counts, first and
 * last seen and its newest examples. The period and the channel live in the address, so the page is a link to share;
 * the token stays in this tab's sessionStorage and is sent as a bearer token. Server text is only ever set via
 * textContent.
 */
(function () {
  'use strict';

  var el = Scopebot.el;
  var TOKEN_KEY = 'scopebot-admin-token';
  var tokenForm = document.getElementById('token-form');
  var tokenInput = document.getElementById('token');
  var form = document.getElementById('gaps-form');
  var fromInput = document.getElementById('from');
  var toInput = document.getElementById('to');
  var channelInput = document.getElementById('channel');
  var button = document.getElementById('show');
  var csvButton = document.getElementById('csv');
  var forgetButton = document.getElementById('forget');
  var status = document.getElementById('status');
  var errorBox = document.getElementById('error');
  var result = document.getElementById('result');
  var announcer = document.getElementById('announce');
  var OUTCOMES = {
    unknown: ['❓', 'Not in the documents', 'unknown'],
    thumbs_down: ['👎', 'Marked not helpful', 'not helpful'],
    handoff: ['🙋', 'Handed to a person', 'hand-offs']
  };
  var CHANNELS = { teams: 'Teams', slack: 'Slack', web: 'Web chat', api: 'API', cli: 'Command line' };
  var begin = Scopebot.newestOnly();

  function token() {
    try { return window.sessionStorage.getItem(TOKEN_KEY) || ''; } catch (e) { return ''; }
  }

  function keepToken(value) {
    try {
      if (value) window.sessionStorage.setItem(TOKEN_KEY, value);
      else window.sessionStorage.removeItem(TOKEN_KEY);
    } catch (e) { /* storage refused: the token lasts until the page is left */ }
  }

  function authorization() {
    return { 'Authorization': 'Bearer ' + token() };
  }

  /** What the address asks for: {from, to, channel}, each '' when not given. */
  function fromAddress() {
    var q = new URLSearchParams(window.location.search);
    var channel = q.get('channel') || '';
    return {
      from: (q.get('from') || '').trim(),
      to: (q.get('to') || '').trim(),
      channel: Object.prototype.hasOwnProperty.call(CHANNELS, channel) ? channel : ''
    };
  }

  function query(view) {
    var q = new URLSearchParams();
    ['from', 'to', 'channel'].forEach(function (k) { if (view[k]) q.set(k, view[k]); });
    return q.toString();
  }

  function addressFor(view) {
    var q = query(view);
    return window.location.pathname + (q ? '?' + q : '');
  }

  function showForm(view) {
    fromInput.value = view.from;
    toInput.value = view.to;
    channelInput.value = view.channel;
  }

  /** "2026-11-05 23:00 UTC" from an ISO instant. */
  function when(iso) {
    var m = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})/.exec(iso || '');
    return m ? m[1] + ' ' + m[2] + ' UTC' : (iso || '');
  }

  function outcomeTag(outcome, count) {
    var o = OUTCOMES[outcome] || ['•', outcome, outcome];
    var tag = el('span', 'tag outcome outcome-' + outcome);
    tag.appendChild(Scopebot.icon(o[0] + ' '));
    tag.appendChild(document.createTextNode(count === undefined ? o[1] : count + ' ' + o[2]));
    return tag;
  }

  function renderExample(e) {
    var li = el('li', 'gap-example');
    var head = el('div', 'example-head');
    head.appendChild(outcomeTag(e.outcome));
    head.appendChild(el('span', 'example-meta', (CHANNELS[e.channel] || e.channel) + ' · ' + when(e.at)));
    li.appendChild(head);
    li.appendChild(el('p', 'example-question', e.question));
    // a hand-off's "reason" is how it came and where it stands ("button, answered"), not someone's words
    if (e.reason) li.appendChild(el('p', 'example-reason', e.outcome === 'handoff' ? 'Hand-off: ' + e.reason
        : '“' + e.reason + '”'));
    var foot = el('div', 'trail-row');
    if (/^[0-9a-f]{32}$/.test(e.answerId || '')) {
      var a = el('a', 'source-link', 'Open the answer');
      a.appendChild(Scopebot.icon(' ↗'));
      a.href = '/answers/' + e.answerId;
      a.target = '_blank';
      a.rel = 'noopener noreferrer';
      a.setAttribute('aria-label', 'Open the answer to “' + e.question + '” (opens in a new tab)');
      foot.appendChild(a);
    }
    if (e.user) foot.appendChild(el('span', 'user-hash', 'user ' + e.user.slice(0, 10) + '…')).title = 'hashed user id';
    li.appendChild(foot);
    return li;
  }

  function groupName(g) {
    var name = el('h4', 'gap-name');
    if (Array.isArray(g.topic)) {
      if (!g.topic.length) name.appendChild(el('span', 'no-key', 'No topic read'));
      g.topic.forEach(function (t) { name.appendChild(el('span', 'term', t)); });
    } else if (!g.document) {
      name.appendChild(el('span', 'no-key', 'No passage near'));
    } else {
      var rest = Scopebot.headings(g.title || '', Array.isArray(g.section) ? g.section : []);
      name.appendChild(el('span', 'section-path', [g.title || g.document].concat(rest).join(' › ')));
      name.appendChild(el('span', 'doc-file', g.document));
    }
    return name;
  }

  function renderGroup(g) {
    var li = el('li', 'gap-group');
    var count = el('div', 'gap-count');
    count.appendChild(el('span', 'gap-number', g.count));
    count.appendChild(el('span', 'gap-unit', g.count === 1 ? 'gap' : 'gaps'));
    li.appendChild(count);
    var body = el('div', 'gap-body');
    body.appendChild(groupName(g));
    var tags = el('div', 'gap-outcomes');
    Object.keys(OUTCOMES).forEach(function (k) {
      if (g.outcomes && g.outcomes[k]) tags.appendChild(outcomeTag(k, g.outcomes[k]));
    });
    tags.appendChild(el('span', 'seen', 'first ' + when(g.firstSeen) + ' · last ' + when(g.lastSeen)));
    body.appendChild(tags);
    var examples = el('ul', 'gap-examples');
    examples.setAttribute('aria-label', 'Newest examples');
    (Array.isArray(g.examples) ? g.examples : []).forEach(function (e) { examples.appendChild(renderExample(e)); });
    body.appendChild(examples);
    li.appendChild(body);
    return li;
  }

  function renderGrouping(title, groups, leftOut, id) {
    var sec = el('section', 'grouping');
    sec.setAttribute('aria-labelledby', id);
    sec.appendChild(el('h2', 'section-heading', title)).id = id;
    if (!groups.length) {
      sec.appendChild(el('p', 'empty-state', 'No gaps in this period.'));
      return sec;
    }
    var list = el('ol', 'gap-list');
    groups.forEach(function (g) { list.appendChild(renderGroup(g)); });
    sec.appendChild(list);
    if (leftOut > 0) sec.appendChild(el('p', 'left-out', '… and ' + leftOut + ' smaller groups, not listed.'));
    return sec;
  }

  function renderTotals(data) {
    var p = el('div', 'totals');
    var sources = Array.isArray(data.sources) ? data.sources : [];
    Object.keys(OUTCOMES).forEach(function (k) {
      if (sources.indexOf(k) >= 0) p.appendChild(outcomeTag(k, (data.totals && data.totals[k]) || 0));
    });
    var period = data.from || data.to ? (data.from || 'the first record') + ' to ' + (data.to || 'today')
        : 'every day recorded';
    p.appendChild(el('span', 'period', period + ' · ' + (data.channel ? CHANNELS[data.channel] || data.channel
        : 'every channel')));
    if (data.truncated) {
      p.appendChild(el('span', 'note', 'More gaps than one report reads: these are the newest. Narrow the period.'));
    }
    return p;
  }

  function render(data) {
    result.replaceChildren();
    result.appendChild(renderTotals(data));
    var columns = el('div', 'groupings');
    columns.appendChild(renderGrouping('By topic', Array.isArray(data.byTopic) ? data.byTopic : [],
        data.topicsLeftOut, 'by-topic'));
    columns.appendChild(renderGrouping('By nearest document section',
        Array.isArray(data.bySection) ? data.bySection : [], data.sectionsLeftOut, 'by-section'));
    result.appendChild(columns);
    result.hidden = false;
    var n = (data.byTopic || []).reduce(function (sum, g) { return sum + g.count; }, 0);
    announce(n === 1 ? 'One gap shown.' : n + ' gaps shown.');
  }

  function announce(text) {
    Scopebot.announce(announcer, text);
  }

  /** A token the server refused is forgotten, and the token form shown again. */
  function refused(e) {
    if (e.status === 401) {
      keepToken('');
      showTokenForm();
      return 'That admin token was not accepted.';
    }
    if (e.status === 429) return e.message + '.';
    if (e.status === 400) return 'These gaps can\'t be shown: ' + e.message + '.';
    if (e.status === 404) return e.message + '.';
    return null;
  }

  function showTokenForm() {
    form.hidden = true;
    result.hidden = true;
    tokenForm.hidden = false;
    tokenInput.value = '';
  }

  function load(view) {
    if (!token()) {
      showTokenForm();
      tokenInput.focus();
      return;
    }
    tokenForm.hidden = true;
    form.hidden = false;
    var request = begin();
    errorBox.hidden = true;
    result.hidden = true;
    button.disabled = true;
    status.hidden = false;
    var q = query(view);
    request.load('/api/gaps' + (q ? '?' + q : ''), render, function (e) {
      Scopebot.showError(errorBox, e, refused, function () { load(view); });
    }, function () {
      button.disabled = false;
      status.hidden = true;
    }, authorization());
  }

  /** The same report as CSV, fetched with the token and saved as a file. */
  function downloadCsv() {
    var q = query(fromAddress());
    csvButton.disabled = true;
    fetch('/api/gaps?' + (q ? q + '&' : '') + 'format=csv', { headers: authorization() }).then(function (res) {
      if (!res.ok) {
        return res.json().catch(function () { return {}; }).then(function (body) {
          var err = new Error(body && body.error ? body.error : 'HTTP ' + res.status);
          err.status = res.status;
          throw err;
        });
      }
      return res.blob().then(function (blob) {
        var a = el('a');
        a.href = URL.createObjectURL(blob);
        a.download = 'scopebot-gaps' + (q ? '-' + q.replace(/[^a-z0-9-]+/gi, '-') : '') + '.csv';
        document.body.appendChild(a);
        a.click();
        a.remove();
        setTimeout(function () { URL.revokeObjectURL(a.href); }, 1000);
        announce('CSV downloaded.');
      });
    }).catch(function (e) {
      Scopebot.showError(errorBox, e, refused, downloadCsv);
    }).then(function () {
      csvButton.disabled = false;
    });
  }

  tokenForm.addEventListener('submit', function (ev) {
    ev.preventDefault();
    keepToken(tokenInput.value.trim());
    tokenInput.value = '';
    load(fromAddress());
  });

  form.addEventListener('submit', function (ev) {
    ev.preventDefault();
    var view = { from: fromInput.value, to: toInput.value, channel: channelInput.value };
    if (addressFor(view) === addressFor(fromAddress())) history.replaceState(null, '', addressFor(view));
    else history.pushState(null, '', addressFor(view));
    load(view);
  });

  csvButton.addEventListener('click', downloadCsv);

  forgetButton.addEventListener('click', function () {
    keepToken('');
    errorBox.hidden = true;
    showTokenForm();
    tokenInput.focus();
    announce('The admin token is forgotten.');
  });

  window.addEventListener('popstate', function () {
    var view = fromAddress();
    showForm(view);
    load(view);
  });

  var first = fromAddress();
  showForm(first);
  load(first);
})();
