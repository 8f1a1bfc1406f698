// Opens every page of the SQLSpec card in the Dev UI of the demo app (in dev mode), checks what each one shows, fails
// on any browser console error, and saves a screenshot of each page.
// Usage: node devui.mjs http://127.0.0.1:PORT SCREENSHOT_DIR REQUEST_ID
// REQUEST_ID: the X-Request-ID of a GET /users the caller sent, which the statements page must show.
import { chromium } from 'playwright-core';

const [base, shots, requestId] = process.argv.slice(2);
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--no-first-run'],
});
const fail = (message) => { throw new Error(message); };
const errors = [];
try {
  const page = await browser.newPage({ viewport: { width: 1440, height: 860 } });
  page.setDefaultTimeout(30000);
  page.on('console', message => { if (message.type() === 'error') errors.push(message.text()); });
  page.on('pageerror', error => errors.push('uncaught: ' + error.message));

  // Playwright's locators pierce the open shadow roots of the Dev UI's web components.
  const shows = async (text) => page.getByText(text, { exact: false }).first().waitFor();
  const visit = async (path, name, texts) => {
    errors.length = 0;
    await page.goto(`${base}/q/dev-ui/${path}`);
    for (const text of texts) await shows(text);
    await page.screenshot({ path: `${shots}/devui-${name}.png` });
    if (errors.length) fail(`${name}: console errors: ${errors.join(' | ')}`);
    console.log(`${name}: ok`);
  };

  // The card on the extensions page: the datasources with their modes, statements run, cache hit rate.
  await visit('extensions', 'card', ['Statements run', 'Cache hit rate', 'analytics', 'autocommit']);

  // Datasources: both of the demo's, from Dev Services, on the embedded PostgreSQL, with pool figures.
  await visit('quarkus-sqlspec/datasources', 'datasources', ['<default>', 'analytics', 'PostgreSQL 17', 'DuckDB', 'Dev Services',
    'idle, max']);

  // Statements: the caller's request is there; filtering by its correlation id leaves only its statements.
  await visit('quarkus-sqlspec/statements', 'statements', [requestId, 'FROM users', 'hit rate']);
  const filter = page.locator('qwc-sqlspec-statements vaadin-text-field input');
  await filter.fill(requestId);
  await filter.press('Enter');
  const grid = page.locator('qwc-sqlspec-statements vaadin-grid');
  await page.waitForFunction(([element, id]) => element.items?.length > 0
      && element.items.every(row => row.correlationId === id), [await grid.elementHandle(), requestId]);
  await page.screenshot({ path: `${shots}/devui-statements-filtered.png` });
  console.log('statements filtered by correlation id: ok');

  // HTTP sessions: the caller's login is a live session.
  await visit('quarkus-sqlspec/http-sessions', 'http-sessions', ['sqlspec_sessions', 'Purge expired sessions']);
  await page.waitForFunction(() => {
    const find = (root) => {
      for (const element of root.querySelectorAll('*')) {
        if (element.tagName === 'QWC-SQLSPEC-SESSIONS') return element;
        const inner = element.shadowRoot && find(element.shadowRoot);
        if (inner) return inner;
      }
      return null;
    };
    return find(document)?._sessions?.live > 0;
  });

  // Migrations: the demo's two migrations on <default> and one on analytics, all applied.
  await visit('quarkus-sqlspec/migrations', 'migrations', ['the demo schema of SQLSpec', 'the demo account',
    'Upgrade']);

  // SQL console: a query shows its rows; a write is refused unless "Allow writes" is ticked.
  await visit('quarkus-sqlspec/sql-console', 'sql-console', ['Allow writes']);
  const sql = page.locator('qwc-sqlspec-console vaadin-text-area textarea');
  const run = page.locator('qwc-sqlspec-console vaadin-button', { hasText: 'Run' });
  await sql.fill('SELECT id, username FROM accounts');
  await run.click();
  await shows('alice');
  await page.screenshot({ path: `${shots}/devui-sql-console.png` });
  await sql.fill("DELETE FROM accounts WHERE username = 'alice'");
  await run.click();
  await shows('read-only');
  if (errors.length) fail(`sql-console: console errors: ${errors.join(' | ')}`);
  console.log('sql console: ok');

  console.log('dev ui pages: ok');
} finally {
  await browser.close();
}
