/* ReportArchive search: finds sections of reports in the static index under search/, fetching only the shards a query needs.
   Plain ES2017, no dependencies, no build step. Nothing from the index is ever inserted as HTML: text goes in with textContent.
   The tokenizer is the twin of site/Search/Tokenizer.cs; both are checked against the same vectors. */
(function (root, factory) {
  'use strict';
  if (typeof module === 'object' && module.exports) {
    module.exports = factory();
    return;
  }
  // A browser without what the script uses is told so, with what it lacks, rather than shown a blank or a vague error.
  var missing = [];
  var needs = {
    Promise: typeof Promise === 'function', Map: typeof Map === 'function', Set: typeof Set === 'function',
    URLSearchParams: typeof URLSearchParams === 'function', TextDecoder: typeof TextDecoder === 'function',
    'String.prototype.normalize': typeof ''.normalize === 'function', 'String.prototype.codePointAt': typeof ''.codePointAt === 'function',
    'Array.from': typeof Array.from === 'function', 'Array.prototype.fill': typeof [].fill === 'function',
    Uint8Array: typeof Uint8Array === 'function', XMLHttpRequest: typeof XMLHttpRequest === 'function'
  };
  for (var name in needs) if (!needs[name]) missing.push(name);
  var doc = root.document;
  if (missing.length) {
    var results = doc && doc.getElementById && doc.getElementById('search-results');
    var status = doc && doc.getElementById && doc.getElementById('search-status');
    if (results && status) status.textContent = (results.getAttribute('data-unsupported') || '').replace('{0}', missing.join(', '));
    return;
  }
  var api = factory();
  root.ReportArchiveSearch = api;
  api.start(doc);
})(typeof self !== 'undefined' ? self : this, function () {
  'use strict';

  var WORD = 1;
  var HAN = 2;
  var K1 = 1.2;
  var B = 0.75;
  var WEIGHTS = [1, 2, 3, 5]; // body, caption, heading, title: as SearchRecord.Weight
  var folds = {};

  function isHan(cp) {
    return (cp >= 0x3400 && cp <= 0x4dbf) || (cp >= 0x4e00 && cp <= 0x9fff) || (cp >= 0xf900 && cp <= 0xfaff) ||
      (cp >= 0x20000 && cp <= 0x2fa1f) || cp === 0x3007;
  }

  function classify(cp) {
    if (isHan(cp)) return HAN;
    if ((cp >= 0x61 && cp <= 0x7a) || (cp >= 0x30 && cp <= 0x39)) return WORD;
    if (cp >= 0xc0 && cp <= 0x24f && cp !== 0xd7 && cp !== 0xf7) return WORD;
    if (cp >= 0x370 && cp <= 0x4ff) return WORD;
    if (cp === 0x27 || cp === 0x2019) return 3; // apostrophe
    return 0;
  }

  /** The folded form of one code point: NFKD, combining marks U+0300-U+036F dropped, lower case. */
  function foldChar(cp) {
    if (cp < 0x80) return cp >= 0x41 && cp <= 0x5a ? String.fromCharCode(cp + 32) : String.fromCharCode(cp);
    if (cp >= 0x4e00 && cp <= 0x9fff) return String.fromCharCode(cp);
    var cached = folds[cp];
    if (cached !== undefined) return cached;
    var out = '';
    var decomposed = String.fromCodePoint(cp).normalize('NFKD');
    for (var i = 0; i < decomposed.length;) {
      var c = decomposed.codePointAt(i);
      i += c > 0xffff ? 2 : 1;
      if (c < 0x300 || c > 0x36f) out += String.fromCodePoint(c).toLowerCase();
    }
    folds[cp] = out;
    return out;
  }

  /** Splits text into tokens {kind, text, start, end}: runs of Chinese characters and words, as the index does. */
  function tokenize(text) {
    var tokens = [];
    var current = '';
    var kind = WORD;
    var start = 0;
    var skipping = false;
    var i = 0;

    function flush(end) {
      if (current.length > 0) {
        tokens.push({ kind: kind, text: current, start: start, end: end });
        current = '';
      }
    }

    function take(ch) {
      var cls = classify(ch.codePointAt(0));
      if (skipping && cls === WORD) return;
      skipping = false;
      if (cls === 3 && current.length > 0 && kind === WORD) {
        flush(i);
        skipping = true;
        return;
      }
      if (cls === 0 || cls === 3) {
        flush(i);
        return;
      }
      if (current.length > 0 && cls !== kind) flush(i);
      if (current.length === 0) {
        kind = cls;
        start = i;
      }
      current += ch;
    }

    while (i < text.length) {
      var cp = text.codePointAt(i);
      var width = cp > 0xffff ? 2 : 1;
      if (cp >= 0xd800 && cp <= 0xdfff) cp = 0xfffd; // a lone surrogate, as .NET reads it
      var folded = foldChar(cp);
      for (var j = 0; j < folded.length;) {
        var c = folded.codePointAt(j);
        var w = c > 0xffff ? 2 : 1;
        take(folded.substr(j, w));
        j += w;
      }
      i += width;
    }
    flush(text.length);
    return tokens;
  }

  /** What a query asks for: one part per distinct token, each of which a record must match. */
  function parse(query) {
    var seen = {};
    var parts = [];
    tokenize(query).forEach(function (token) {
      var key = token.kind + ':' + token.text;
      if (seen[key]) return;
      seen[key] = true;
      if (token.kind === HAN) {
        var chars = Array.from(token.text);
        if (chars.length === 1) {
          parts.push({ type: 'exact', text: token.text, terms: [token.text] });
          return;
        }
        var offsets = [];
        for (var o = 0; o + 1 < chars.length; o += 2) offsets.push(o);
        if (offsets[offsets.length - 1] !== chars.length - 2) offsets.push(chars.length - 2);
        parts.push({
          type: 'phrase', text: token.text, offsets: offsets,
          terms: offsets.map(function (k) { return chars[k] + chars[k + 1]; })
        });
      } else if (Array.from(token.text).length >= 3) {
        parts.push({ type: 'prefix', text: token.text, terms: [] });
      } else {
        parts.push({ type: 'exact', text: token.text, terms: [token.text] });
      }
    });
    return parts;
  }

  /** A record's length from its code in a posting list: 4 * e + m for a length of 2^e and the two bits after its first. */
  function lengthOf(code) {
    return Math.pow(2, code >> 2) * (1 + ((code & 3) + 0.5) / 4);
  }

  /** A record's length from the lengths file: one string per group, a character per record of the group (by its index), the
      code as the character's place in LENGTH_CODES. */
  var LENGTH_CODES = '#$%&\'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[]^_`abcdefghijklmnopqrstuvwxyz{|}~';
  function recordLength(toc, lengths, id) {
    var text = lengths[id >> toc.shift] || '';
    var code = LENGTH_CODES.indexOf(text.charAt(id & ((1 << toc.shift) - 1)));
    return code < 0 ? toc.len / Math.max(1, toc.n) : lengthOf(code);
  }

  function isPair(term) {
    var chars = Array.from(term);
    return chars.length === 2 && isHan(chars[0].codePointAt(0));
  }

  /** Reads a posting list into a map: record id -> {weighted count}, or for a pair {at, count}: where its positions start in
      the list, and how many there are (read in place, as gaps, by matchPart). */
  function decode(term, values) {
    var map = new Map();
    var pair = isPair(term);
    var id = 0;
    for (var i = 0; i < values.length;) {
      id += values[i];
      if (pair) {
        var count = values[i + 1];
        map.set(id, { at: i + 2, count: count });
        i += 2 + count;
      } else {
        map.set(id, { tf: values[i + 1] });
        i += 2;
      }
    }
    return map;
  }

  /** Moves a cursor over ascending positions up to <target>; true when it stands on it. */
  function advance(cursor, target) {
    while (cursor.pos < target && cursor.left > 0) {
      cursor.value += cursor.list[cursor.at++];
      cursor.left--;
      cursor.pos = cursor.value >> 2;
    }
    return cursor.pos === target;
  }

  /** The index: its table of contents, and the shards, page lists and filters fetched so far; and the report pages read
   * for results. `load(name)` gives an index file parsed; `loadPage(url)` gives a page as a parsed document. */
  function Index(load, loadPage) {
    this.load = load;
    this.loadPage = loadPage;
    this.files = {};
    this.pages = {};
    this.toc = null;
  }

  Index.prototype.open = function () {
    var self = this;
    if (!self.toc) {
      self.toc = self.load('index.json').then(null, function (error) {
        self.toc = null;
        throw error;
      });
    }
    return self.toc;
  };

  /** Where a file of the index is stored: shard n (`s<n>.json`), pages file n (`p<n>.json`), a department's filter
   * (`f-<department>.json`) and the records' lengths (`lengths.json`) are named by a hash of their bytes, which the table of
   * contents lists. */
  function storedName(toc, name) {
    var kind = name.charAt(0);
    var key = name.slice(kind === 'f' ? 2 : 1, -'.json'.length);
    var stored = name === 'lengths.json' ? toc.nf : kind === 's' ? toc.sf[+key] : kind === 'p' ? toc.pf[+key] : toc.ff[toc.departments.indexOf(key)];
    if (!stored) throw new Error('the index has no file ' + name);
    return stored + '.json.gz';
  }

  Index.prototype.file = function (name) {
    var self = this;
    if (!self.files[name]) {
      self.files[name] = self.open().then(function (toc) {
        return self.load(storedName(toc, name));
      }).then(null, function (error) {
        delete self.files[name];
        throw error;
      });
    }
    return self.files[name];
  };

  /** One report in one language as results show it, read from its page: {u, t, l, d, r}, r by record index. */
  Index.prototype.page = function (group) {
    var self = this;
    if (!self.pages[group]) {
      self.pages[group] = self.open().then(function (toc) {
        return self.file('p' + Math.floor(group / toc.p) + '.json').then(function (urls) {
          var url = urls[group % toc.p];
          return self.loadPage(url).then(function (doc) { return readPage(doc, url, languageOf(toc, group)); });
        });
      }).then(null, function (error) {
        delete self.pages[group];
        throw error;
      });
    }
    return self.pages[group];
  };

  /** What a result shows of a record: {u, t, h, l, d, x}, from its report's page. */
  Index.prototype.fragment = function (id) {
    var self = this;
    return self.open().then(function (toc) {
      return self.page(id >> toc.shift).then(function (p) {
        var r = p.r[id & ((1 << toc.shift) - 1)] || { s: null, h: null, x: '' };
        return { u: p.u + (r.s ? '#' + r.s : ''), t: p.t, h: r.h, l: p.l, d: p.d, x: r.x };
      });
    });
  };

  function languageOf(toc, group) {
    var found = '';
    Object.keys(toc.langs).forEach(function (key) {
      if (group >= toc.langs[key][0] && group < toc.langs[key][1]) found = key;
    });
    return found;
  }

  /** The text a reader sees of a node: a translation's page carries its original in elements marked hidden. */
  function visibleText(node) {
    if (node.nodeType === 3) return node.nodeValue;
    if (node.nodeType !== 1 || node.hasAttribute('hidden')) return '';
    var text = '';
    for (var child = node.firstChild; child; child = child.nextSibling) text += visibleText(child);
    return text;
  }

  function hiddenWithin(node, container) {
    for (; node && node !== container; node = node.parentNode) {
      if (node.nodeType === 1 && node.hasAttribute('hidden')) return true;
    }
    return false;
  }

  /** The paragraphs and captions a reader sees in a part of the page, less the notes of parts not translated yet. */
  function blockTexts(container) {
    var texts = [];
    Array.prototype.forEach.call(container.querySelectorAll('p, figcaption'), function (node) {
      if (hiddenWithin(node, container) || node.classList.contains('untranslated')) return;
      var text = visibleText(node).trim();
      if (text) texts.push(text);
    });
    return texts;
  }

  /** A report's page as results show it: its title and date, then its records, as the index numbers them: the head (the
   * byline and the lead) and each section of the article in its place (a section not translated yet keeps its place). */
  function readPage(doc, url, lang) {
    var article = doc.querySelector('article.report') || doc;
    var title = article.querySelector('h1');
    var time = article.querySelector('time');
    var byline = article.querySelector('.byline:not([hidden])');
    var lead = article.querySelector('.lead');
    var head = (byline ? [visibleText(byline).trim()] : []).concat(lead ? blockTexts(lead) : []);
    var records = [{ s: null, h: null, x: head.join('\n') }];
    Array.prototype.forEach.call(article.querySelectorAll('section[aria-labelledby]'), function (section) {
      if (section.closest && section.closest('.report-end')) return;
      var heading = section.querySelector('h2');
      records.push({ s: section.getAttribute('aria-labelledby'), h: heading ? visibleText(heading).trim() : null, x: blockTexts(section).join('\n') });
    });
    return { u: url, t: title ? visibleText(title).trim() : url, l: lang, d: time ? time.textContent.trim() : '', r: records };
  }

  /** The shards that may hold a term (exact) or every term that begins with it (prefix). */
  function shardsFor(shards, text, prefix) {
    var lo = 0;
    var hi = shards.length - 1;
    var found = -1;
    while (lo <= hi) {
      var mid = (lo + hi) >> 1;
      if (shards[mid] <= text) {
        found = mid;
        lo = mid + 1;
      } else {
        hi = mid - 1;
      }
    }
    var result = [];
    if (found >= 0) result.push(found);
    if (prefix) {
      for (var j = found + 1; j < shards.length && shards[j].indexOf(text) === 0; j++) result.push(j);
    }
    return result;
  }

  /** Records that match one part, with their weighted count. */
  function matchPart(part, postings) {
    var result = new Map();
    if (part.type === 'phrase') {
      var lists = part.terms.map(function (t) { return postings[t] ? decode(t, postings[t]) : new Map(); });
      var values = part.terms.map(function (t) { return postings[t]; });
      lists[0].forEach(function (first, id) {
        var others = [];
        for (var k = 1; k < lists.length; k++) {
          var entry = lists[k].get(id);
          if (!entry) return;
          // A cursor over the other pair's positions: its next gap, how many are left, the position it stands on.
          others.push({ list: values[k], at: entry.at, left: entry.count, value: 0, pos: -1, offset: part.offsets[k] });
        }
        var tf = 0;
        var v = 0;
        for (var n = 0; n < first.count; n++) {
          v += values[0][first.at + n];
          var p = v >> 2;
          var all = true;
          for (var c = 0; c < others.length && all; c++) all = advance(others[c], p + others[c].offset);
          if (all) tf += WEIGHTS[v & 3];
        }
        if (tf > 0) result.set(id, { tf: tf });
      });
    } else {
      var terms = part.type === 'exact' ? part.terms : Object.keys(postings).filter(function (t) {
        return t.indexOf(part.text) === 0 && !isHan(t.codePointAt(0));
      });
      terms.forEach(function (t) {
        if (!postings[t]) return;
        decode(t, postings[t]).forEach(function (e, id) {
          var seen = result.get(id);
          if (seen) seen.tf += e.tf;
          else result.set(id, { tf: e.tf });
        });
      });
    }
    return result;
  }

  function inRanges(group, ranges) {
    for (var i = 0; i < ranges.length; i++) {
      if (group >= ranges[i][0] && group < ranges[i][1]) return true;
    }
    return false;
  }

  /** Runs a query: {q, lang, year, department}. Resolves to {parts, groups: [{group, score, sections: [{id, score}]}], sections}. */
  Index.prototype.search = function (options) {
    var self = this;
    var parts = parse(options.q || '');
    if (parts.length === 0) return Promise.resolve({ parts: parts, groups: [], sections: 0, reports: 0 });
    return self.open().then(function (toc) {
      var names = {};
      parts.forEach(function (part) {
        var texts = part.type === 'prefix' ? [part.text] : part.terms;
        texts.forEach(function (t) {
          shardsFor(toc.shards, t, part.type === 'prefix').forEach(function (s) { names['s' + s + '.json'] = true; });
        });
      });
      var wanted = Object.keys(names);
      wanted.push('lengths.json');
      // A department without a filter file has no report in the index: nothing of it can match, and there is nothing to fetch.
      var filtered = options.department && toc.departments.indexOf(options.department) >= 0;
      if (filtered) wanted.push('f-' + options.department + '.json');
      return Promise.all(wanted.map(function (n) { return self.file(n); })).then(function (loaded) {
        var postings = {};
        var lengths = [];
        var departmentGroups = options.department && !filtered ? new Set() : null;
        loaded.forEach(function (content, i) {
          if (wanted[i] === 'lengths.json') {
            lengths = content;
          } else if (wanted[i].indexOf('f-') === 0) {
            departmentGroups = new Set();
            var g = 0;
            content.forEach(function (gap) { g += gap; departmentGroups.add(g); });
          } else {
            Object.keys(content).forEach(function (t) { postings[t] = content[t]; });
          }
        });
        return rank(toc, parts, postings, lengths, options, departmentGroups);
      });
    });
  };

  function rank(toc, parts, postings, lengths, options, departmentGroups) {
    var matches = parts.map(function (part) { return matchPart(part, postings); });
    matches.sort(function (a, b) { return a.size - b.size; });
    var ranges = null;
    if (options.lang || options.year) {
      ranges = [];
      Object.keys(toc.langs).forEach(function (lang) {
        if (options.lang && options.lang !== lang) return;
        if (!options.year) ranges.push(toc.langs[lang]);
        else if (toc.years[lang] && toc.years[lang][options.year]) ranges.push(toc.years[lang][options.year]);
      });
    }
    var idf = matches.map(function (m) { return Math.log(1 + (toc.n - m.size + 0.5) / (m.size + 0.5)); });
    var average = Math.max(1, toc.len / Math.max(1, toc.n));
    var groups = new Map();
    var count = 0;
    matches[0].forEach(function (first, id) {
      var group = id >> toc.shift;
      if (ranges && !inRanges(group, ranges)) return;
      if (departmentGroups && !departmentGroups.has(group)) return;
      var score = 0;
      var length = recordLength(toc, lengths, id);
      for (var k = 0; k < matches.length; k++) {
        var e = k === 0 ? first : matches[k].get(id);
        if (!e) return;
        score += idf[k] * e.tf * (K1 + 1) / (e.tf + K1 * (1 - B + B * length / average));
      }
      count++;
      var entry = groups.get(group);
      if (!entry) groups.set(group, entry = { group: group, score: 0, sections: [] });
      entry.sections.push({ id: id, score: score });
      if (score > entry.score) entry.score = score;
    });
    var list = Array.from(groups.values());
    list.forEach(function (g) {
      g.sections.sort(function (a, b) { return b.score - a.score || a.id - b.id; });
    });
    list.sort(function (a, b) { return b.score - a.score || a.group - b.group; });
    var reports = new Set();
    list.forEach(function (g) { reports.add(reportOf(toc, g.group)); });
    // The original's groups come first: the language of group 0 is the original.
    return { parts: parts, groups: list, sections: count, reports: reports.size, original: languageOf(toc, 0) };
  }

  /** The report a group is a language of: its number among the original's groups (the archive's reports, newest first). A
   * translation's groups are the reports it has, in the same order, as its bitmap (toc.rep) says. */
  var reportLists = { toc: null, lists: {} };
  function reportOf(toc, group) {
    if (reportLists.toc !== toc) {
      reportLists = { toc: toc, lists: {} };
      Object.keys(toc.rep || {}).forEach(function (lang) {
        var bytes = atob(toc.rep[lang]);
        var list = [];
        for (var i = 0; i < bytes.length * 8; i++) if (bytes.charCodeAt(i >> 3) & (1 << (i & 7))) list.push(i);
        reportLists.lists[lang] = list;
      });
    }
    var lang = languageOf(toc, group);
    var list = reportLists.lists[lang];
    return list ? list[group - toc.langs[lang][0]] : group - toc.langs[lang][0];
  }

  /** The folded text and, for each folded code unit, the index of the character it came from. */
  function foldWithMap(text) {
    var folded = '';
    var map = [];
    for (var i = 0; i < text.length;) {
      var cp = text.codePointAt(i);
      var width = cp > 0xffff ? 2 : 1;
      var f = foldChar(cp >= 0xd800 && cp <= 0xdfff ? 0xfffd : cp);
      for (var j = 0; j < f.length; j++) map.push(i);
      folded += f;
      i += width;
    }
    map.push(text.length);
    return { text: folded, map: map };
  }

  /** Where the parts of a query occur in a text: [{start, end, part}] in the text's own offsets, in order. */
  function occurrences(text, parts) {
    var f = foldWithMap(text);
    var found = [];
    parts.forEach(function (part, index) {
      var needle = part.text;
      var han = isHan(needle.codePointAt(0));
      for (var at = f.text.indexOf(needle); at >= 0; at = f.text.indexOf(needle, at + needle.length)) {
        if (!han && at > 0 && classify(f.text.codePointAt(at - 1)) === WORD) continue;
        var end = at + needle.length;
        if (part.type === 'prefix') {
          while (end < f.text.length && classify(f.text.codePointAt(end)) === WORD) end++;
        } else if (!han && end < f.text.length && classify(f.text.codePointAt(end)) === WORD) {
          continue;
        }
        found.push({ start: f.map[at], end: f.map[end], part: index });
      }
    });
    found.sort(function (a, b) { return a.start - b.start || b.end - a.end; });
    return found;
  }

  /** The stretches of a text to highlight for a query: its occurrences, overlapping ones merged. */
  function highlights(text, parts) {
    var merged = [];
    occurrences(text, parts).forEach(function (h) {
      var last = merged[merged.length - 1];
      if (last && h.start < last.end) last.end = Math.max(last.end, h.end);
      else merged.push({ start: h.start, end: h.end });
    });
    return merged;
  }

  /** A window of about <width> characters of the text: where the most parts of the query occur together, the first such
      place, with the matches inside it. */
  function excerpt(text, parts, width) {
    var flat = text.replace(/\s*\n\s*/g, ' ');
    var found = occurrences(flat, parts);
    var start = 0;
    var best = 0;
    found.forEach(function (o) {
      var from = Math.max(0, o.start - Math.floor(width / 3));
      var seen = {};
      var distinct = 0;
      found.forEach(function (p) {
        if (p.start >= from && p.end <= from + width && !seen[p.part]) {
          seen[p.part] = true;
          distinct++;
        }
      });
      if (distinct > best) {
        best = distinct;
        start = from;
      }
    });
    var end = Math.min(flat.length, start + width);
    if (end - start < width) start = Math.max(0, end - width);
    return {
      text: flat.slice(start, end), before: start > 0, after: end < flat.length,
      marks: highlights(flat, parts).filter(function (m) { return m.end > start && m.start < end; }).map(function (m) {
        return { start: Math.max(m.start, start) - start, end: Math.min(m.end, end) - start };
      })
    };
  }

  /* ---- Gzip: the index's files are stored compressed, a third of their size (GitHub Pages counts every byte on disk). Decoded
     here, by the script itself (RFC 1951 and 1952), so that every browser that runs this script reads them, whatever it supports. */

  var LENGTH_BASE = [3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258];
  var LENGTH_EXTRA = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0];
  var DISTANCE_BASE = [1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537, 2049, 3073, 4097,
    6145, 8193, 12289, 16385, 24577];
  var DISTANCE_EXTRA = [0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13];
  var CODE_LENGTH_ORDER = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15];

  /** A canonical Huffman code from its code lengths: how many codes of each length, and the symbols in code order. */
  function huffman(lengths) {
    var counts = new Array(16).fill(0);
    lengths.forEach(function (length) { counts[length]++; });
    counts[0] = 0;
    var offsets = [0, 0];
    for (var length = 1; length < 15; length++) offsets[length + 1] = offsets[length] + counts[length];
    var symbols = [];
    lengths.forEach(function (length, symbol) { if (length) symbols[offsets[length]++] = symbol; });
    return { counts: counts, symbols: symbols };
  }

  var FIXED = (function () {
    var lengths = [];
    for (var i = 0; i < 288; i++) lengths.push(i < 144 ? 8 : i < 256 ? 9 : i < 280 ? 7 : 8);
    return { literals: huffman(lengths), distances: huffman(new Array(30).fill(5)) };
  })();

  /** Inflates a raw deflate stream (RFC 1951) into a Uint8Array. */
  function inflate(data) {
    var pos = 0;
    var buffer = 0;
    var count = 0;
    var out = new Uint8Array(Math.max(1024, data.length * 4));
    var size = 0;
    function bits(n) {
      while (count < n) {
        if (pos >= data.length) throw new Error('gzip: the data ends too soon');
        buffer |= data[pos++] << count;
        count += 8;
      }
      var value = buffer & ((1 << n) - 1);
      buffer >>>= n;
      count -= n;
      return value;
    }
    function put(byte) {
      if (size === out.length) {
        var larger = new Uint8Array(out.length * 2);
        larger.set(out);
        out = larger;
      }
      out[size++] = byte;
    }
    // One bit at a time: a deflate code is sent from its first bit on, each code length's codes numbered in a row.
    function decode(code) {
      var value = 0;
      var first = 0;
      var index = 0;
      for (var length = 1; length < 16; length++) {
        value |= bits(1);
        var n = code.counts[length];
        if (value - n < first) return code.symbols[index + value - first];
        index += n;
        first = (first + n) << 1;
        value <<= 1;
      }
      throw new Error('gzip: a code that does not exist');
    }
    function dynamic() {
      var literals = bits(5) + 257;
      var distances = bits(5) + 1;
      var codes = bits(4) + 4;
      var lengths = new Array(19).fill(0);
      for (var i = 0; i < codes; i++) lengths[CODE_LENGTH_ORDER[i]] = bits(3);
      var lengthCode = huffman(lengths);
      var all = [];
      while (all.length < literals + distances) {
        var symbol = decode(lengthCode);
        if (symbol < 16) all.push(symbol);
        else {
          var repeat = symbol === 16 ? 3 + bits(2) : symbol === 17 ? 3 + bits(3) : 11 + bits(7);
          var value = symbol === 16 ? all[all.length - 1] : 0;
          if (value === undefined) throw new Error('gzip: a repeat with nothing before it');
          for (var r = 0; r < repeat; r++) all.push(value);
        }
      }
      return { literals: huffman(all.slice(0, literals)), distances: huffman(all.slice(literals, literals + distances)) };
    }
    var last = 0;
    while (!last) {
      last = bits(1);
      var type = bits(2);
      if (type === 0) {
        buffer = 0;
        count = 0;
        var length = data[pos] | (data[pos + 1] << 8);
        pos += 4;
        for (var k = 0; k < length; k++) put(data[pos++]);
      } else if (type === 1 || type === 2) {
        var tables = type === 1 ? FIXED : dynamic();
        for (;;) {
          var symbol = decode(tables.literals);
          if (symbol < 256) put(symbol);
          else if (symbol === 256) break;
          else {
            var run = LENGTH_BASE[symbol - 257] + bits(LENGTH_EXTRA[symbol - 257]);
            var d = decode(tables.distances);
            var distance = DISTANCE_BASE[d] + bits(DISTANCE_EXTRA[d]);
            if (distance > size) throw new Error('gzip: a distance past the start');
            for (var c = 0; c < run; c++) put(out[size - distance]);
          }
        }
      } else {
        throw new Error('gzip: an unknown block type');
      }
    }
    return out.subarray(0, size);
  }

  /** The bytes of a gzip file (RFC 1952), checked against the length its trailer records. */
  function gunzip(bytes) {
    if (bytes[0] !== 0x1f || bytes[1] !== 0x8b || bytes[2] !== 8) throw new Error('gzip: not a gzip file');
    var flags = bytes[3];
    var pos = 10;
    if (flags & 4) pos += 2 + (bytes[pos] | (bytes[pos + 1] << 8));
    if (flags & 8) while (bytes[pos++] !== 0);
    if (flags & 16) while (bytes[pos++] !== 0);
    if (flags & 2) pos += 2;
    var out = inflate(bytes.subarray(pos, bytes.length - 8));
    var end = bytes.length - 4;
    var recorded = (bytes[end] | (bytes[end + 1] << 8) | (bytes[end + 2] << 16) | (bytes[end + 3] << 24)) >>> 0;
    if (recorded !== out.length % 4294967296) throw new Error('gzip: the length does not match');
    return out;
  }

  /** A file of the index as JSON. Files named .gz are stored compressed; a server that sent one with Content-Encoding: gzip had
   *  the browser inflate it already, so the bytes decide, not the name. */
  function parseIndexFile(bytes) {
    var compressed = bytes.length > 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;
    return JSON.parse(new TextDecoder('utf-8').decode(compressed ? gunzip(bytes) : bytes));
  }

  /* ---- The search page: its form and its results. ---- */

  /** Fetches `url` as `type` (an XMLHttpRequest response type) and gives what `read` makes of the response. */
  function xhr(url, type, read) {
    return new Promise(function (resolve, reject) {
      var request = new XMLHttpRequest();
      request.open('GET', url);
      request.responseType = type;
      request.onload = function () {
        if (request.status !== 200) {
          reject(new Error(url + ': HTTP ' + request.status));
          return;
        }
        try {
          resolve(read(request));
        } catch (e) {
          reject(e);
        }
      };
      request.onerror = function () { reject(new Error(url + ': network error')); };
      request.send();
    });
  }

  /** An index file, parsed (inflated first when stored compressed). */
  function xhrJson(url) {
    return xhr(url, 'arraybuffer', function (request) { return parseIndexFile(new Uint8Array(request.response)); });
  }

  /** A report's page, parsed as a document (never run). */
  function xhrPage(url) {
    return xhr(url, 'document', function (request) {
      if (!request.responseXML) throw new Error(url + ': not a page');
      return request.responseXML;
    });
  }

  function format(template, values) {
    return template.replace(/\{(\d)\}/g, function (_, n) { return values[+n]; });
  }

  function el(doc, name, className, text) {
    var node = doc.createElement(name);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function safeHref(url) {
    return typeof url === 'string' && url.charAt(0) === '/' && url.charAt(1) !== '/' ? url : '#';
  }

  /** A result's address with the query, which the page it opens marks (site.js). */
  function withQuery(url) {
    var safe = safeHref(url);
    if (safe === '#' || !currentQuery) return safe;
    var hash = safe.indexOf('#');
    var path = hash < 0 ? safe : safe.slice(0, hash);
    return path + '?q=' + encodeURIComponent(currentQuery) + (hash < 0 ? '' : safe.slice(hash));
  }

  var currentQuery = '';

  function renderExcerpt(doc, parent, ex) {
    var at = 0;
    if (ex.before) parent.appendChild(doc.createTextNode('…'));
    ex.marks.forEach(function (m) {
      parent.appendChild(doc.createTextNode(ex.text.slice(at, m.start)));
      parent.appendChild(el(doc, 'mark', '', ex.text.slice(m.start, m.end)));
      at = m.end;
    });
    parent.appendChild(doc.createTextNode(ex.text.slice(at)));
    if (ex.after) parent.appendChild(doc.createTextNode('…'));
  }

  /** Starts the search page, if this is it (the '/' key is site.js's); on a report's page opened from a result (?q=…), marks
   * the words found. */
  function start(doc) {
    if (!doc || !doc.getElementById) return;
    var form = doc.getElementById('search-form');
    if (form) {
      searchPage(doc, form);
      return;
    }
    var report = doc.querySelector('article.report');
    var words = new URLSearchParams(doc.defaultView.location.search).get('q');
    if (report && words) markPage(doc, report, words);
  }

  function textNodes(root, into) {
    for (var node = root.firstChild; node; node = node.nextSibling) {
      if (node.nodeType === 3) into.push(node);
      else if (node.nodeType === 1 && node.tagName !== 'SCRIPT' && node.tagName !== 'MARK') textNodes(node, into);
    }
    return into;
  }

  /** Marks the words of a query where they occur on a report's page (the same matching as the results' excerpts), marks the
   * sections they occur in, brings the first (in the section the address names, if any) to the middle of the screen, and
   * offers to clear the marks. */
  function markPage(doc, report, words) {
    var win = doc.defaultView;
    var parts = parse(words);
    if (!parts.length) return;
    var marks = [];
    var places = report.querySelectorAll('h1, .subtitle, .lead, section');
    for (var p = 0; p < places.length; p++) {
      if (places[p].parentNode && places[p].parentNode.closest && places[p].parentNode.closest('section, .lead')) continue;
      var nodes = textNodes(places[p], []);
      for (var n = 0; n < nodes.length; n++) {
        var node = nodes[n];
        var found = highlights(node.nodeValue, parts);
        var at = marks.length;
        for (var k = found.length - 1; k >= 0; k--) {
          node.splitText(found[k].end);
          var hit = node.splitText(found[k].start);
          var mark = doc.createElement('mark');
          mark.className = 'found-word';
          hit.parentNode.replaceChild(mark, hit);
          mark.appendChild(hit);
          marks.splice(at, 0, mark);
        }
      }
    }
    if (!marks.length) return;
    var sections = [];
    for (var m = 0; m < marks.length; m++) {
      var section = marks[m].closest ? marks[m].closest('section, .lead') : null;
      if (section && sections.indexOf(section) < 0) {
        section.className += ' found';
        sections.push(section);
      }
    }
    var bar = doc.createElement('p');
    bar.className = 'found-bar';
    bar.setAttribute('role', 'status');
    bar.appendChild(doc.createTextNode((report.getAttribute('data-marked') || '{0}').replace('{0}', words)));
    var clear = doc.createElement('button');
    clear.type = 'button';
    clear.textContent = report.getAttribute('data-clear') || '×';
    bar.appendChild(clear);
    report.insertBefore(bar, report.firstChild);
    clear.addEventListener('click', function () {
      for (var i = 0; i < marks.length; i++) {
        var parent = marks[i].parentNode;
        if (!parent) continue;
        parent.replaceChild(marks[i].firstChild, marks[i]);
        parent.normalize();
      }
      for (var j = 0; j < sections.length; j++) sections[j].className = sections[j].className.replace(/\s*found\b/g, '');
      bar.parentNode.removeChild(bar);
      if (win.history && win.history.replaceState) win.history.replaceState(win.history.state, '', win.location.pathname + win.location.hash);
    });
    // The first word found where the address points (a section), else the first of the page, in the middle of the screen.
    var hash = win.location.hash.replace(/^#parallel-?/, '#');
    var target = hash.length > 1 ? doc.getElementById(decodeURIComponent(hash.slice(1))) : null;
    var within = target && target.closest ? target.closest('section') : null;
    var first = marks[0];
    for (var f = 0; within && f < marks.length; f++) {
      if (within.contains(marks[f])) {
        first = marks[f];
        break;
      }
    }
    if (first.scrollIntoView) first.scrollIntoView({ block: 'center' });
  }


  function searchPage(doc, form) {
    var results = doc.getElementById('search-results');
    var status = doc.getElementById('search-status');
    var list = doc.getElementById('search-list');
    var more = doc.getElementById('search-more');
    var strings = results.dataset;
    var index = new Index(function (name) { return xhrJson(form.getAttribute('data-index') + name); }, xhrPage);
    var pageSize = 5;
    var shown = 0;
    var current = null;
    var run = 0;
    var baseTitle = doc.title;

    function fields() {
      return {
        q: form.elements.q.value.trim(), lang: form.elements.lang.value, year: form.elements.year.value,
        department: form.elements.department.value
      };
    }

    function fill(params) {
      form.elements.q.value = params.get('q') || '';
      ['lang', 'year', 'department'].forEach(function (name) {
        var value = params.get(name) || '';
        var select = form.elements[name];
        select.value = Array.prototype.some.call(select.options, function (o) { return o.value === value; }) ? value : '';
      });
    }

    function showMore() {
      var mine = run;
      var groups = current.groups.slice(shown, shown + pageSize);
      shown += groups.length;
      more.hidden = shown >= current.groups.length;
      return Promise.all(groups.map(function (g) {
        var sections = g.sections.slice(0, 3);
        return Promise.all(sections.map(function (s) { return index.fragment(s.id); })).then(function (fragments) {
          return { group: g, fragments: fragments };
        });
      })).then(function (loaded) {
        if (mine !== run) return;
        loaded.forEach(function (item) { list.appendChild(renderGroup(item.group, item.fragments)); });
      });
    }

    // What the page says of each language of the index (by its key): tag, name, the label of a report's head, excerpt length.
    function language(key, what) {
      return results.getAttribute('data-' + what + '-' + key) || '';
    }

    function renderGroup(group, fragments) {
      var first = fragments[0];
      var li = el(doc, 'li', 'result');
      li.setAttribute('lang', language(first.l, 'tag'));
      var heading = el(doc, 'h3', 'result-title');
      var link = el(doc, 'a', '', first.t);
      link.href = withQuery(first.u.split('#')[0]);
      heading.appendChild(link);
      li.appendChild(heading);
      li.appendChild(el(doc, 'p', 'result-meta', first.d + ' · ' + language(first.l, 'lang') +
        (group.sections.length > fragments.length ? ' · ' + format(strings.moreSections, [group.sections.length]) : '')));
      var sections = el(doc, 'ul', 'result-sections');
      fragments.forEach(function (f) {
        var item = el(doc, 'li');
        var a = el(doc, 'a', 'result-section', f.h || language(f.l, 'head'));
        a.href = withQuery(f.u);
        item.appendChild(a);
        // A translation's section opens in parallel mode too, the original beside it, at the section.
        if (f.l !== current.original && strings.parallel) {
          var parts = f.u.split('#');
          var parallel = el(doc, 'a', 'result-parallel', strings.parallel);
          parallel.href = withQuery(parts[0] + '#parallel' + (parts[1] ? '-' + parts[1] : ''));
          item.appendChild(doc.createTextNode(' · '));
          item.appendChild(parallel);
        }
        var p = el(doc, 'p', 'excerpt');
        renderExcerpt(doc, p, excerpt(f.x || '', current.parts, Number(language(f.l, 'excerpt')) || 200));
        item.appendChild(p);
        sections.appendChild(item);
      });
      li.appendChild(sections);
      return li;
    }

    function search() {
      var query = fields();
      var mine = ++run;
      currentQuery = query.q;
      doc.title = query.q ? format(strings.title, [query.q]) + ' · ' + baseTitle : baseTitle;
      list.textContent = '';
      more.hidden = true;
      shown = 0;
      if (!query.q) {
        status.textContent = '';
        return Promise.resolve();
      }
      results.setAttribute('aria-busy', 'true');
      status.textContent = strings.loading;
      return index.search(query).then(function (result) {
        if (mine !== run) return null;
        current = result;
        if (result.groups.length === 0) {
          status.textContent = format(query.lang || query.year || query.department ? strings.noneFiltered : strings.none, [query.q]);
          return null;
        }
        var found = result.reports > 1 ? strings.found : result.sections > 1 ? strings.foundInOne : strings.foundOne;
        status.textContent = format(found, [result.sections, result.reports]) +
          (result.groups.length > result.reports ? format(strings.foundLangs, [result.groups.length]) : '');
        return showMore();
      }).then(function () {
        if (mine === run) results.removeAttribute('aria-busy');
      }, function () {
        if (mine !== run) return;
        results.removeAttribute('aria-busy');
        status.textContent = strings.error;
      });
    }

    form.addEventListener('submit', function (e) {
      e.preventDefault();
      var query = fields();
      var params = [];
      Object.keys(query).forEach(function (k) {
        if (query[k]) params.push(encodeURIComponent(k) + '=' + encodeURIComponent(query[k]));
      });
      var url = form.getAttribute('action') + (params.length ? '?' + params.join('&') : '');
      if (root().history && root().history.pushState) root().history.pushState(null, '', url);
      search();
    });
    Array.prototype.forEach.call(form.querySelectorAll('select'), function (select) {
      select.addEventListener('change', function () { form.requestSubmit ? form.requestSubmit() : form.dispatchEvent(new Event('submit', { cancelable: true })); });
    });
    more.addEventListener('click', function () { showMore().then(remember); });
    root().addEventListener('popstate', function () {
      fill(new URLSearchParams(root().location.search));
      search();
    });

    function root() { return doc.defaultView; }

    // Back from a result finds the results as they were left: as many shown, scrolled to the same place. The history entry
    // keeps both; the browser's own restoration would scroll before the results are there.
    var win = root();
    function remember() {
      if (win.history && win.history.replaceState) win.history.replaceState({ shown: shown, y: win.pageYOffset }, '');
    }
    var pending = 0;
    win.addEventListener('scroll', function () {
      if (pending) return;
      pending = win.setTimeout(function () { pending = 0; remember(); }, 150);
    });
    win.addEventListener('pagehide', remember);
    var saved = win.history && win.history.state;
    if (saved && 'scrollRestoration' in win.history) win.history.scrollRestoration = 'manual';

    fill(new URLSearchParams(win.location.search));
    search().then(function restore() {
      if (!saved || !current) return null;
      if (shown < saved.shown && shown < current.groups.length) return showMore().then(restore);
      win.scrollTo(0, saved.y || 0);
      return null;
    });
  }

  return {
    tokenize: tokenize, fold: function (text) { return foldWithMap(text).text; }, parse: parse, Index: Index,
    highlights: highlights, excerpt: excerpt, start: start, markPage: markPage, gunzip: gunzip, parseIndexFile: parseIndexFile, readPage: readPage
  };
});
