// The index's keys (site/Search/IndexFormat.cs names each once) are the keys search.js reads: every key the files hold is read
// by some query, and no key the script reads is missing from them. Runs queries against the site named by SEARCH_SITE with
// each file's objects watched.
'use strict';
const test = require('node:test');
const assert = require('node:assert');
const fs = require('node:fs');
const path = require('node:path');
const search = require('../../theme/assets/search.js');

const { dir, read: parse, toc } = require('./built-index.js').searchSite();
const read = { toc: new Set(), fragment: new Set(), record: new Set() };
const missing = [];

// An object of the index whose key reads are recorded under its kind; a fragment file's records are watched too.
function watch(kind, value) {
  return new Proxy(value, {
    get(target, key) {
      // A promise resolved with the object asks whether it is a promise itself ('then'): that is no read of the format.
      if (typeof key !== 'string' || key === 'then') return target[key];
      read[kind].add(key);
      if (!(key in target)) missing.push(`${kind}.${key}`);
      const v = target[key];
      return kind === 'fragment' && key === 'r' ? v.map((r) => watch('record', r)) : v;
    },
  });
}

const index = new search.Index((name) => {
  const content = parse(name);
  if (name === 'index.json') return Promise.resolve(watch('toc', content));
  if (/\/g\d+\.json\.gz$/.test(name)) return Promise.resolve(watch('fragment', content));
  return Promise.resolve(content);
});

const groups = fs.readdirSync(path.join(dir, toc.v)).filter((f) => /^g\d+\.json\.gz$/.test(f)).map((f) => parse(toc.v + '/' + f));
const written = {
  toc: new Set(Object.keys(toc)),
  fragment: new Set(groups.flatMap((g) => Object.keys(g))),
  record: new Set(groups.flatMap((g) => g.r.flatMap((r) => Object.keys(r)))),
};

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
  for (const kind of Object.keys(written)) {
    assert.deepStrictEqual([...read[kind]].filter((k) => written[kind].has(k)).sort(), [...written[kind]].sort(), `${kind}: keys written but never read`);
  }
});

test('a department with no report in the index finds nothing and fetches no filter file', async () => {
  const result = await index.search({ q: '兖州', department: 'no-such-department' });
  assert.strictEqual(result.groups.length, 0);
});
