// The query tokenizer against the vectors the C# index tokenizer is checked against (TokenizerTests.cs).
'use strict';
const test = require('node:test');
const assert = require('node:assert');
const fs = require('node:fs');
const path = require('node:path');
const search = require('../../theme/assets/search.js');

const vectors = fs.readFileSync(path.join(__dirname, '../ReportArchive.Tests/Fixtures/search/tokens.tsv'), 'utf8')
  .split('\n').filter((line) => line.length > 0 && !line.startsWith('#')).map((line) => line.split('\t'));

test('the shared vectors file has cases', () => {
  assert.ok(vectors.length >= 30, `only ${vectors.length} vectors`);
  for (const v of vectors) assert.strictEqual(v.length, 2, `not "text<TAB>tokens": ${v.join('|')}`);
});

for (const [text, expected] of vectors) {
  test(`tokenize ${JSON.stringify(text)}`, () => {
    const tokens = search.tokenize(text).map((t) => t.text);
    assert.strictEqual(tokens.length === 0 ? '-' : tokens.join(' '), expected);
  });
}

test('token offsets point at the original text', () => {
  const text = '兖州区“兖周到”，ＰＰＰ项目 Yanzhou’s';
  const tokens = search.tokenize(text);
  assert.deepStrictEqual(tokens.map((t) => text.slice(t.start, t.end)), ['兖州区', '兖周到', 'ＰＰＰ', '项目', 'Yanzhou']);
});

test('a query of Chinese characters asks for pairs that cover it, a long word for a prefix', () => {
  assert.deepStrictEqual(search.parse('鲁担惠农贷').map((p) => [p.type, p.terms, p.offsets]), [['phrase', ['鲁担', '惠农', '农贷'], [0, 2, 3]]]);
  assert.deepStrictEqual(search.parse('老').map((p) => [p.type, p.terms]), [['exact', ['老']]]);
  assert.deepStrictEqual(search.parse('teach PP 老尚').map((p) => p.type), ['prefix', 'exact', 'phrase']);
  assert.deepStrictEqual(search.parse('老尚 老尚').length, 1);
});

test('highlights are found in the original text, folded as the index folds it', () => {
  const text = 'Teachers and ＰＰＰ 项目; the teacher’s desk';
  const marks = search.highlights(text, search.parse('teach ppp 项目'));
  assert.deepStrictEqual(marks.map((m) => text.slice(m.start, m.end)), ['Teachers', 'ＰＰＰ', '项目', 'teacher']);
});
