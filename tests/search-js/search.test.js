// Queries run by search.js against an index built by the C# generator. The site is the one named by SEARCH_SITE (the test
// project builds the frozen seed site of tests/ReportArchive.Tests/Fixtures/seed with extra reports for these cases), else output/ after `dotnet run --project site -- build`.
// Every Chinese query is checked against an oracle: the records whose own text contains the query as a substring.
'use strict';
const test = require('node:test');
const { before } = require('node:test');
const assert = require('node:assert');
const search = require('../../theme/assets/search.js');

const { read, toc, loadPage, groups } = require('./built-index.js').searchSite();
const loads = [];
const index = new search.Index((name) => { loads.push(name); return Promise.resolve(read(name)); }, loadPage);

// Every record, as the pages show it: the head and each section of every report in every language. A section of a
// translation that is not translated yet keeps its place on the page (its heading is the original's, with no original
// beside it) but is no record.
let records = [];
before(async () => {
  for (let g = 0; g < groups; g++) {
    const page = await index.page(g);
    const doc = await loadPage(page.u);
    const sections = [...doc.querySelectorAll('article section[aria-labelledby]')];
    const translated = doc.querySelector('article#parallel') !== null;
    page.r.forEach((r, i) => {
      if (i > 0 && translated && !sections[i - 1].querySelector('h2 .orig')) return;
      records.push({ id: (g << toc.shift) | i, t: page.t, h: r.h, l: page.l, x: r.x, u: page.u + (r.s ? '#' + r.s : '') });
    });
  }
});
const ownText = (r) => search.fold([r.h === null ? r.t : r.h, r.x].join('\n'));

async function ids(q, filters) {
  const result = await index.search(Object.assign({ q: q }, filters || {}));
  return result.groups.flatMap((g) => g.sections.map((s) => s.id)).sort((a, b) => a - b);
}

function oracle(predicate) {
  return records.filter((r) => predicate(ownText(r))).map((r) => r.id).sort((a, b) => a - b);
}

test('results read from a translation\'s page show its own text, not the original it carries hidden for the parallel mode', () => {
  const english = records.filter((r) => r.l === 'en');
  assert.ok(english.length > 0 && english.every((r) => r.x.length > 0 || r.h !== null));
  for (const r of english) assert.doesNotMatch([r.t, r.h || '', r.x].join('\n'), /[\u4e00-\u9fff]/, r.u);
});

test('the index covers records in both languages', () => {
  assert.ok(records.some((r) => r.l === 'zh') && records.some((r) => r.l === 'en'));
  assert.strictEqual(records.length, toc.n);
});

for (const q of ['老尚', '耿丽丽', '鲁担惠农贷', '兖周到', '专项债券', '兖州区人民检察院', '老', '尚', '检察官']) {
  test(`"${q}" finds exactly the records that contain it`, async () => {
    const expected = oracle((text) => text.includes(q));
    assert.ok(expected.length > 0, `no record contains ${q}`);
    assert.deepStrictEqual(await ids(q), expected);
  });
}

test('a record with 老 and 尚 apart is not a hit for 老尚', async () => {
  const apart = oracle((text) => text.includes('老') && text.includes('尚') && !text.includes('老尚'));
  assert.ok(apart.length > 0, 'the test site needs a record with 老 and 尚 apart');
  const hits = await ids('老尚');
  for (const id of apart) assert.ok(!hits.includes(id), `record ${id} has 老 and 尚 apart but was found`);
});

test('full-width and half-width forms find each other', async () => {
  assert.deepStrictEqual(await ids('ＰＰＰ'), await ids('PPP'));
  assert.ok((await ids('ＰＰＰ')).length > 0);
});

test('English words match by prefix, whatever their case', async () => {
  const expected = oracle((text) => /(^|[^a-z0-9])teach/.test(text));
  assert.ok(expected.length > 0);
  assert.deepStrictEqual(await ids('teach'), expected);
  assert.deepStrictEqual(await ids('TEACH'), expected);
});

test('names as written in the translation', async () => {
  for (const name of ['Shang Chuanyun', 'Geng Lili']) {
    const [a, b] = name.toLowerCase().split(' ');
    const expected = oracle((text) => new RegExp(`(^|[^a-z])${a}`).test(text) && new RegExp(`(^|[^a-z])${b}`).test(text));
    assert.ok(expected.length > 0, name);
    assert.deepStrictEqual(await ids(name), expected, name);
  }
});

test('a mixed query requires every part', async () => {
  const both = await ids('PPP 项目');
  assert.deepStrictEqual(both, oracle((text) => /(^|[^a-z0-9])ppp/.test(text) && text.includes('项目')));
  assert.ok(both.length > 0);
  assert.ok(both.length < (await ids('项目')).length);
});

test('a Chinese query from any page finds Chinese records, and the language filter narrows to one language', async () => {
  const all = await ids('兖州');
  const zh = await ids('兖州', { lang: 'zh' });
  const en = await ids('Yanzhou', { lang: 'en' });
  assert.ok(zh.length > 0 && en.length > 0);
  const group = (id) => id >> toc.shift;
  assert.ok(zh.every((id) => group(id) >= toc.langs.zh[0] && group(id) < toc.langs.zh[1]));
  assert.ok(en.every((id) => group(id) >= toc.langs.en[0] && group(id) < toc.langs.en[1]));
  assert.deepStrictEqual(await ids('兖州', { lang: 'en' }), all.filter((id) => group(id) >= toc.langs.en[0]));
});

test('year and department filters keep only records of that year and department', async () => {
  const years = Object.keys(toc.years.zh);
  assert.ok(years.length > 0);
  const year = years[0];
  const inYear = await ids('的', { year: year });
  const [s, e] = toc.years.zh[year];
  assert.ok(inYear.length > 0);
  assert.ok(inYear.every((id) => (id >> toc.shift) >= s && (id >> toc.shift) < e || (toc.years.en[year] && (id >> toc.shift) >= toc.years.en[year][0] && (id >> toc.shift) < toc.years.en[year][1])));
  const department = toc.departments[0];
  const withDepartment = await ids('的', { department: department });
  assert.ok(withDepartment.length > 0);
  assert.ok(withDepartment.length <= (await ids('的')).length);
  // A department with no report in the index (it has no filter file) matches nothing.
  assert.deepStrictEqual(await ids('的', { department: 'no-such-department' }), []);
});

test('ranking puts a title match first', async () => {
  const result = await index.search({ q: '高质量' });
  const top = result.groups[0].sections[0].id;
  assert.strictEqual(top & ((1 << toc.shift) - 1), 0, 'the head record (title) should rank first');
});

test('a query fetches only the table of contents, the records\' lengths and the shards it needs', async () => {
  loads.length = 0;
  const fresh = new search.Index((name) => { loads.push(name); return Promise.resolve(read(name)); }, loadPage);
  await fresh.search({ q: '耿丽丽' });
  assert.deepStrictEqual(loads[0], 'index.json');
  assert.ok(loads.length <= 4, loads.join(', '));
  const rest = loads.slice(1).map((n) => n.replace(/\.json\.gz$/, ''));
  assert.deepStrictEqual(rest.filter((n) => !toc.sf.includes(n)), [toc.nf]);
});

test('the lengths file gives every record a length code and none to an index without a record', () => {
  const lengths = read(toc.nf + '.json.gz');
  assert.strictEqual(lengths.length, groups);
  let records = 0;
  lengths.forEach((text) => { for (const c of text) if (c !== ' ') records++; });
  assert.strictEqual(records, toc.n);
});

test('a query of only separators or emoji finds nothing, without fetching', async () => {
  const result = await index.search({ q: '，。！😀' });
  assert.strictEqual(result.groups.length, 0);
});

test('excerpts show the first match in a window of the text', () => {
  const text = 'a'.repeat(300) + ' 耿丽丽 ' + 'b'.repeat(300);
  const ex = search.excerpt(text, search.parse('耿丽丽'), 90);
  assert.ok(ex.before && ex.after);
  assert.strictEqual(ex.marks.length, 1);
  assert.strictEqual(ex.text.slice(ex.marks[0].start, ex.marks[0].end), '耿丽丽');
});

test('the excerpt prefers the place where more parts of the query occur together', () => {
  const text = 'Ms Geng said so. ' + 'x '.repeat(150) + 'Geng Lili teaches here.';
  const ex = search.excerpt(text, search.parse('Geng Lili'), 80);
  assert.deepStrictEqual(ex.marks.map((m) => ex.text.slice(m.start, m.end)), ['Geng', 'Lili']);
});
