// Opens the live preview of `easyread watch` in Debian's chromium, scrolls down, says READY,
// and waits for the page to reload itself after a save (the test saves a file when it reads
// READY). Prints JSON: the scroll place before and after, whether the new words are on the
// page, and any request that left 127.0.0.1. Usage: node preview_reload.js URL WORDS
'use strict';

const readline = require('node:readline');
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

async function main() {
  const [url, words] = process.argv.slice(2);
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || 'chromium',
    args: BROWSER_FLAGS,
  });
  const outside = [];
  try {
    const page = await browser.newPage({ viewport: { width: 1000, height: 700 } });
    page.on('request', (request) => {
      if (!request.url().startsWith(new URL(url).origin)) outside.push(request.url());
    });
    await page.goto(url, { waitUntil: 'load' });
    await page.evaluate(() => window.scrollTo(0, 1500));
    const before = await page.evaluate(() => window.scrollY);
    const reloaded = page.waitForEvent('load', { timeout: 30000 });
    process.stdout.write('READY\n');
    await reloaded;
    await page.waitForFunction((y) => window.scrollY === y, before, { timeout: 5000 })
      .catch(() => undefined);
    const after = await page.evaluate(() => window.scrollY);
    const text = await page.evaluate(() => document.body.innerText);
    process.stdout.write(JSON.stringify({
      before, after, found: text.includes(words), outside,
    }) + '\n');
  } finally {
    await browser.close();
  }
}

main().catch((error) => {
  process.stderr.write(String(error && error.stack ? error.stack : error) + '\n');
  process.exit(2);
});
