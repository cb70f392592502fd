// The index's keys (site/Search/IndexFormat.cs names each once) are the keys search.js reads: every key the files hold is read
// by some query, and no key the script reads is missing from them. Runs queries against the site named by SEARCH_SITE with
// each file's objects watched.
'use strict';
const test = require('node:test');
const assert = require('node:assert');
const fs = require('node:fs');
const path = require('node:path');
const search = require('../../theme/assets/search.js');

const { dir, read: parse, toc, loadPage, groups } = require('./built-index.js').searchSite();
const read = { toc: new Set() };
const missing = [];

// An object of the index whose key reads are recorded under its kind.
function watch(kind, value) {
  return new Proxy(value, {
    get(target, key) {
      // A promise resolved with the object asks whether it is a promise itself ('then'): that is no read of the format.
      if (typeof key !== 'string' || key === 'then') return target[key];
      read[kind].add(key);
      if (!(key in target)) missing.push(`${kind}.${key}`);
      return target[key];
    },
  });
}

const index = new search.Index((name) => {
  const content = parse(name);
  return Promise.resolve(name === 'index.json' ? watch('toc', content) : content);
}, loadPage);

test('every key the index files hold is read by the script, and every key it reads is there', async () => {
  const year = Object.keys(toc.years.zh)[0];
  const queries = [
    { q: '兖州' }, { q: '老尚' }, { q: 'Yanzhou' }, { q: 'teach' }, { q: '耿丽丽', lang: 'zh' },
    { q: '兖州', year: year }, { q: '兖州', department: toc.departments[0] }, { q: '兖州', department: 'no-such-department' },
  ];
  for (const query of queries) {
    const result = await index.search(query);
    for (const g of result.groups) {
      for (const s of g.sections) await index.fragment(s.id);
    }
  }

  assert.deepStrictEqual(missing, []);
  assert.deepStrictEqual([...read.toc].sort(), Object.keys(toc).sort(), 'keys of index.json written but never read');
});

test('the pages files name the page of every group, in order, and each page is there with its title and records', async () => {
  assert.strictEqual(toc.pf.length, Math.ceil(groups / toc.p));
  for (const name of [...toc.sf, ...toc.pf, ...toc.ff]) assert.ok(fs.existsSync(path.join(dir, `${name}.json.gz`)), `${name} is listed but not there`);
  const urls = toc.pf.flatMap((name) => parse(`${name}.json.gz`));
  assert.strictEqual(urls.length, groups);
  for (let g = 0; g < groups; g++) {
    const page = await index.page(g);
    assert.strictEqual(page.u, urls[g]);
    assert.ok(page.t.length > 0 && page.d.length > 0, `group ${g}: ${page.u} has no title or date`);
    assert.ok(page.r.length >= 1 && page.r.length <= (1 << toc.shift), `group ${g}: ${page.r.length} records`);
  }
});

test('a department with no report in the index finds nothing and fetches no filter file', async () => {
  const result = await index.search({ q: '兖州', department: 'no-such-department' });
  assert.strictEqual(result.groups.length, 0);
});
