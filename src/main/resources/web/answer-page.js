/*
 * Scopebot answer page — one answer record at /answers/{id}: the server writes its question, verdict and first quote
 * into the page; this shows the whole answer as the web chat does (every quote, feedback, copy link, the experts'
 * answers when it was handed off). Server text is
 * only ever set via textContent.
 */
(function () {
  'use strict';

  var main = document.getElementById('main');
  var box = document.getElementById('answer');
  var id = main.getAttribute('data-answer-id');
  Scopebot.getJson('/api/answers/' + encodeURIComponent(id)).then(function (record) {
    if (!record || typeof record.answer !== 'object' || record.answer === null) return;
    var data = record.answer;
    data.id = record.id;
    data.link = window.location.pathname;
    var article = Scopebot.renderAnswer(data, {
      restored: true,
      disputeLinks: false,
      announce: function (text) { Scopebot.announce(document.getElementById('announce'), text); }
    });
    // a question handed to the experts shows their answers, marked as theirs, under the documents'
    Scopebot.experts.attach(article, data, { handoff: record.handoff }, null);
    box.textContent = '';
    box.appendChild(article);
  }, function () {
    // the server's summary stays: it is the answer, without the buttons
  });
}());
