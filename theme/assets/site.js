/* ReportArchive: the '/' key jumps to the search box, as on the search page (search.js does the same there). Pages need no script. */
(function (doc) {
  'use strict';
  doc.addEventListener('keydown', function (e) {
    if (e.key !== '/' || e.ctrlKey || e.metaKey || e.altKey) return;
    var target = e.target;
    var tag = target && target.tagName;
    if (tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT' || (target && target.isContentEditable)) return;
    var input = doc.querySelector('[data-search-input]');
    if (!input) return;
    e.preventDefault();
    input.focus();
    input.select();
  });
})(document);
