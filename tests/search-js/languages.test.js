// Queries run by search.js against the index of a site in three languages (tests/ReportArchive.Tests/Fixtures/trilingual:
// a zh-Hans original with en and zh-Hant translations), named by LANGUAGES_SITE; the test project builds it.
'use strict';
const test = require('node:test');
const assert = require('node:assert');
const search = require('../../theme/assets/search.js');

const { read, toc, loadPage } = require('./built-index.js').builtIndex(process.env.LANGUAGES_SITE,
  'set LANGUAGES_SITE to a build of tests/ReportArchive.Tests/Fixtures/trilingual');
const index = new search.Index((name) => Promise.resolve(read(name)), loadPage);

async function languagesOf(q, filters) {
  const result = await index.search(Object.assign({ q: q }, filters || {}));
  const langs = [];
  for (const g of result.groups) {
    const fragment = await index.fragment(g.sections[0].id);
    if (!langs.includes(fragment.l)) langs.push(fragment.l);
  }
  return langs.sort();
}

test('the index has a range of records for each of the three languages', () => {
  assert.deepStrictEqual(Object.keys(toc.langs).sort(), ['en', 'zh', 'zh-hant']);
});

test('simplified Chinese text is found in the original', async () => {
  assert.deepStrictEqual(await languagesOf('图书馆'), ['zh']);
  assert.deepStrictEqual(await languagesOf('少儿阅览区'), ['zh']);
});

test('traditional Chinese text is found in the zh-Hant translation', async () => {
  assert.deepStrictEqual(await languagesOf('圖書館'), ['zh-hant']);
  assert.deepStrictEqual(await languagesOf('少兒閱覽區'), ['zh-hant']);
});

test('English words are found by prefix in the English translation', async () => {
  assert.deepStrictEqual(await languagesOf('librar'), ['en']);
  assert.deepStrictEqual(await languagesOf('reading room'), ['en']);
});

test('text both Chinese scripts share is found in both, and the language filter keeps one', async () => {
  assert.deepStrictEqual(await languagesOf('河畔'), ['zh', 'zh-hant']);
  assert.deepStrictEqual(await languagesOf('河畔', { lang: 'zh-hant' }), ['zh-hant']);
  assert.deepStrictEqual(await languagesOf('河畔', { lang: 'zh' }), ['zh']);
});

test('a result of the zh-Hant translation links its own page, with its date as zh-Hant writes it', async () => {
  const result = await index.search({ q: '圖書館' });
  const fragment = await index.fragment(result.groups[0].sections[0].id);
  assert.strictEqual(fragment.u.split('#')[0], '/archive/zh-hant/reports/2024/river-library/');
  assert.strictEqual(fragment.d, '2024年3月18日');
  assert.strictEqual(fragment.t, '河畔圖書館重新開放'); // the page's own title, without the original it carries for the parallel mode
  assert.ok(fragment.x.includes('圖書館') || fragment.t.includes('圖書館') || (fragment.h || '').includes('圖書館'), JSON.stringify(fragment));
});
