// The search index of a built site as the tests read it: the folder search/, each file parsed as search.js parses it, and the
// site's pages, parsed as a browser parses them (search.js reads results from the pages).
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const { DOMParser } = require('linkedom');
const search = require('../../theme/assets/search.js');

/** The index under site/search/; `missing` says what to do when there is none. */
function builtIndex(site, missing) {
  const dir = path.join(site || '', 'search');
  if (!site || !fs.existsSync(path.join(dir, 'index.json'))) throw new Error(`no search index at ${dir}: ${missing}`);
  const read = (name) => search.parseIndexFile(fs.readFileSync(path.join(dir, name)));
  const loaded = [];
  // The page a root-relative address names, whatever base path the site was built with.
  const loadPage = (url) => {
    loaded.push(url);
    const parts = url.split('#')[0].split('/').filter(Boolean);
    for (let i = 0; i <= parts.length; i++) {
      const file = path.join(site, ...parts.slice(i), 'index.html');
      if (fs.existsSync(file)) return Promise.resolve(new DOMParser().parseFromString(fs.readFileSync(file, 'utf8'), 'text/html'));
    }
    return Promise.reject(new Error(`no page at ${url}`));
  };
  const toc = read('index.json');
  const groups = Math.max(0, ...Object.values(toc.langs).map((range) => range[1]));
  return { dir, read, toc, loadPage, loaded, groups };
}

/** The site of SEARCH_SITE (the test project builds it), else output/ after a build. */
function searchSite() {
  return builtIndex(process.env.SEARCH_SITE || path.join(__dirname, '../../output'),
    'build the site first (dotnet run --project site -- build) or set SEARCH_SITE');
}

module.exports = { builtIndex, searchSite };
