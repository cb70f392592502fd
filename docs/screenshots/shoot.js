// Serves a built site under /ReportArchive/ and photographs the reader's pages: node shoot.js SITE OUT
const { chromium } = require('playwright-core');
const http = require('http');
const fs = require('fs');
const path = require('path');

const [site, out] = process.argv.slice(2);
const types = { '.html': 'text/html; charset=utf-8', '.css': 'text/css', '.js': 'text/javascript', '.svg': 'image/svg+xml', '.webp': 'image/webp', '.jpg': 'image/jpeg', '.json': 'application/json', '.gz': 'application/gzip' };
const article = 'reports/2024/old-town-water/';
const shots = [
  ['article', `zh/${article}`],
  ['parallel', `en/${article}#parallel`],
  ['search', 'en/search/?q=water'],
];
const screens = [['phone', 390, 844], ['desktop', 1366, 900]];

const server = http.createServer((req, res) => {
  const name = decodeURIComponent(req.url.split('?')[0]).replace(/^\/ReportArchive\//, '/');
  let file = path.join(site, name);
  if (fs.existsSync(file) && fs.statSync(file).isDirectory()) file = path.join(file, 'index.html');
  if (!file.startsWith(site) || !fs.existsSync(file)) {
    res.writeHead(404);
    res.end();
    return;
  }
  res.writeHead(200, { 'content-type': types[path.extname(file)] || 'application/octet-stream' });
  fs.createReadStream(file).pipe(res);
});

server.listen(0, '127.0.0.1', async () => {
  const base = `http://127.0.0.1:${server.address().port}/ReportArchive/`;
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
  try {
    for (const [screen, width, height] of screens) {
      for (const [name, url] of shots) {
        const context = await browser.newContext({ viewport: { width, height }, locale: 'zh-CN', colorScheme: 'light' });
        const page = await context.newPage();
        await page.goto(base + url, { waitUntil: 'networkidle' });
        if (name === 'search') await page.waitForSelector('#search-list .result');
        await page.evaluate(() => document.fonts.ready);
        const file = path.join(out, `${name}-${screen}.png`);
        await page.screenshot({ path: file });
        console.log(path.relative(process.cwd(), file));
        await context.close();
      }
    }
  } finally {
    await browser.close();
    server.close();
  }
});
