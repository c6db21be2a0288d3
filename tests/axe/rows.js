// Measures each Easy Read row of an HTML page in Debian's chromium and prints JSON.
// Usage: node rows.js PAGE.html --width 360 [--width 1280 ...]
// For each width: every row's picture box and text box (left, right, top, bottom in CSS
// pixels), and the gap from each row to the next, so a test can check that each picture sits
// beside its own text and closer to it than to the next row.
'use strict';

const { pathToFileURL } = require('node:url');
const { chromium } = require('playwright-core');

const BROWSER_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

function box(element) {
  if (!element) return null;
  const rect = element.getBoundingClientRect();
  return { left: rect.left, right: rect.right, top: rect.top, bottom: rect.bottom };
}

async function measure(browser, file, width) {
  const page = await browser.newPage({ viewport: { width, height: 800 } });
  await page.route(/^(?!file:|data:)/, (route) => route.abort());
  await page.goto(pathToFileURL(file).href);
  const rows = await page.$$eval('.point', (points, boxSource) => {
    const measureBox = new Function(`return (${boxSource})`)();
    return points.map((point) => ({
      row: measureBox(point),
      picture: measureBox(point.querySelector('.point-picture img')),
      text: measureBox(point.querySelector('.point-text')),
    }));
  }, box.toString());
  const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
  await page.close();
  return { width, scrollWidth, rows };
}

async function main() {
  const argv = process.argv.slice(2);
  const widths = [];
  let file = null;
  for (let index = 0; index < argv.length; index += 1) {
    if (argv[index] === '--width') {
      widths.push(Number(argv[index + 1]));
      index += 1;
    } else {
      file = argv[index];
    }
  }
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: BROWSER_FLAGS,
  });
  try {
    const results = [];
    for (const width of widths) results.push(await measure(browser, file, width));
    process.stdout.write(JSON.stringify(results));
  } finally {
    await browser.close();
  }
}

main().catch((error) => {
  process.stderr.write(`${error.stack || error}\n`);
  process.exit(2);
});
