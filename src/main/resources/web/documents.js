/*
 * Scopebot document browser — every document and revision (GET /api/documents), and one revision as its statements
 * (GET /api/documents/{file}), section by section, each marked with who holds it, what it says about scope and its
 * limits; the diff against the previous revision is a link to "What changed". The document and the statements shown
 * live in the address (?document=…&show=…), so the page is a link to share. Server text only ever via textContent.
 */
(function () {
  'use strict';

  var el = Scopebot.el;
  var libraryList = document.getElementById('library-list');
  var reader = document.getElementById('document');
  var status = document.getElementById('status');
  var errorBox = document.getElementById('error');
  var announcer = document.getElementById('announce');
  var HOLDERS = { microsoft: 'Microsoft', customer: 'Customer' };
  var POLARITIES = {
    out_of_scope: 'out of scope', not_supported: 'not supported', not_included: 'not included',
    not_required: 'not required', requires: 'requires'
  };
  /** What the "Show" choice keeps, by its value in the address. */
  var SHOWS = {
    '': ['All', function () { return true; }],
    scope: ['Scope limits', function (s) { return !!POLARITIES[s.polarity]; }],
    customer: ['Customer\'s', function (s) { return s.holder === 'customer'; }],
    microsoft: ['Microsoft\'s', function (s) { return s.holder === 'microsoft'; }]
  };
  /** Every revision, as GET /api/documents lists them (by family, newest first); [] until it has answered. */
  var revisions = [];
  /** Loads that supersede each other: an older one that answers after a newer one began is dropped. */
  var begin = Scopebot.newestOnly();

  function announce(text) {
    Scopebot.announce(announcer, text);
  }

  function fromAddress() {
    var q = new URLSearchParams(window.location.search);
    var show = q.get('show') || '';
    return {
      document: (q.get('document') || '').trim(),
      show: Object.prototype.hasOwnProperty.call(SHOWS, show) ? show : ''
    };
  }

  function addressFor(view) {
    var q = new URLSearchParams();
    if (view.document) q.set('document', view.document);
    if (view.show) q.set('show', view.show);
    return '/documents.html' + (q.toString() ? '?' + q.toString() : '');
  }

  /** A link to another view of this page, followed without reloading it. */
  function pageLink(className, text, view) {
    var a = el('a', className, text);
    a.href = addressFor(view);
    a.addEventListener('click', function (ev) {
      if (ev.button !== 0 || ev.ctrlKey || ev.metaKey || ev.shiftKey || ev.altKey) return; // a new tab, as asked
      ev.preventDefault();
      history.pushState(null, '', a.getAttribute('href'));
      show(fromAddress(), true);
    });
    return a;
  }

  function stateTag(d) {
    return el('span', d.current ? 'tag in-force' : 'tag superseded', d.current ? 'in force' : 'superseded');
  }

  function renderLibrary(selected) {
    libraryList.replaceChildren();
    var families = [];
    var byFamily = {};
    revisions.forEach(function (d) {
      if (!byFamily[d.family]) families.push(byFamily[d.family] = []);
      byFamily[d.family].push(d);
    });
    families.forEach(function (family) {
      var sec = el('section', 'library-family');
      sec.appendChild(el('h3', 'library-title', family[0].title));
      var list = el('ul', 'library-revisions');
      family.forEach(function (d) {
        var li = el('li', 'library-revision');
        var a = pageLink('revision-link', '', { document: d.document, show: fromAddress().show });
        var line = el('span', 'revision-line');
        line.appendChild(el('span', 'revision-date', d.revision));
        line.appendChild(stateTag(d));
        a.appendChild(line);
        // a revision under another title says so
        if (d.title !== family[0].title) a.appendChild(el('span', 'revision-title', d.title));
        if (d.document === selected) a.setAttribute('aria-current', 'page');
        li.appendChild(a);
        list.appendChild(li);
      });
      sec.appendChild(list);
      libraryList.appendChild(sec);
    });
  }

  function find(file) {
    for (var i = 0; i < revisions.length; i++) if (revisions[i].document === file) return revisions[i];
    return null;
  }

  /** The revision that replaced this one, if any: the next newer of its family. */
  function newer(d) {
    var next = null;
    revisions.forEach(function (o) {
      if (o.family === d.family && o.revision > d.revision && (!next || o.revision < next.revision)) next = o;
    });
    return next;
  }

  function renderStatement(s) {
    var li = el('li', 'statement');
    li.appendChild(el('p', 'statement-text', s.statement || ''));
    var marks = el('div', 'trail-row');
    if (HOLDERS[s.holder]) marks.appendChild(el('span', 'tag holder-' + s.holder, HOLDERS[s.holder]));
    // "Want to learn more?", "For more information, see …": a pointer elsewhere, no one's to do
    if (s.kind === 'navigation') marks.appendChild(el('span', 'tag kind-navigation', 'see also'));
    if (POLARITIES[s.polarity]) {
      marks.appendChild(el('span', 'tag polarity polarity-' + s.polarity, POLARITIES[s.polarity]));
    }
    (Array.isArray(s.limits) ? s.limits : []).forEach(function (l) { marks.appendChild(el('span', 'limit', l)); });
    var link = Scopebot.newTabLink(s.url, s.line ? 'line ' + s.line : 'Open', 'Open at line ' + s.line);
    if (link) marks.appendChild(link);
    li.appendChild(marks);
    return li;
  }

  function renderRelations(d) {
    var box = el('div', 'relations');
    if (d.previous) {
      var before = find(d.previous);
      var p = el('p', 'relation');
      var changes = el('a', 'changes-link', 'What changed since ' + (before ? before.revision : 'the previous revision'));
      changes.href = '/changes.html?' + new URLSearchParams({ document: d.document, to: d.document }).toString();
      p.appendChild(changes);
      p.appendChild(document.createTextNode(' · previous revision: '));
      p.appendChild(pageLink('', before ? before.revision : d.previous, { document: d.previous, show: '' }));
      box.appendChild(p);
    }
    var next = newer(d);
    if (next) {
      var q = el('p', 'relation superseded-by', 'Superseded by the revision of ');
      q.appendChild(pageLink('', next.revision, { document: next.document, show: '' }));
      q.appendChild(document.createTextNode(next.title !== d.title ? ' (“' + next.title + '”).' : '.'));
      box.appendChild(q);
    }
    return box;
  }

  /** Statements in reading order, a heading wherever the section changes (less a top one repeating the title). */
  function renderStatements(d, statements) {
    var frag = document.createDocumentFragment();
    var key = null;
    var list = null;
    statements.forEach(function (s) {
      var section = Scopebot.headings(d.title || '', Array.isArray(s.section) ? s.section.filter(Boolean) : []);
      var k = section.join('\u0000');
      if (k !== key || !list) {
        key = k;
        var sec = el('section', 'statement-section');
        sec.appendChild(el('h3', 'statement-section-heading', section.length ? section.join(' › ') : 'Introduction'));
        list = el('ul', 'statements');
        sec.appendChild(list);
        frag.appendChild(sec);
      }
      list.appendChild(renderStatement(s));
    });
    return frag;
  }

  function renderShowChoice(d, statements, view) {
    var fieldset = el('fieldset', 'kinds');
    fieldset.appendChild(el('legend', null, 'Show'));
    Object.keys(SHOWS).forEach(function (value) {
      var n = statements.filter(SHOWS[value][1]).length;
      var label = el('label');
      var radio = el('input');
      radio.type = 'radio';
      radio.name = 'show';
      radio.value = value;
      radio.checked = value === view.show;
      radio.addEventListener('change', function () {
        history.replaceState(null, '', addressFor({ document: d.document, show: value }));
        renderDocument(d, statements, { document: d.document, show: value }, false);
        fieldsetFocus(value);
      });
      label.appendChild(radio);
      label.appendChild(document.createTextNode(' ' + SHOWS[value][0] + ' (' + n + ')'));
      fieldset.appendChild(label);
    });
    return fieldset;
  }

  /** After the list is drawn again, the choice just made keeps the focus. */
  function fieldsetFocus(value) {
    var radio = reader.querySelector('input[name="show"][value="' + value + '"]');
    if (radio) radio.focus();
  }

  function renderDocument(d, statements, view, moveFocus) {
    reader.replaceChildren();
    var title = el('h2', 'document-title', d.title || d.document);
    title.id = 'document-title';
    reader.setAttribute('aria-labelledby', title.id);
    reader.appendChild(title);
    var meta = el('div', 'trail-row document-meta');
    meta.appendChild(el('span', 'revision-date', d.revision));
    meta.appendChild(stateTag(d));
    meta.appendChild(el('span', 'document-file', d.document));
    var open = Scopebot.newTabLink(d.url, 'Open in document', 'Open ' + d.title + ', ' + d.revision);
    if (open) meta.appendChild(open);
    reader.appendChild(meta);
    reader.appendChild(renderRelations(d));
    reader.appendChild(renderShowChoice(d, statements, view));
    var shown = statements.filter(SHOWS[view.show][1]);
    if (shown.length) reader.appendChild(renderStatements(d, shown));
    else reader.appendChild(el('p', 'empty-state', 'No statement of this revision is among “' + SHOWS[view.show][0]
        + '”.'));
    if (moveFocus) reader.focus({ preventScroll: false });
  }

  function showError(e, view) {
    Scopebot.showError(errorBox, e, function (err) {
      return err.status === 404 ? 'There is no document “' + view.document + '”. Choose one from the list.' : null;
    }, function () { start(); });
  }


  /** Shows the address's document; moveFocus when a person chose it here (not on the first load). */
  function show(view, moveFocus) {
    var request = begin();
    errorBox.hidden = true;
    renderLibrary(view.document);
    if (!view.document) {
      document.title = 'Documents — Scopebot';
      return;
    }
    var d = find(view.document);
    document.title = (d ? d.title + ' (' + d.revision + ')' : view.document) + ' — Documents — Scopebot';
    status.hidden = false;
    request.load('/api/documents/' + encodeURIComponent(view.document), function (data) {
      var statements = Array.isArray(data.statements) ? data.statements : [];
      renderDocument(data, statements, view, moveFocus);
      announce(data.title + ', ' + data.revision + ': ' + statements.length + ' statements.');
    }, function (e) {
      showError(e, view);
    }, function () {
      status.hidden = true;
    });
  }

  function start() {
    errorBox.hidden = true;
    status.hidden = false;
    Scopebot.getJson('/api/documents').then(function (data) {
      revisions = data && Array.isArray(data.documents) ? data.documents : [];
      status.hidden = true;
      show(fromAddress(), false);
    }).catch(function (e) {
      status.hidden = true;
      showError(e, fromAddress());
    });
  }

  window.addEventListener('popstate', function () { show(fromAddress(), false); });
  start();
})();
