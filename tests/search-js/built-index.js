// The search index of a built site as the tests read it: the folder search/, and each file parsed as search.js parses it.
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const search = require('../../theme/assets/search.js');

/** The index under site/search/; `missing` says what to do when there is none. */
function builtIndex(site, missing) {
  const dir = path.join(site || '', 'search');
  if (!site || !fs.existsSync(path.join(dir, 'index.json'))) throw new Error(`no search index at ${dir}: ${missing}`);
  const read = (name) => search.parseIndexFile(fs.readFileSync(path.join(dir, name)));
  return { dir, read, toc: read('index.json') };
}

/** The site of SEARCH_SITE (the test project builds it), else output/ after a build. */
function searchSite() {
  return builtIndex(process.env.SEARCH_SITE || path.join(__dirname, '../../output'),
    'build the site first (dotnet run --project site -- build) or set SEARCH_SITE');
}

module.exports = { builtIndex, searchSite };
