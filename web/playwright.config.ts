import { defineConfig, devices } from '@playwright/test';

// Debian's Chromium (apt-get install chromium): Playwright's own browser download cannot reach its host here.
export const CHROMIUM = {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
  ],
};

/** Against the real service (dist/src/main.js) on a fresh database with the demo seed: see global-setup. */
export default defineConfig({
  testDir: 'tests',
  testMatch: '**/*.spec.ts',
  // The README's screenshots are retaken on request (UPDATE_SCREENSHOTS=1), not as part of the tests.
  testIgnore: process.env.UPDATE_SCREENSHOTS ? [] : ['**/screenshots.spec.ts'],
  globalSetup: './tests/support/global-setup.ts',
  // Each test mostly waits on the browser and the service: three at once on two cores took the run
  // from 4.6 to 3.7 min; the default timeout leaves a loaded moment room.
  workers: 3,
  fullyParallel: true,
  retries: 0,
  timeout: 60_000,
  reporter: process.env.CI ? 'line' : 'list',
  outputDir: '../var/playwright',
  use: {
    ...devices['Desktop Chrome'],
    baseURL: process.env.FRIROM_WEB_URL,
    launchOptions: CHROMIUM,
    locale: 'nb-NO',
    timezoneId: 'Europe/Oslo',
    trace: 'retain-on-failure',
  },
});
