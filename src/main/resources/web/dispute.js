/*
 * Scopebot dispute view — a claim's evidence side by side: the answer, the one-line summary, then one column per
 * verdict the statements support, newest revision first. The claim lives in the address (?claim=…), so the page is
 * the link to share. Server text is only ever set via textContent.
 */
(function () {
  'use strict';

  var el = Scopebot.el;
  var form = document.getElementById('claim-form');
  var input = document.getElementById('claim');
  var button = document.getElementById('check');
  var start = document.getElementById('start');
  var status = document.getElementById('status');
  var errorBox = document.getElementById('error');
  var result = document.getElementById('result');
  var announcer = document.getElementById('announce');
  var TITLE = document.title;
  /** Loads that supersede each other: an older one that answers after a newer one began is dropped. */
  var begin = Scopebot.newestOnly();

  function announce(text) {
    Scopebot.announce(announcer, text);
  }

  function claimInAddress() {
    return (new URLSearchParams(window.location.search).get('claim') || '').trim();
  }

  /** This page's address for a claim (none: the empty page). */
  function addressFor(claim) {
    return window.location.pathname + (claim ? '?' + new URLSearchParams({ claim: claim }).toString() : '');
  }

  function setBusy(on) {
    button.disabled = on;
    status.hidden = !on;
    result.setAttribute('aria-busy', on ? 'true' : 'false');
  }


  function citationKey(c) {
    return (c.document || '') + ':' + (c.line || '');
  }

  function renderEvidence(e, cited) {
    var c = e.citation && typeof e.citation === 'object' ? e.citation : {};
    var statement = typeof e.statement === 'string' ? e.statement : '';
    var li = el('li', 'evidence-item');
    if (c.current === false) li.classList.add('from-superseded');
    li.appendChild(Scopebot.renderQuote(typeof c.quote === 'string' ? c.quote : '', statement));
    if (typeof e.why === 'string' && e.why) {
      var why = el('p', 'why');
      why.appendChild(el('span', 'why-label', 'Why'));
      why.appendChild(document.createTextNode(' ' + e.why.charAt(0).toUpperCase() + e.why.slice(1)));
      li.appendChild(why);
    }
    var trail = Scopebot.renderTrail(c);
    if (cited[citationKey(c)]) {
      trail.insertBefore(el('span', 'tag cited', 'cited in the answer'), trail.querySelector('.source-link'));
    }
    li.appendChild(trail);
    return li;
  }

  function renderSide(side, index, cited) {
    var n = side.evidence.length;
    var sec = el('section', 'side');
    sec.setAttribute('data-verdict', side.verdict);
    var heading = el('h3', 'side-heading');
    heading.id = 'side-' + index;
    heading.appendChild(Scopebot.renderBadge(side.verdict));
    heading.appendChild(el('span', 'side-count', n + (n === 1 ? ' statement' : ' statements')));
    sec.setAttribute('aria-labelledby', heading.id);
    sec.appendChild(heading);
    var list = el('ol', 'evidence-list');
    side.evidence.forEach(function (e) { list.appendChild(renderEvidence(e, cited)); });
    sec.appendChild(list);
    return sec;
  }

  /** The answer the documents give the claim: today's, or as of the date the claim names. */
  function renderInForce(answer) {
    var sec = el('section', 'in-force');
    var heading = el('h2', 'section-heading', answer.asOf
      ? 'The answer as of ' + answer.asOf + ', the date the claim names'
      : 'The answer in force today');
    heading.id = 'in-force-heading';
    sec.setAttribute('aria-labelledby', heading.id);
    sec.appendChild(heading);
    // its quotes are among the evidence below, marked "cited in the answer"; a "closest I found" stays
    sec.appendChild(Scopebot.renderAnswer(answer, { citations: false }));
    return sec;
  }

  function render(d, claim) {
    result.replaceChildren();
    var answer = d.answer && typeof d.answer === 'object' ? d.answer : null;
    var smallTalk = answer && typeof answer.smallTalk === 'string' && answer.smallTalk !== '';
    var sides = (Array.isArray(d.sides) ? d.sides : []).filter(function (s) {
      return s && typeof s.verdict === 'string' && Array.isArray(s.evidence) && s.evidence.length;
    });
    var summary = typeof d.summary === 'string' && d.summary ? d.summary : 'The documents don\'t address this claim.';

    // a greeting is answered with what the bot covers: no verdict to show here
    var inForce = answer && !smallTalk ? renderInForce(answer) : null;
    // with no statement to lay out, saying so comes first, and the answer's "closest I found" after it
    if (inForce && sides.length) result.appendChild(inForce);

    var evidence = el('section', 'evidence');
    var head = el('div', 'evidence-head');
    var heading = el('h2', 'section-heading', 'For and against, newest first');
    heading.id = 'evidence-heading';
    evidence.setAttribute('aria-labelledby', heading.id);
    head.appendChild(heading);
    var copy = Scopebot.renderCopyLink(addressFor(claim), { announce: announce }, {
      title: 'Copy a link to this dispute view',
      label: 'Link to this dispute view',
      copied: 'Link to the dispute view copied.'
    });
    head.appendChild(copy.button);
    head.appendChild(copy.row);
    evidence.appendChild(head);

    if (sides.length) {
      evidence.appendChild(el('p', 'summary', summary));
      var cited = {};
      (answer && Array.isArray(answer.citations) ? answer.citations : []).forEach(function (c) {
        if (c && typeof c === 'object') cited[citationKey(c)] = true;
      });
      var grid = el('div', 'sides');
      sides.forEach(function (side, i) { grid.appendChild(renderSide(side, i, cited)); });
      evidence.appendChild(grid);
    } else {
      // the summary says so ("The documents don't address this claim.")
      var empty = el('div', 'empty-state');
      empty.appendChild(el('p', 'empty-title', summary));
      var hint = el('p', 'empty-hint', 'Name the service or the work the customer means (“AD FS for two forests”, '
          + '“public SSL certificates”), or ');
      var chat = el('a', null, 'ask in the chat');
      chat.href = '/';
      hint.appendChild(chat);
      hint.appendChild(document.createTextNode('.'));
      empty.appendChild(hint);
      evidence.appendChild(empty);
    }
    result.appendChild(evidence);
    if (inForce && !sides.length) result.appendChild(inForce);
    result.hidden = false;
    announce(summary);
  }

  function showError(e, claim) {
    // the claim itself is wrong on a 400 or 413: trying it again changes nothing
    Scopebot.showError(errorBox, e, function (err) {
      return err.status === 400 || err.status === 413 ? 'This claim can\'t be checked: ' + err.message + '.' : null;
    }, function () { load(claim); });
  }


  /** Shows the page for a claim: its evidence, or the examples when there is none. */
  function load(claim) {
    var request = begin();
    errorBox.hidden = true;
    result.hidden = true;
    result.replaceChildren();
    start.hidden = !!claim;
    document.title = claim ? 'Dispute: ' + claim + ' — Scopebot' : TITLE;
    if (!claim) {
      setBusy(false);
      return;
    }
    setBusy(true);
    request.load('/api/dispute?' + new URLSearchParams({ claim: claim }).toString(), function (d) {
      render(d, claim);
    }, function (e) {
      showError(e, claim);
    }, function () {
      setBusy(false);
    });
  }

  /**
   * The claim box grows with the claim, so all of it shows, even on a phone: CSS does it where the browser knows
   * field-sizing (dispute.css); elsewhere this sets the height whenever the text or the box's width changes.
   */
  var sizedByCss = window.CSS && CSS.supports && CSS.supports('field-sizing', 'content');
  function fitClaim() {
    if (sizedByCss) return;
    input.style.height = 'auto';
    input.style.height = input.scrollHeight + (input.offsetHeight - input.clientHeight) + 'px';
  }

  input.addEventListener('input', fitClaim);
  if (window.ResizeObserver) new ResizeObserver(fitClaim).observe(input);
  else window.addEventListener('resize', fitClaim);
  input.addEventListener('keydown', function (ev) {
    // a claim is one line: Enter checks it, as in a text field
    if (ev.key === 'Enter' && !ev.isComposing) {
      ev.preventDefault();
      if (form.requestSubmit) form.requestSubmit();
      else form.dispatchEvent(new Event('submit', { cancelable: true }));
    }
  });

  form.addEventListener('submit', function (ev) {
    ev.preventDefault();
    var claim = input.value.replace(/\s+/g, ' ').trim();
    if (!claim) {
      input.value = '';
      input.reportValidity();
      return;
    }
    // a new claim is a new page to come back to; the same one again only reloads it
    if (claim === claimInAddress()) history.replaceState(null, '', addressFor(claim));
    else history.pushState(null, '', addressFor(claim));
    load(claim);
  });

  window.addEventListener('popstate', function () {
    input.value = claimInAddress();
    fitClaim();
    load(input.value);
  });

  input.value = claimInAddress();
  fitClaim();
  load(input.value);
  if (!input.value) input.focus();
})();
