/* ReportArchive: what pages do with a script, none of which they need to be read. Plain ES5, for old phones and in-app browsers.
   - the '/' key jumps to the search box, as on the search page (search.js does the same there);
   - a translation's parallel mode stays on while the reader moves within the page (browsers without :has() need this);
   - the copy-link and share buttons appear where the browser can do what they do;
   - a page opened from a search result (?q=…) loads search.js, which marks the words found. */
(function (doc, win) {
  'use strict';
  var script = doc.currentScript || doc.querySelector('script[data-search]');

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

  // Parallel mode: on at #parallel and #parallel-<section>; kept on when the reader follows a link within the article.
  var article = doc.getElementById('parallel');
  function setParallel(on) {
    if (!article) return;
    article.className = article.className.replace(/(^|\s)parallel-on(\s|$)/g, ' ').replace(/^\s+|\s+$/g, '') + (on ? ' parallel-on' : '');
  }
  if (article) {
    var wasOn = /^#parallel(-|$)/.test(win.location.hash);
    setParallel(wasOn);
    win.addEventListener('hashchange', function () {
      var hash = win.location.hash;
      var target = hash.length > 1 && doc.getElementById(decodeURIComponent(hash.slice(1)));
      wasOn = /^#parallel(-|$)/.test(hash) || (wasOn && !!target && article.contains(target));
      setParallel(wasOn);
    });
  }

  // Copy and share the page's permanent address: the buttons are shown only where the browser has the means.
  var status = doc.querySelector('.copy-status');
  var permalink = doc.querySelector('.permalink');
  var copy = doc.querySelector('[data-copy]');
  if (copy && permalink && win.navigator.clipboard && win.isSecureContext) {
    copy.hidden = false;
    copy.addEventListener('click', function () {
      win.navigator.clipboard.writeText(permalink.href).then(function () {
        if (status) status.textContent = copy.getAttribute('data-copy');
      }, function () {});
    });
  }
  var share = doc.querySelector('[data-share]');
  if (share && permalink && typeof win.navigator.share === 'function') {
    share.hidden = false;
    share.addEventListener('click', function () {
      win.navigator.share({ title: doc.title, url: permalink.href }).then(null, function () {});
    });
  }

  // A page opened from a search result (?q=…): search.js marks the words found (it knows how the index matches them).
  if (/[?&]q=/.test(win.location.search) && doc.querySelector('article.report') && script && script.getAttribute('data-search')) {
    var loader = doc.createElement('script');
    loader.src = script.getAttribute('data-search');
    doc.head.appendChild(loader);
  }
})(document, window);
