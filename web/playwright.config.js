// The browser tests (ctest `pelo_browser_test`, release only: tests/browser/CMakeLists.txt):
// Debian's Chromium driven by Playwright, never a browser Playwright downloads.
const path = require('path');
const { defineConfig } = require('@playwright/test');

const out = process.env.PELO_BROWSER_OUT || path.join(__dirname, 'test-results');

module.exports = defineConfig({
  testDir: 'tests',
  timeout: 120000,
  workers: 1,
  retries: 0,
  reporter: [['list']],
  outputDir: path.join(out, 'results'),
  use: {
    browserName: 'chromium',
    launchOptions: { executablePath: process.env.PELO_CHROMIUM || '/usr/bin/chromium' },
    viewport: { width: 1200, height: 900 },
  },
});
