// A translator's tool, as the desk's tests use it: reads an XLIFF 2.0 file with the npm library 'xliff', sets the targets a
// JSON file gives (unit id -> text, or -> "=source" to copy the source with its inline codes and replace its text pieces in
// order with the strings of an array), and writes the file again with the same library.
// Usage: node fill.cjs in.xlf out.xlf targets.json
const fs = require('fs');
const { xliff2js, js2xliff } = require('xliff');

function units(resources) {
  const found = {};
  const walk = (map) => {
    for (const [id, unit] of Object.entries(map)) {
      if (unit && unit.groupUnits) walk(unit.groupUnits);
      else if (unit && 'source' in unit) found[id] = unit;
    }
  };
  for (const file of Object.values(resources)) walk(file);
  return found;
}

// The source's inline structure with its text pieces replaced, in order, by the given strings.
function retext(value, texts) {
  if (typeof value === 'string') return texts.length ? texts.shift() : '';
  if (Array.isArray(value)) return value.map((v) => retext(v, texts));
  if (value && typeof value === 'object') {
    // An inline element is { Kind: { id, ..., contents } }: its text is in contents.
    const copy = {};
    for (const [key, inner] of Object.entries(value)) {
      copy[key] = key === 'contents' ? retext(inner, texts) : inner && typeof inner === 'object' ? retext(inner, texts) : inner;
    }
    return copy;
  }
  return value;
}

(async () => {
  const [input, output, targetsFile] = process.argv.slice(2);
  const js = await xliff2js(fs.readFileSync(input, 'utf8'));
  const all = units(js.resources);
  for (const [id, target] of Object.entries(JSON.parse(fs.readFileSync(targetsFile, 'utf8')))) {
    if (!all[id]) throw new Error(`no unit ${id}`);
    all[id].target = Array.isArray(target) ? retext(all[id].source, [...target]) : target;
  }
  fs.writeFileSync(output, await js2xliff(js));
})().catch((e) => { console.error(e.message); process.exit(1); });
