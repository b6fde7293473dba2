import { defineConfig } from '@playwright/test';

// Drives the release build of the front end against the real reference backend
// (tests/e2e/fixtures.ts starts it on a free port with a fresh database).
// Projects: `main`, the demo content at the default size; `extremes-W`, the
// extremes corpus (tests/e2e/seed-extremes) W px wide; `static-host`, dist/ on
// a plain static server with the API on another origin; `nukeviet`, the
// backend over a NukeViet 4 site's database (a throwaway MariaDB loaded with
// server/tests/nukeviet/'s fixture; scripts/test.sh starts it).
const widths = [320, 360, 1280, 1920];

export default defineConfig({
  testDir: '.',
  outputDir: '../../test-results',
  timeout: 60_000,
  expect: { timeout: 15_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [['list']],
  projects: [
    { name: 'main', testIgnore: ['extremes/**', 'static-host/**', 'nukeviet/**'] },
    ...widths.map((width) => ({
      name: `extremes-${width}`,
      testDir: './extremes',
      use: { viewport: { width, height: 900 } },
    })),
    { name: 'static-host', testDir: './static-host' },
    { name: 'nukeviet', testDir: './nukeviet', use: { store: 'nukeviet' } },
  ],
  use: {
    trace: 'retain-on-failure',
    // The service worker would answer requests before page.route() sees them;
    // only the offline tests (offline.spec.ts) let it run.
    serviceWorkers: 'block',
    launchOptions: {
      executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
  },
});
