// The theme's scripts must run as it is in the browsers readers have: plain ES2017, no build step, and never writing HTML from data.
'use strict';
const test = require('node:test');
const assert = require('node:assert');
const fs = require('node:fs');
const path = require('node:path');
const acorn = require('acorn');

const scripts = ['search.js', 'site.js'].map((name) => [name, fs.readFileSync(path.join(__dirname, '../../theme/assets', name), 'utf8')]);
const source = scripts.map(([, text]) => text).join('\n');

for (const [name, text] of scripts) {
  test(`${name} parses as ES2017 script`, () => {
    assert.doesNotThrow(() => acorn.parse(text, { ecmaVersion: 2017, sourceType: 'script' }));
  });
}

test('a newer construct is refused by the same check', () => {
  assert.throws(() => acorn.parse('var a = b?.c ?? d;', { ecmaVersion: 2017, sourceType: 'script' }));
  assert.throws(() => acorn.parse('var o = { ...p };', { ecmaVersion: 2017, sourceType: 'script' }));
});

test('the scripts never write markup from strings', () => {
  for (const sink of ['innerHTML', 'outerHTML', 'insertAdjacentHTML', 'document.write', 'eval(', 'new Function']) {
    assert.ok(!source.includes(sink), `a script uses ${sink}`);
  }
});

test('search.js uses no regular expression features newer than ES2017', () => {
  // acorn checks regular expression syntax for the ecmaVersion it is given: \p{...}, lookbehind and named groups fail.
  assert.throws(() => acorn.parse('var r = /\\p{L}/u;', { ecmaVersion: 2017 }));
  assert.throws(() => acorn.parse('var r = /(?<=a)b/;', { ecmaVersion: 2017 }));
});
