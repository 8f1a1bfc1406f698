// A real browser logs in, reloads, sees its profile, logs out. Usage: node login.mjs http://127.0.0.1:PORT
import { chromium } from 'playwright-core';

const base = process.argv[2];
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--no-first-run'],
});
const fail = (message) => { throw new Error(message); };
try {
  const page = await browser.newPage();
  await page.goto(base + '/');
  await page.waitForSelector('#login:not([hidden])');

  await page.fill('#username', 'alice');
  await page.fill('#password', 'wrong');
  await page.click('button[type=submit]');
  await page.waitForFunction(() => document.getElementById('error').textContent.length > 0);

  await page.fill('#password', 'secret');
  await page.click('button[type=submit]');
  await page.waitForSelector('#profile:not([hidden])');
  const who = await page.textContent('#who');
  if (!/^Logged in as user \d+$/.test(who)) fail('unexpected profile text: ' + who);

  const cookies = await page.context().cookies();
  const session = cookies.find(c => c.name === 'sqlspec_session');
  if (!session) fail('no session cookie');
  if (!session.httpOnly) fail('session cookie is readable by scripts');
  if (session.sameSite !== 'Lax') fail('SameSite is ' + session.sameSite);
  const visibleToScript = await page.evaluate(() => document.cookie);
  if (visibleToScript.includes('sqlspec_session')) fail('document.cookie shows the session');

  await page.reload();
  await page.waitForSelector('#profile:not([hidden])');
  if ((await page.textContent('#who')) !== who) fail('profile changed after reload');

  await page.click('#logout');
  await page.waitForSelector('#login:not([hidden])');
  await page.reload();
  await page.waitForSelector('#login:not([hidden])');
  console.log('browser login flow: ok (' + who + ')');
} finally {
  await browser.close();
}
