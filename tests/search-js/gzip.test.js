// The index's files are stored gzip-compressed and search.js inflates them itself: its decoder gives back what zlib compressed,
// whatever the compression level and strategy (stored, fixed and dynamic Huffman blocks), and refuses damaged data.
'use strict';
const test = require('node:test');
const assert = require('node:assert');
const zlib = require('node:zlib');
const search = require('../../theme/assets/search.js');

// Deterministic data of several kinds: repetitive JSON, Chinese text, random bytes (which zlib stores), and nothing.
function samples() {
  let seed = 7;
  const random = (n) => Buffer.from(Array.from({ length: n }, () => (seed = (seed * 1103515245 + 12345) % 2147483648) & 255));
  const postings = JSON.stringify(Object.fromEntries(Array.from({ length: 400 }, (_, i) => ['老尚' + i, [i, 3, 7, i * 13 % 97, 5]])));
  const chinese = '兖州区人民检察院积极探索“党建+业务+服务”融合发展新路径。'.repeat(300);
  return { empty: Buffer.alloc(0), one: Buffer.from('x'), postings: Buffer.from(postings), chinese: Buffer.from(chinese), random: random(70000), mixed: Buffer.concat([random(5000), Buffer.from(chinese), random(40000)]) };
}

const options = [
  { level: 0 }, { level: 1 }, { level: 6 }, { level: 9 },
  { level: 9, strategy: zlib.constants.Z_FIXED }, { level: 9, strategy: zlib.constants.Z_HUFFMAN_ONLY }, { level: 9, strategy: zlib.constants.Z_RLE },
];

for (const [name, data] of Object.entries(samples())) {
  test(`${name}: inflated as zlib compressed it, at every level and strategy`, () => {
    for (const option of options) {
      const compressed = zlib.gzipSync(data, option);
      assert.ok(Buffer.from(search.gunzip(new Uint8Array(compressed))).equals(data), JSON.stringify(option));
    }
  });
}

test('a file named and stored with a gzip header field is read past it', () => {
  const data = Buffer.from('{"a":[1,2,3]}');
  const plain = zlib.gzipSync(data);
  // FNAME: the flag, then a zero-terminated name after the ten-byte header.
  const named = Buffer.concat([plain.subarray(0, 3), Buffer.from([8]), plain.subarray(4, 10), Buffer.from('s0.json\0'), plain.subarray(10)]);
  assert.deepStrictEqual(search.parseIndexFile(new Uint8Array(named)), { a: [1, 2, 3] });
});

test('a file the browser already inflated (served with Content-Encoding: gzip) is read as it is', () => {
  assert.deepStrictEqual(search.parseIndexFile(new Uint8Array(Buffer.from('{"a":1}'))), { a: 1 });
});

test('damaged data is refused, not read as something else', () => {
  const compressed = zlib.gzipSync(Buffer.from('兖州'.repeat(1000)));
  assert.throws(() => search.gunzip(new Uint8Array(compressed.subarray(0, compressed.length - 20))));
  const wrongLength = Buffer.from(compressed);
  wrongLength[wrongLength.length - 1] ^= 1;
  assert.throws(() => search.gunzip(new Uint8Array(wrongLength)), /length/);
  assert.throws(() => search.gunzip(new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18])), /not a gzip file/);
});
