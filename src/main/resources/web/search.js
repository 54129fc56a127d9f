/*
 * Scopebot search — precise search over the statements (GET /api/search), in Lucene's query syntax: each result a
 * passage cited as answers cite it, with the holder, polarity and conditions of the statement that matched, each a
 * button that narrows the search by it. The query lives in the address (?q=…&limit=…), so a search is a link to
 * share. Server text is only ever set via textContent.
 */
(function () {
  'use strict';

  var el = Scopebot.el;
  var form = document.getElementById('search-form');
  var input = document.getElementById('q');
  var button = document.getElementById('search');
  var status = document.getElementById('status');
  var errorBox = document.getElementById('error');
  var result = document.getElementById('result');
  var syntax = document.getElementById('syntax');
  var announcer = document.getElementById('announce');
  /** Results asked for: the server's default, and its most. */
  var LIMIT = 20;
  var MOST = 100;
  /** Loads that supersede each other: an older one that answers after a newer one began is dropped. */
  var begin = Scopebot.newestOnly();

  function announce(text) {
    Scopebot.announce(announcer, text);
  }

  function fromAddress() {
    var q = new URLSearchParams(window.location.search);
    var limit = parseInt(q.get('limit') || '', 10);
    return { q: (q.get('q') || '').trim(), limit: limit >= 1 && limit <= MOST ? limit : LIMIT };
  }

  function addressFor(view) {
    var q = new URLSearchParams();
    if (view.q) q.set('q', view.q);
    if (view.q && view.limit !== LIMIT) q.set('limit', String(view.limit));
    return window.location.pathname + (q.toString() ? '?' + q.toString() : '');
  }

  /** Goes to a search as a new page of the history (or in place when it is the one shown), and runs it. */
  function go(view) {
    if (addressFor(view) === addressFor(fromAddress())) history.replaceState(null, '', addressFor(view));
    else history.pushState(null, '', addressFor(view));
    input.value = view.q;
    load(view);
  }

  /** The query narrowed by one more term; an OR in it is kept whole in parentheses. */
  function narrowed(q, term) {
    return (/\bOR\b/.test(q) ? '(' + q + ')' : q) + ' AND ' + term;
  }

  /** "holder:customer" and the like: what the statement is, as a term to narrow the search with. */
  function renderTerms(r, view) {
    var terms = [];
    if (r.holder && r.holder !== 'none') terms.push('holder:' + r.holder);
    if (r.polarity && r.polarity !== 'none') terms.push('polarity:' + r.polarity);
    (Array.isArray(r.conditions) ? r.conditions : []).forEach(function (c) {
      if (c && c !== 'none') terms.push('condition:' + c);
    });
    var row = el('div', 'terms');
    if (!terms.length) return row;
    row.appendChild(el('span', 'terms-label', 'Narrow by'));
    terms.forEach(function (term) {
      var b = el('button', 'term', term);
      b.type = 'button';
      b.title = 'Search again with ' + term;
      // already in the query: nothing to narrow
      b.disabled = view.q.indexOf(term) >= 0;
      b.addEventListener('click', function () { go({ q: narrowed(view.q, term), limit: view.limit }); });
      row.appendChild(b);
    });
    return row;
  }

  function renderResult(r, view) {
    var li = el('li', 'search-result');
    li.appendChild(Scopebot.renderQuote(typeof r.quote === 'string' ? r.quote : '',
        typeof r.statement === 'string' ? r.statement : ''));
    li.appendChild(Scopebot.renderTrail(r));
    li.appendChild(renderTerms(r, view));
    return li;
  }

  function render(data, view) {
    result.replaceChildren();
    var results = Array.isArray(data.results) ? data.results : [];
    var total = typeof data.total === 'number' ? data.total : results.length;
    var said = total === 0 ? 'No statement matches this query.'
        : total === 1 ? '1 passage matches.'
        : total + ' passages match' + (results.length < total ? '; the first ' + results.length + ' are shown.' : '.');
    var heading = el('h2', 'results-heading', said);
    heading.id = 'result-heading';
    result.appendChild(heading);
    if (results.length) {
      var list = el('ol', 'search-list');
      results.forEach(function (r) { list.appendChild(renderResult(r, view)); });
      result.appendChild(list);
    } else {
      result.appendChild(el('p', 'empty-state', 'Try fewer words, a wildcard (certif*), or leave out a field; '
          + '“Query syntax” below lists them.'));
    }
    if (results.length < total && view.limit < MOST) {
      var more = el('button', 'retry more', 'Show up to ' + MOST);
      more.type = 'button';
      more.addEventListener('click', function () { go({ q: view.q, limit: MOST }); });
      result.appendChild(more);
    }
    result.hidden = false;
    announce(said);
  }

  function showError(e, view) {
    // a query the server refused fails the same way again: only a loading index or a lost connection can pass
    Scopebot.showError(errorBox, e, function (err) {
      return err.status === 400 ? 'This query can\'t be run: ' + err.message : null;
    }, function () { load(view); });
  }


  function load(view) {
    var request = begin();
    errorBox.hidden = true;
    result.hidden = true;
    result.replaceChildren();
    document.title = (view.q ? view.q + ' — ' : '') + 'Search — Scopebot';
    if (!view.q) {
      status.hidden = true;
      button.disabled = false;
      syntax.open = true;
      return;
    }
    // the help stays one click away, under the results
    syntax.open = false;
    status.hidden = false;
    button.disabled = true;
    var query = new URLSearchParams({ q: view.q });
    if (view.limit !== LIMIT) query.set('limit', String(view.limit));
    request.load('/api/search?' + query.toString(), function (data) {
      render(data, view);
    }, function (e) {
      showError(e, view);
    }, function () {
      status.hidden = true;
      button.disabled = false;
    });
  }

  form.addEventListener('submit', function (ev) {
    ev.preventDefault();
    var q = input.value.trim();
    if (!q) {
      input.value = '';
      input.reportValidity();
      return;
    }
    go({ q: q, limit: LIMIT });
  });

  window.addEventListener('popstate', function () {
    var view = fromAddress();
    input.value = view.q;
    load(view);
  });

  var first = fromAddress();
  input.value = first.q;
  load(first);
  if (!first.q) input.focus();
})();
