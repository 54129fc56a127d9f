/*
 * Scopebot "What changed" — every revision of a document against the one before (GET /api/changes): the revisions,
 * then each step's statements added, removed, reworded (word by word) or moved, grouped by section, each with both
 * revisions' links. The document, the date and the kind shown live in the address, so the page is a link to share.
 * With an answer store, the stored answers those revisions changed come first, each answered again: the question, the
 * verdict then and now, the sentence as it read and as it reads, and both records.
 * Server text is only ever set via textContent.
 */
(function () {
  'use strict';

  var el = Scopebot.el;
  var form = document.getElementById('changes-form');
  var documentInput = document.getElementById('document');
  var documentList = document.getElementById('documents');
  var sinceInput = document.getElementById('since');
  var button = document.getElementById('show');
  var status = document.getElementById('status');
  var errorBox = document.getElementById('error');
  var result = document.getElementById('result');
  var announcer = document.getElementById('announce');
  var KINDS = { added: 'Added', removed: 'Removed', reworded: 'Reworded', moved: 'Moved' };
  /** Loads that supersede each other: an older one that answers after a newer one began is dropped. */
  var begin = Scopebot.newestOnly();

  function announce(text) {
    Scopebot.announce(announcer, text);
  }

  /** What the address asks for: {document, since, kind}, each '' when not given. */
  function fromAddress() {
    var q = new URLSearchParams(window.location.search);
    var kind = q.get('kind') || '';
    return {
      document: (q.get('document') || '').trim(),
      since: (q.get('since') || '').trim(),
      kind: Object.prototype.hasOwnProperty.call(KINDS, kind) ? kind : '',
      // the revision whose step to open (the document browser's "What changed since …")
      to: (q.get('to') || '').trim()
    };
  }

  function addressFor(view) {
    var q = new URLSearchParams();
    ['document', 'since', 'kind', 'to'].forEach(function (k) { if (view[k]) q.set(k, view[k]); });
    var query = q.toString();
    return window.location.pathname + (query ? '?' + query : '');
  }

  function chosenKind() {
    var checked = form.querySelector('input[name="kind"]:checked');
    return checked ? checked.value : '';
  }

  function showForm(view) {
    documentInput.value = view.document;
    sinceInput.value = view.since;
    form.querySelector('input[name="kind"][value="' + view.kind + '"]').checked = true;
  }

  /** Offers every title and file name seen so far in the document box. */
  function remember(documents) {
    var known = {};
    Array.prototype.forEach.call(documentList.options, function (o) { known[o.value] = true; });
    documents.forEach(function (d) {
      (Array.isArray(d.revisions) ? d.revisions : []).forEach(function (r) {
        [r.title, r.document].forEach(function (name) {
          if (typeof name === 'string' && name && !known[name]) {
            known[name] = true;
            documentList.appendChild(el('option')).value = name;
          }
        });
      });
    });
  }

  /** "2018-03-09, line 31 ↗": a permalink to a statement in one revision. */
  function statementLink(s) {
    if (!s || typeof s.url !== 'string' || !/^https?:\/\//i.test(s.url)) return null;
    var words = (s.revision || s.document || 'Document') + (s.line ? ', line ' + s.line : '');
    var a = el('a', 'source-link', words);
    a.appendChild(Scopebot.icon(' ↗'));
    a.href = s.url;
    a.target = '_blank';
    a.rel = 'noopener noreferrer';
    a.title = (s.title || '') + (s.document ? ' (' + s.document + ')' : '');
    a.setAttribute('aria-label', (s.title || 'Document') + ', ' + words + ' (opens in a new tab)');
    return a;
  }

  /** The statement's words; a rewording shows what was deleted and inserted. */
  function renderText(c) {
    var p = el('p', 'change-text');
    if (c.kind === 'reworded' && Array.isArray(c.words) && c.words.length) {
      c.words.forEach(function (w) {
        var tag = w.op === 'delete' ? 'del' : w.op === 'insert' ? 'ins' : null;
        p.appendChild(tag ? el(tag, null, w.text) : document.createTextNode(w.text));
      });
    } else {
      p.textContent = c.text || '';
    }
    return p;
  }

  function headingsOf(section) {
    return Array.isArray(section) && section.length ? section.join(' › ') : 'Before the first heading';
  }

  function renderChange(c) {
    var kind = Object.prototype.hasOwnProperty.call(KINDS, c.kind) ? c.kind : 'reworded';
    var li = el('li', 'change');
    li.setAttribute('data-kind', kind);
    li.appendChild(el('span', 'tag kind-' + kind, KINDS[kind]));
    li.appendChild(renderText(c));
    if (kind === 'moved' && c.before) {
      li.appendChild(el('p', 'moved-from', 'Moved from ' + headingsOf(c.before.section)));
    }
    var links = el('div', 'trail-row');
    var before = statementLink(c.before);
    var after = statementLink(c.after);
    if (before) links.appendChild(before);
    if (before && after) links.appendChild(el('span', 'arrow', '→')).setAttribute('aria-hidden', 'true');
    if (after) links.appendChild(after);
    li.appendChild(links);
    return li;
  }

  function countsLine(counts) {
    return Object.keys(KINDS).map(function (k) {
      return (counts && typeof counts[k] === 'number' ? counts[k] : 0) + ' ' + KINDS[k].toLowerCase();
    }).join(' · ');
  }

  function renderStep(step, open) {
    var details = el('details', 'step');
    details.open = open;
    var summary = el('summary', 'step-summary');
    summary.appendChild(el('span', 'step-revisions',
        (step.from && step.from.revision) + ' → ' + (step.to && step.to.revision)));
    summary.appendChild(el('span', 'step-counts', countsLine(step.counts)));
    details.appendChild(summary);
    if (step.from && step.to && step.from.title !== step.to.title) {
      details.appendChild(el('p', 'renamed', 'Renamed from “' + step.from.title + '” to “' + step.to.title + '”.'));
    }
    (Array.isArray(step.sections) ? step.sections : []).forEach(function (s) {
      var sec = el('section', 'change-section');
      sec.appendChild(el('h4', 'change-section-heading', headingsOf(s.section)));
      var list = el('ul', 'change-list');
      (Array.isArray(s.changes) ? s.changes : []).forEach(function (c) { list.appendChild(renderChange(c)); });
      sec.appendChild(list);
      details.appendChild(sec);
    });
    return details;
  }

  function renderRevisions(revisions) {
    var ol = el('ol', 'revisions');
    revisions.forEach(function (r, i) {
      var li = el('li', 'revision');
      li.appendChild(el('span', 'revision-date', r.revision || ''));
      li.appendChild(el('cite', 'doc-title', r.title || r.document || ''));
      var current = i === revisions.length - 1;
      li.appendChild(el('span', current ? 'tag in-force' : 'tag superseded', current ? 'in force' : 'superseded'));
      if (typeof r.url === 'string' && /^https?:\/\//i.test(r.url)) {
        var a = el('a', 'source-link', 'Open');
        a.appendChild(Scopebot.icon(' ↗'));
        a.href = r.url;
        a.target = '_blank';
        a.rel = 'noopener noreferrer';
        a.setAttribute('aria-label', 'Open ' + (r.title || r.document) + ', ' + r.revision + ' (opens in a new tab)');
        li.appendChild(a);
      }
      ol.appendChild(li);
    });
    return ol;
  }

  /** A document's revisions and steps: the step to the revision named "to" open, else the newest. */
  function renderDocument(d, since, to) {
    var sec = el('section', 'family');
    sec.appendChild(el('h2', 'family-title', d.title || d.document || 'Document'));
    var revisions = Array.isArray(d.revisions) ? d.revisions : [];
    sec.appendChild(el('h3', 'section-heading', revisions.length === 1 ? 'One revision' : revisions.length
        + ' revisions, oldest first'));
    sec.appendChild(renderRevisions(revisions));
    var steps = Array.isArray(d.changes) ? d.changes : [];
    sec.appendChild(el('h3', 'section-heading', 'Changes, newest first'));
    if (!steps.length) {
      sec.appendChild(el('p', 'no-changes', revisions.length < 2 ? 'This document has no earlier revision.'
          : 'No revision since ' + since + '.'));
    }
    var opened = to && steps.some(function (step) { return step.to && step.to.document === to; });
    steps.forEach(function (step, i) {
      sec.appendChild(renderStep(step, opened ? step.to && step.to.document === to : i === 0));
    });
    return sec;
  }

  /** One stored answer a revision changed: question, verdict then → now, the sentence before and after, both records. */
  function renderAffectedAnswer(a) {
    var li = el('li', 'affected' + (a.verdictChanged ? ' flipped' : ''));
    if (typeof a.question === 'string') li.appendChild(el('p', 'affected-question', '“' + a.question + '”'));
    var verdicts = el('p', 'affected-verdicts');
    verdicts.appendChild(Scopebot.renderBadge(a.oldVerdict));
    verdicts.appendChild(el('span', 'arrow', ' → ')).setAttribute('aria-hidden', 'true');
    verdicts.appendChild(Scopebot.renderBadge(a.newVerdict));
    verdicts.appendChild(el('span', 'affected-when', (a.verdictChanged ? 'Verdict changed' : 'Same verdict')
        + (a.changedOn ? ' · revision of ' + a.changedOn : '')));
    li.appendChild(verdicts);
    var quotes = el('dl', 'affected-quotes');
    quotes.appendChild(el('dt', null, 'It said'));
    quotes.appendChild(el('dd', 'affected-before', a.before || ''));
    quotes.appendChild(el('dt', null, 'Now'));
    quotes.appendChild(el('dd', 'affected-after', typeof a.after === 'string' ? a.after
        : 'The documents no longer say it.'));
    li.appendChild(quotes);
    var links = el('p', 'trail-row');
    [['Answer given', a.old], ['Answer now', a['new']]].forEach(function (pair) {
      var record = pair[1];
      if (record && typeof record.link === 'string' && /^(\/answers\/|https?:\/\/)/.test(record.link)) {
        var link = el('a', 'source-link', pair[0]);
        link.href = record.link;
        links.appendChild(link);
      }
    });
    li.appendChild(links);
    return li;
  }

  /** "Answers affected by this revision", when the server keeps answer records; null otherwise. */
  function renderAffected(data) {
    if (!Array.isArray(data.affectedAnswers)) {
      return data.affectedAnswersError ? el('p', 'message error', data.affectedAnswersError) : null;
    }
    var sec = el('section', 'affected-answers');
    sec.setAttribute('aria-labelledby', 'affected-heading');
    sec.appendChild(el('h2', 'affected-title', 'Answers affected by this revision')).id = 'affected-heading';
    var answers = data.affectedAnswers;
    if (!answers.length) {
      sec.appendChild(el('p', 'affected-note', 'No stored answer cited a statement these revisions changed.'));
    } else {
      var list = el('ul', 'affected-list');
      answers.forEach(function (a) { list.appendChild(renderAffectedAnswer(a)); });
      sec.appendChild(list);
    }
    if (typeof data.affectedAnswersPrivate === 'string') {
      sec.appendChild(el('p', 'affected-note', 'The questions and their answer records are shown to administrators:'
          + ' enter the admin token on the gaps page, then come back in the same tab.'));
    }
    var progress = data.reanswering || {};
    if (progress.waiting > 0) {
      sec.appendChild(el('p', 'affected-note', progress.waiting + ' more waiting to be answered again.'));
    }
    if (progress.overCap > 0) {
      sec.appendChild(el('p', 'affected-note', progress.overCap + ' more beyond the cap, left as they were.'));
    }
    return sec;
  }

  /** Shows only the changes of one kind ('' for all), and only the sections that still have some. */
  function filter(kind) {
    result.classList.toggle('filtered', !!kind);
    Array.prototype.forEach.call(result.querySelectorAll('.change'), function (li) {
      li.hidden = !!kind && li.getAttribute('data-kind') !== kind;
    });
    Array.prototype.forEach.call(result.querySelectorAll('.change-section'), function (sec) {
      sec.hidden = !sec.querySelector('.change:not([hidden])');
    });
  }

  function render(data, view) {
    result.replaceChildren();
    var documents = Array.isArray(data.documents) ? data.documents : [];
    remember(documents);
    var affected = renderAffected(data);
    if (affected) result.appendChild(affected);
    if (!documents.length) {
      result.appendChild(el('p', 'empty-state', 'No document has an earlier revision.'));
    }
    documents.forEach(function (d) { result.appendChild(renderDocument(d, view.since, view.to)); });
    filter(view.kind);
    result.hidden = false;
    if (view.to) {
      var step = result.querySelector('details.step[open]');
      if (step) step.scrollIntoView({ block: 'start' });
    }
    announce(documents.length === 1 ? 'Changes to ' + documents[0].title + ' shown.'
        : documents.length + ' documents with revisions shown.');
  }

  function showError(e, view) {
    Scopebot.showError(errorBox, e, function (err) {
      return err.status === 400 ? 'These changes can\'t be shown: ' + err.message + '.' : null;
    }, function () { load(view); });
  }


  /**
   * The admin token the gaps page keeps in this tab, if any: with it the answers a revision changed are listed with
   * their questions and records.
   */
  function adminHeaders() {
    var token = '';
    try { token = window.sessionStorage.getItem('scopebot-admin-token') || ''; } catch (e) { token = ''; }
    return token ? { 'Authorization': 'Bearer ' + token } : null;
  }

  function load(view) {
    var request = begin();
    errorBox.hidden = true;
    result.hidden = true;
    button.disabled = true;
    status.hidden = false;
    var q = new URLSearchParams();
    if (view.document) q.set('document', view.document);
    if (view.since) q.set('since', view.since);
    document.title = (view.document ? 'What changed: ' + view.document : 'What changed') + ' — Scopebot';
    request.load('/api/changes' + (q.toString() ? '?' + q.toString() : ''), function (data) {
      render(data, view);
    }, function (e) {
      showError(e, view);
    }, function () {
      button.disabled = false;
      status.hidden = true;
    }, adminHeaders());
  }

  form.addEventListener('submit', function (ev) {
    ev.preventDefault();
    var view = { document: documentInput.value.trim(), since: sinceInput.value, kind: chosenKind(), to: '' };
    var same = addressFor(view) === addressFor(fromAddress());
    if (same) history.replaceState(null, '', addressFor(view));
    else history.pushState(null, '', addressFor(view));
    load(view);
  });

  // the kind only hides and shows what is on the page: no new request, and no new history entry
  Array.prototype.forEach.call(form.querySelectorAll('input[name="kind"]'), function (radio) {
    radio.addEventListener('change', function () {
      var view = fromAddress();
      view.kind = chosenKind();
      history.replaceState(null, '', addressFor(view));
      filter(view.kind);
    });
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
