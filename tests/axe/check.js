// Runs axe-core on HTML files in Debian's chromium and prints what it finds as JSON.
// Usage: node check.js PAGE.html [MORE.html ...] [--width 1280] [--width 360 ...]
// Each page is checked at each width, in one browser. Output: a JSON list of
// {"url", "width", "outsideRequests", "passes", "violations"}; the exit code is 0 when the
// pages could be checked (whatever was found) and 2 when they could not.
'use strict';

const path = require('node:path');
const { pathToFileURL } = require('node:url');
const { chromium } = require('playwright-core');
const { AxeBuilder } = require('@axe-core/playwright');

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

function parseArguments(argv) {
  const options = { files: [], widths: [] };
  for (let index = 0; index < argv.length; index += 1) {
    if (argv[index] === '--width') {
      options.widths.push(Number(argv[index + 1]));
      index += 1;
    } else {
      options.files.push(argv[index]);
    }
  }
  if (options.files.length === 0) {
    throw new Error('give the HTML file to check');
  }
  if (options.widths.length === 0) {
    options.widths.push(1280);
  }
  return options;
}

async function checkAll(options) {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: BROWSER_FLAGS,
  });
  try {
    const results = [];
    for (const file of options.files) {
      for (const width of options.widths) {
        results.push(await check(browser, file, width));
      }
    }
    return results;
  } finally {
    await browser.close();
  }
}

async function check(browser, file, width) {
  const context = await browser.newContext({ viewport: { width, height: 900 } });
  try {
    const page = await context.newPage();
    // The page must be self-contained: any request that is not the file itself or a data: URI
    // is refused and reported.
    const url = pathToFileURL(path.resolve(file)).href;
    const outsideRequests = [];
    await page.route('**/*', (route) => {
      const requested = route.request().url();
      if (requested === url || requested.startsWith('data:')) {
        return route.continue();
      }
      outsideRequests.push(requested);
      return route.abort();
    });
    await page.goto(url, { waitUntil: 'load' });
    const results = await new AxeBuilder({ page })
      .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'])
      .analyze();
    return {
      url,
      width,
      outsideRequests,
      passes: results.passes.length,
      violations: results.violations.map((violation) => ({
        id: violation.id,
        impact: violation.impact,
        help: violation.help,
        nodes: violation.nodes.map((node) => ({ target: node.target, summary: node.failureSummary })),
      })),
    };
  } finally {
    await context.close();
  }
}

checkAll(parseArguments(process.argv.slice(2)))
  .then((result) => {
    process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
  })
  .catch((error) => {
    process.stderr.write(`axe check failed: ${error.message}\n`);
    process.exitCode = 2;
  });
