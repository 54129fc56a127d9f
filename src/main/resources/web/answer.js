/*
 * Scopebot web chat — one answer as the page shows it: verdict, how sure, the answer, the quotes and where they
 * come from, feedback and a link to the answer's record. Server text is only ever set via textContent.
 */
var Scopebot = window.Scopebot || {};

(function () {
  'use strict';

  var VERDICTS = {
    in_scope: ['✅', 'In scope'],
    out_of_scope: ['⛔', 'Out of scope'],
    customer: ['👤', 'Customer\'s responsibility'],
    microsoft: ['🏢', 'Microsoft\'s responsibility'],
    shared: ['🤝', 'Shared responsibility'],
    info: ['ℹ️', 'From the documents'],
    unknown: ['❓', 'Not in the documents']
  };
  /** A greeting, thanks or a question about the bot is answered with what it covers: that is not a verdict. */
  var ABOUT = ['💬', 'About Scopebot'];
  var NETWORK_ERROR = 'Couldn\'t reach Scopebot — is the server running?';
  /** The answer text ends with this sentence when documents disagree (see Answerer on the server). */
  var DIFFER_MARK = 'Sources differ:';
  /** A follow-up's answer text opens with this line (see Answer.readAs on the server). */
  var READ_AS_MARK = 'Reading this as: ';
  /** With a "history", the answer text ends with one of these lines (see Answerer.withHistory on the server). */
  var HISTORY_MARKS = [' Changed in the ', ' New in the '];

  /** Create an element with optional class and text (text goes through textContent). */
  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }

  /** A symbol or emoji beside words: screen readers read the words only. */
  function icon(symbol) {
    var span = el('span', 'icon', symbol);
    span.setAttribute('aria-hidden', 'true');
    return span;
  }

  function smoothScroll() {
    return window.matchMedia('(prefers-reduced-motion: reduce)').matches ? 'auto' : 'smooth';
  }

  /**
   * fetch, then the body as JSON (or null); rejects with an Error carrying a user-facing message and, when the server
   * answered, its HTTP status (error.status).
   */
  function requestJson(url, init) {
    return fetch(url, init).catch(function () {
      throw new Error(NETWORK_ERROR);
    }).then(function (res) {
      return res.text().then(function (raw) {
        var data = null;
        try { data = raw ? JSON.parse(raw) : null; } catch (e) { data = null; }
        if (!res.ok) {
          var msg = data && typeof data.error === 'string' && data.error
            ? data.error : 'Something went wrong (HTTP ' + res.status + ').';
          var error = new Error(msg);
          error.status = res.status;
          throw error;
        }
        return data;
      });
    });
  }

  /** POST JSON; resolves to parsed body (or null), rejects as requestJson does. */
  function postJson(url, body) {
    return requestJson(url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Accept': 'application/json' },
      body: JSON.stringify(body)
    });
  }

  /** GET JSON, with more request headers when given; resolves to parsed body (or null), rejects as requestJson does. */
  function getJson(url, headers) {
    return requestJson(url, { headers: Object.assign({ 'Accept': 'application/json' }, headers || {}) });
  }

  /**
   * A page's loads, each superseding the ones before: begin() starts one and returns it. Its load(url, show, fail,
   * done, headers) GETs JSON (with those request headers, if any) and calls show(data) (an empty reply fails),
   * fail(error) and then done() — each only while no later load has begun, so a slow reply never overwrites a newer
   * one. A load that fetches nothing still supersedes.
   */
  function newestOnly() {
    var newest = 0;
    return function begin() {
      var mine = ++newest;
      function current() { return mine === newest; }
      return {
        load: function (url, show, fail, done, headers) {
          return getJson(url, headers).then(function (data) {
            if (!current()) return;
            if (!data || typeof data !== 'object') throw new Error('The server sent an empty reply.');
            show(data);
          }).catch(function (e) {
            if (current()) fail(e);
          }).then(function () {
            if (current()) done();
          });
        }
      };
    };
  }

  /**
   * Words for the engine's confidence, the chance the verdict is right (0..1; a verdict under the fitted threshold,
   * about 0.7, is withheld, so committed ones start there); the number itself goes in the tooltip.
   */
  function renderConfidence(confidence) {
    var level = confidence >= 0.8 ? 'high' : confidence >= 0.7 ? 'medium' : 'low';
    var words = { high: 'High confidence', medium: 'Medium confidence', low: 'Low confidence' }[level];
    var node = el('span', 'confidence confidence-' + level, words);
    node.title = 'Confidence ' + confidence.toFixed(2) + ' on a scale from 0 to 1';
    return node;
  }

  function renderSourceLink(c) {
    var a = el('a', 'source-link', 'Open in document');
    a.appendChild(icon(' ↗'));
    a.href = c.url;
    a.target = '_blank';
    a.rel = 'noopener noreferrer';
    // the trail names the document by its title; the file it lives in is named here
    var file = (c.document || '') + (c.document && c.line ? ', line ' + c.line : '');
    if (file) a.title = file;
    a.setAttribute('aria-label', 'Open in document' + (file ? ': ' + file : '') + ' (opens in a new tab)');
    return a;
  }

  /**
   * The headings from the title down to the passage, without the top one when it only repeats the title, or the
   * title less a qualifier ("FastTrack responsibilities (2017)"): the rule of Citation.headings() on the server.
   */
  function headings(title, section) {
    if (!section.length) return section;
    var t = title.trim().toLowerCase();
    var top = section[0].trim().toLowerCase();
    var repeats = top !== '' && t.indexOf(top) === 0
        && (t.length === top.length || !/[\p{L}\p{Nd}]/u.test(t.charAt(top.length)));
    return repeats ? section.slice(1) : section;
  }

  /** The quote as the document has it, the statement that counts marked in it when the quote says more. */
  function renderQuote(quote, statement) {
    var q = el('blockquote', 'quote');
    var at = statement && statement !== quote ? quote.indexOf(statement) : -1;
    if (at < 0) {
      q.textContent = quote || statement;
      return q;
    }
    q.appendChild(document.createTextNode(quote.slice(0, at)));
    q.appendChild(el('mark', 'statement', statement));
    q.appendChild(document.createTextNode(quote.slice(at + statement.length)));
    return q;
  }
  /** Where a quote comes from: title › headings · revision, "superseded revision" when newer exists, the link. */
  function renderTrail(c) {
    var meta = el('div', 'trail-row');
    var title = c.title || c.document || 'Document';
    var section = headings(title, Array.isArray(c.section) ? c.section.filter(Boolean) : []);
    var trail = el('span', 'trail');
    trail.appendChild(el('cite', 'doc-title', title));
    var rest = section.map(function (s) { return ' › ' + s; }).join('');
    if (c.revision) rest += ' · ' + c.revision;
    if (rest) trail.appendChild(document.createTextNode(rest));
    meta.appendChild(trail);
    if (c.current === false) meta.appendChild(el('span', 'tag superseded', 'superseded revision'));
    if (c.url && /^https?:\/\//i.test(c.url)) meta.appendChild(renderSourceLink(c));
    return meta;
  }

  function renderCitations(list, className) {
    var ol = el('ol', className);
    list.forEach(function (c) {
      var li = el('li', 'citation');
      li.appendChild(el('blockquote', 'quote', c.quote || ''));
      li.appendChild(renderTrail(c));
      ol.appendChild(li);
    });
    return ol;
  }

  /**
   * "Was this helpful?" and the reason box 👎 opens, as [question, reason box, error line] for the answer's foot;
   * or, when feedback was already sent, [a line saying so].
   */
  function renderFeedback(id, options) {
    if (options.feedback) {
      return [el('p', 'feedback-done', options.feedback === 'helpful'
        ? 'You marked this answer helpful.' : 'You marked this answer not helpful.')];
    }
    var box = el('div', 'feedback');
    box.setAttribute('role', 'group');
    var labelId = 'helpful-' + id + '-' + Math.random().toString(36).slice(2, 8);
    var question = el('span', 'feedback-label', 'Was this helpful?');
    question.id = labelId;
    box.setAttribute('aria-labelledby', labelId);
    var up = el('button', 'feedback-up');
    var down = el('button', 'feedback-down');
    up.appendChild(icon('👍'));
    up.appendChild(document.createTextNode(' Yes'));
    down.appendChild(icon('👎'));
    down.appendChild(document.createTextNode(' No'));
    up.type = down.type = 'button';
    box.appendChild(question);
    box.appendChild(up);
    box.appendChild(down);
    var err = el('p', 'feedback-error');
    err.setAttribute('role', 'alert');
    err.hidden = true;

    var reasonForm = el('form', 'feedback-reason');
    reasonForm.hidden = true;
    var reasonId = 'reason-' + id + '-' + Math.random().toString(36).slice(2, 8);
    var label = el('label', 'visually-hidden', 'What was wrong? (optional)');
    label.htmlFor = reasonId;
    var reason = el('input');
    reason.id = reasonId;
    reason.type = 'text';
    reason.maxLength = 500;
    reason.placeholder = 'What was wrong? (optional)';
    var send = el('button', 'feedback-send', 'Send');
    send.type = 'submit';
    reasonForm.appendChild(label);
    reasonForm.appendChild(reason);
    reasonForm.appendChild(send);

    function submit(payload, controls) {
      controls.forEach(function (b) { b.disabled = true; });
      err.hidden = true;
      payload.channel = 'web';
      postJson('/api/answers/' + encodeURIComponent(id) + '/feedback', payload).then(function () {
        var done = el('p', 'feedback-done', 'Thanks for the feedback.');
        done.setAttribute('role', 'status');
        box.replaceWith(done);
        reasonForm.remove();
        err.remove();
        if (options.onFeedback) options.onFeedback(id, payload.helpful);
      }, function (e) {
        err.textContent = e.message;
        err.hidden = false;
        controls.forEach(function (b) { b.disabled = false; });
      });
    }

    up.addEventListener('click', function () { submit({ helpful: true }, [up, down, send]); });
    down.addEventListener('click', function () {
      reasonForm.hidden = false;
      down.setAttribute('aria-pressed', 'true');
      reason.focus({ preventScroll: true });
      // the box opens below the thumbs, where the input bar may cover it; html's scroll-padding keeps it clear
      reasonForm.scrollIntoView({ behavior: smoothScroll(), block: 'nearest' });
    });
    reasonForm.addEventListener('submit', function (ev) {
      ev.preventDefault();
      var payload = { helpful: false };
      var text = reason.value.trim();
      if (text) payload.reason = text;
      submit(payload, [up, down, send, reason]);
    });
    return [box, reasonForm, err];
  }

  /** What "Copy link" says for an answer's record; the dispute page passes its own. */
  var RECORD_LINK = {
    title: 'Copy a link to this answer\'s record',
    label: 'Link to this answer',
    copied: 'Link to the answer copied.'
  };

  /**
   * "Copy link" to a URL (by default the answer's record: words as RECORD_LINK), and the row that shows the link
   * selected where the Clipboard API is missing or refused; returned apart ({button, row}) so the row can take the
   * full width under the feedback.
   */
  function renderCopyLink(url, options, words) {
    words = words || RECORD_LINK;
    url = new URL(url, window.location.href).href;
    var button = el('button', 'copy-link', 'Copy link');
    button.type = 'button';
    button.title = words.title;
    var row = el('div', 'record-url-row');
    row.hidden = true;
    var fieldId = 'link-' + Math.random().toString(36).slice(2, 10);
    var label = el('label', 'record-url-label', words.label);
    label.htmlFor = fieldId;
    var field = el('input', 'record-url');
    field.id = fieldId;
    field.type = 'text';
    field.readOnly = true;
    field.value = url;
    var hint = el('span', 'record-url-hint');
    hint.setAttribute('aria-live', 'polite');
    row.appendChild(label);
    row.appendChild(field);
    row.appendChild(hint);

    var timer = null;
    function copied() {
      button.textContent = 'Copied ✓';
      if (options.announce) options.announce(words.copied);
      clearTimeout(timer);
      timer = setTimeout(function () { button.textContent = 'Copy link'; }, 2500);
    }
    function selectInstead() {
      row.hidden = false;
      field.focus();
      field.select();
      field.scrollLeft = 0; // show where the link starts; it stays selected whole
      var ok = false;
      try { ok = document.execCommand('copy'); } catch (e) { ok = false; }
      hint.textContent = ok ? '' : 'Press Ctrl+C (⌘C on a Mac) to copy.';
      if (ok) copied();
    }
    button.addEventListener('click', function () {
      // navigator.clipboard only exists on https and localhost
      var clipboard = navigator.clipboard;
      if (clipboard && typeof clipboard.writeText === 'function') {
        clipboard.writeText(url).then(copied, selectInstead);
      } else {
        selectInstead();
      }
    });
    field.addEventListener('focus', function () { field.select(); });
    return { button: button, row: row };
  }

  /** "Changed in the 2018-12 revision; the 2018-03 revision said: …", with a link to where that revision said it. */
  function renderChangeNote(line, history) {
    var note = el('p', 'notice change-note', line);
    note.setAttribute('role', 'note');
    var said = /the (\S+) revision said/.exec(line);
    var step = null;
    history.forEach(function (h) { if (!step && h && said && h.revision === said[1]) step = h; });
    var a = step && newTabLink(step.url, 'Open the ' + step.revision + ' revision');
    if (a) {
      note.appendChild(document.createTextNode(' '));
      note.appendChild(a);
    }
    return note;
  }

  /**
   * A link that opens in a new tab, or null when the address is neither http(s) nor one of this site's pages; label
   * (optional) is what a screen reader says instead of the words.
   */
  function newTabLink(href, words, label) {
    if (typeof href !== 'string' || !/^(https?:\/\/|\/(?!\/))/i.test(href)) return null;
    var a = el('a', 'source-link', words);
    a.appendChild(icon(' ↗'));
    a.href = href;
    a.target = '_blank';
    a.rel = 'noopener noreferrer';
    a.setAttribute('aria-label', (label || words) + ' (opens in a new tab)');
    return a;
  }

  /** "What changed" (see ChangeSummary on the server): each step's counts, examples with their links, its page. */
  function renderChanges(summary) {
    var box = el('div', 'answer-text changes-summary');
    if (typeof summary.note === 'string' && summary.note) box.appendChild(el('p', null, summary.note));
    summary.steps.forEach(function (s) {
      box.appendChild(el('p', 'change-step', 'What changed in ' + s.title + ', ' + s.older + ' → ' + s.newer + ': '
          + s.counts + '.'));
      var list = el('ul', 'change-examples');
      (Array.isArray(s.examples) ? s.examples : []).forEach(function (e) {
        var li = el('li', null, e.kind + ': “' + e.text + '”');
        var link = newTabLink(e.url, e.label);
        if (link) {
          li.appendChild(document.createTextNode(' · '));
          li.appendChild(link);
        }
        list.appendChild(li);
      });
      if (s.more > 0) list.appendChild(el('li', null, '… and ' + s.more + ' more'));
      box.appendChild(list);
      var page = newTabLink(s.page, "Every change in this step, with both revisions' links");
      if (page) box.appendChild(el('p', 'change-page')).appendChild(page);
    });
    return box;
  }

  /** The verdict as a badge ("⛔ Out of scope"); 'about' for a reply to small talk, anything unknown as unknown. */
  function renderBadge(verdict) {
    var known = verdict === 'about' || Object.prototype.hasOwnProperty.call(VERDICTS, verdict);
    var key = known ? verdict : 'unknown';
    var label = key === 'about' ? ABOUT : VERDICTS[key];
    var badge = el('span', 'verdict badge verdict-' + key);
    badge.appendChild(icon(label[0]));
    badge.appendChild(document.createTextNode(' ' + label[1]));
    return badge;
  }

  /** Intents of a question that claims or asks about coverage: what a dispute is about (see Intent on the server). */
  var DISPUTABLE = ['CLAIM', 'COVERED'];

  /** "Dispute view" for the question, as read when it was a follow-up (the page has no conversation to read it in). */
  function renderDisputeLink(data) {
    var claim = typeof data.readAs === 'string' && data.readAs ? data.readAs : data.question;
    var row = el('p', 'dispute-row');
    var a = el('a', 'dispute-link');
    a.appendChild(icon('⚖️ '));
    a.appendChild(document.createTextNode('Dispute view'));
    a.href = '/dispute.html?' + new URLSearchParams({ claim: claim }).toString();
    row.appendChild(a);
    row.appendChild(el('span', 'dispute-hint', 'every statement for and against, across revisions'));
    return row;
  }

  /**
   * The answer as an article. options: feedback ('helpful' / 'not_helpful' when already sent),
   * onFeedback(id, helpful) after feedback is sent, announce(text) for a screen-reader status,
   * restored (true for an answer from the saved conversation: it shows without animation),
   * citations (false to leave the cited quotes out: the dispute page lays them out itself),
   * disputeLinks (true to link a claim or coverage question to its dispute view).
   */
  function renderAnswer(data, options) {
    options = options || {};
    var verdict = Object.prototype.hasOwnProperty.call(VERDICTS, data.verdict) ? data.verdict : 'unknown';
    var msg = el('article', 'message bot answer' + (options.restored ? ' restored' : ''));
    msg.setAttribute('data-verdict', verdict);
    if (typeof data.id === 'string') msg.setAttribute('data-id', data.id);
    var about = typeof data.smallTalk === 'string' && data.smallTalk !== '';
    if (about) msg.setAttribute('data-small-talk', data.smallTalk);

    var head = el('div', 'answer-head');
    head.appendChild(renderBadge(about ? 'about' : verdict));
    if (verdict !== 'unknown' && typeof data.confidence === 'number') {
      head.appendChild(renderConfidence(data.confidence));
    }
    msg.appendChild(head);

    var text = typeof data.answer === 'string' ? data.answer : '';
    if (typeof data.readAs === 'string' && text.indexOf(READ_AS_MARK) === 0) {
      // a follow-up ("and for a single forest?"): how it was read, apart from the answer
      var newline = text.indexOf('\n');
      msg.appendChild(el('p', 'read-as', newline < 0 ? text : text.slice(0, newline)));
      text = newline < 0 ? '' : text.slice(newline + 1);
    }
    var change = null;
    if (Array.isArray(data.history) && data.history.length) {
      // how the cited statement read before ("Changed in the 2018-12 revision; …"): its own line, after the rest
      var from = Math.max.apply(null, HISTORY_MARKS.map(function (m) { return (' ' + text).lastIndexOf(m); }));
      if (from >= 0) {
        change = text.slice(from).trim();
        text = text.slice(0, from).trim();
      }
    }
    var differ = null;
    if (data.sourcesDiffer) {
      // the answer already ends with the sentence naming both sides: show it once, set apart
      var at = text.indexOf(DIFFER_MARK);
      differ = at >= 0 ? text.slice(at) : DIFFER_MARK + ' the cited documents do not say the same; both are cited.';
      if (at >= 0) text = text.slice(0, at).trim();
    }
    if (data.changes && Array.isArray(data.changes.steps) && data.changes.steps.length) {
      msg.appendChild(renderChanges(data.changes));
    } else if (text) {
      msg.appendChild(el('p', 'answer-text', text));
    }
    if (differ) {
      var note = el('p', 'notice sources-differ', differ);
      note.setAttribute('role', 'note');
      msg.appendChild(note);
    }
    if (change) msg.appendChild(renderChangeNote(change, data.history));

    var cites = Array.isArray(data.citations) ? data.citations : [];
    if (cites.length && options.citations !== false) msg.appendChild(renderCitations(cites, 'citations'));

    var closest = Array.isArray(data.closest) ? data.closest : [];
    if (verdict === 'unknown' && closest.length) {
      var sec = el('section', 'closest');
      sec.appendChild(el('h3', 'closest-heading', 'Closest I found'));
      sec.appendChild(renderCitations(closest, 'citations'));
      msg.appendChild(sec);
    }
    if (options.disputeLinks && !about && typeof data.question === 'string' && data.question
        && DISPUTABLE.indexOf(data.intent) >= 0) {
      msg.appendChild(renderDisputeLink(data));
    }
    // a reply to small talk asks for no feedback, as in Slack and Teams
    if (!about && typeof data.id === 'string' && data.id) {
      // in reading order: the thumbs and "Copy link" on one line, then what either of them opens
      var feedback = renderFeedback(data.id, options);
      // the answer's page (the record as JSON stays at /api/answers/{id})
      var copy = renderCopyLink(typeof data.link === 'string' && data.link ? data.link
        : '/answers/' + encodeURIComponent(data.id), options);
      var foot = el('div', 'answer-foot');
      [feedback[0], copy.button].concat(feedback.slice(1), [copy.row]).forEach(function (node) {
        foot.appendChild(node);
      });
      msg.appendChild(foot);
    } else if (!about && data.recorded === false) {
      // given while the answer store was down or slow: no record, so no link and nothing to attach feedback to
      msg.appendChild(el('p', 'notice not-recorded', typeof data.recordNote === 'string' && data.recordNote
        ? data.recordNote : 'This answer was not recorded, so it has no link or feedback buttons.'));
    }
    return msg;
  }

  /**
   * Shows why a page's request failed in its error box. refusal(e) gives the message for a request the server refused
   * as it stands (a bad query, an unknown document): sending it again would fail the same way, so only the other
   * failures — a loading index, a lost connection — get "Try again", which calls retry.
   */
  function showError(box, e, refusal, retry) {
    box.replaceChildren();
    var refused = e.status === 503 ? null : refusal(e);
    var message = e.status === 503 ? 'Scopebot is still loading the documents. Try again in a moment.'
        : refused || e.message || NETWORK_ERROR;
    box.appendChild(el('span', 'error-text', message));
    if (!refused) {
      var again = el('button', 'retry', 'Try again');
      again.type = 'button';
      again.addEventListener('click', retry);
      box.appendChild(again);
    }
    box.hidden = false;
  }

  /** Reads text out through a page's aria-live region; cleared first so the same words twice are read twice. */
  function announce(region, text) {
    region.textContent = '';
    setTimeout(function () { region.textContent = text; }, 50);
  }

  Scopebot.el = el;
  Scopebot.announce = announce;
  Scopebot.showError = showError;
  Scopebot.icon = icon;
  Scopebot.newTabLink = newTabLink;
  Scopebot.postJson = postJson;
  Scopebot.getJson = getJson;
  Scopebot.newestOnly = newestOnly;
  Scopebot.smoothScroll = smoothScroll;
  Scopebot.renderAnswer = renderAnswer;
  Scopebot.renderBadge = renderBadge;
  Scopebot.renderTrail = renderTrail;
  Scopebot.renderQuote = renderQuote;
  Scopebot.headings = headings;
  Scopebot.renderCopyLink = renderCopyLink;
  Scopebot.NETWORK_ERROR = NETWORK_ERROR;
})();
