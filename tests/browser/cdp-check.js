// Loads an HTML report in headless Chromium over the DevTools protocol and checks it loads nothing, every TOC link lands on its section, and at a phone's width nothing scrolls sideways.
//
// Usage: node cdp-check.js CHROMIUM REPORT.html OUT.png
// Only Node's built-in modules: the protocol runs over --remote-debugging-pipe
// (fd 3 to the browser, fd 4 from it, NUL-terminated JSON), so no WebSocket
// client is needed (Node 20 has none without a flag).
'use strict';

const { spawn } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { pathToFileURL } = require('url');

const [chromium, reportPath, pngPath] = process.argv.slice(2);
if (!chromium || !reportPath || !pngPath) {
  console.error('usage: node cdp-check.js CHROMIUM REPORT.html OUT.png');
  process.exit(2);
}
const reportUrl = pathToFileURL(path.resolve(reportPath)).href;
const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'abridge-chromium-'));
const WIDTH = 1000, HEIGHT = 1400;
// A small phone, as Chrome's device list has it (Galaxy S8/S9: 360x740 CSS px).
const PHONE_WIDTH = 360, PHONE_HEIGHT = 740;

const browser = spawn(chromium, [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
  '--disable-extensions', '--disable-default-apps', '--mute-audio', '--hide-scrollbars',
  // A safety net, not the check: were anything requested, it could not leave
  // the machine. The check is what the page asks for (Network, Log below).
  '--proxy-server=127.0.0.1:9', '--host-resolver-rules=MAP * ~NOTFOUND',
  `--user-data-dir=${profile}`, `--window-size=${WIDTH},${HEIGHT}`,
  '--remote-debugging-pipe', 'about:blank',
], { stdio: ['ignore', 'ignore', 'pipe', 'pipe', 'pipe'] });

let stderr = '';
browser.stderr.on('data', (d) => { stderr += d; });
const toBrowser = browser.stdio[3];
const fromBrowser = browser.stdio[4];

let nextId = 1;
const pending = new Map();
const listeners = [];
let buffer = Buffer.alloc(0);

fromBrowser.on('data', (chunk) => {
  buffer = Buffer.concat([buffer, chunk]);
  let end;
  while ((end = buffer.indexOf(0)) >= 0) {
    const message = JSON.parse(buffer.subarray(0, end).toString('utf8'));
    buffer = buffer.subarray(end + 1);
    if (message.id !== undefined && pending.has(message.id)) {
      const { resolve, reject } = pending.get(message.id);
      pending.delete(message.id);
      if (message.error) reject(new Error(`${message.error.message} (${message.error.code})`));
      else resolve(message.result);
    } else if (message.method) {
      for (const listener of listeners) listener(message);
    }
  }
});

function send(method, params = {}, sessionId = undefined) {
  const id = nextId++;
  const message = { id, method, params };
  if (sessionId) message.sessionId = sessionId;
  toBrowser.write(JSON.stringify(message) + '\0');
  return new Promise((resolve, reject) => pending.set(id, { resolve, reject }));
}

function waitFor(method, sessionId, ms) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`timed out waiting for ${method}`)), ms);
    listeners.push((m) => {
      if (m.method === method && m.sessionId === sessionId) {
        clearTimeout(timer);
        resolve(m.params);
      }
    });
  });
}

// Runs in the page: for every TOC link, exactly one target, and after a
// click the target is at the top of the viewport (or on screen, when the page
// cannot scroll that far). Every section id has a link. Returns the problems.
async function checkToc() {
  const problems = [];
  const frame = () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
  const links = [...document.querySelectorAll('nav a')];
  if (links.length === 0 && document.querySelector('main article'))
    problems.push('the report has articles but no TOC links');
  const linked = new Set();
  for (const a of links) {
    const href = a.getAttribute('href') || '';
    if (!href.startsWith('#')) { problems.push(`TOC link ${href} does not point into the report`); continue; }
    const id = decodeURIComponent(href.slice(1));
    linked.add(id);
    const targets = document.querySelectorAll(`[id="${CSS.escape(id)}"]`);
    if (targets.length !== 1) { problems.push(`${href} has ${targets.length} targets`); continue; }
    window.scrollTo(0, 0);
    await frame();
    a.click();
    await frame();
    const top = targets[0].getBoundingClientRect().top;
    const atBottom = Math.ceil(window.scrollY + window.innerHeight) >= document.documentElement.scrollHeight - 1;
    const landed = Math.abs(top) <= 2 || (atBottom && top >= 0 && top < window.innerHeight);
    if (location.hash !== href) problems.push(`${href}: the location became ${location.hash}`);
    if (!landed) problems.push(`${href}: its section is at y=${top} after the click, not on screen`);
  }
  for (const el of document.querySelectorAll('main [id]'))
    if (!linked.has(el.id)) problems.push(`section #${el.id} has no TOC link`);
  window.scrollTo(0, 0);
  history.replaceState(null, '', location.pathname);
  await frame();
  return { problems, links: links.length };
}

// Runs in the page, laid out at a phone's width: the page must be as wide as
// the screen (a viewport meta tag), and nothing in it wider (long URLs, ids,
// words must wrap). Names the elements that stick out. Returns the problems.
async function checkPhoneWidth(screenWidth) {
  const frame = () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
  await frame();
  const problems = [];
  const root = document.documentElement;
  if (window.innerWidth > screenWidth)
    problems.push(`on a ${screenWidth} px screen the page is laid out ${window.innerWidth} px wide (no viewport meta tag, or something wider than the screen)`);
  const width = root.clientWidth;
  if (root.scrollWidth > width) {
    problems.push(`at ${width} px the page is ${root.scrollWidth} px wide: it scrolls sideways`);
    const describe = (e) => `<${e.tagName.toLowerCase()}${e.className ? ` class="${e.className}"` : ''}>`;
    const wide = [...document.body.querySelectorAll('*')]
      .filter((e) => e.getBoundingClientRect().right > width + 0.5)
      .filter((e) => ![...e.children].some((c) => c.getBoundingClientRect().right > width + 0.5));
    for (const e of wide.slice(0, 5))
      problems.push(`  ${describe(e)} reaches x=${Math.round(e.getBoundingClientRect().right)}: ${(e.textContent || '').slice(0, 60)}`);
  }
  return { problems, width, scrollWidth: root.scrollWidth };
}

async function main() {
  const failures = [];
  const requests = [];
  listeners.push((m) => {
    if (m.method === 'Network.requestWillBeSent') requests.push(m.params.request.url);
    // CSP refusals and failed loads show here even when no request is made.
    if (m.method === 'Log.entryAdded' && (m.params.entry.level === 'error' || m.params.entry.source === 'security'))
      failures.push(`browser log: ${m.params.entry.text}`);
    if (m.method === 'Runtime.exceptionThrown')
      failures.push(`script exception: ${m.params.exceptionDetails.text}`);
  });

  const { targetId } = await send('Target.createTarget', { url: 'about:blank' });
  const { sessionId } = await send('Target.attachToTarget', { targetId, flatten: true });
  await send('Network.enable', {}, sessionId);
  await send('Page.enable', {}, sessionId);
  await send('Log.enable', {}, sessionId);
  await send('Runtime.enable', {}, sessionId);
  await send('Emulation.setDeviceMetricsOverride',
             { width: WIDTH, height: HEIGHT, deviceScaleFactor: 1, mobile: false }, sessionId);

  const loaded = waitFor('Page.loadEventFired', sessionId, 30000);
  const nav = await send('Page.navigate', { url: reportUrl }, sessionId);
  if (nav.errorText) throw new Error(`cannot load ${reportUrl}: ${nav.errorText}`);
  await loaded;
  // Late loads (fonts, lazy images) start after the load event.
  await new Promise((r) => setTimeout(r, 500));

  for (const url of requests)
    if (url !== reportUrl && url !== 'about:blank')
      failures.push(`network request: ${url}`);

  const toc = await send('Runtime.evaluate',
                         { expression: `(${checkToc.toString()})()`, awaitPromise: true, returnByValue: true },
                         sessionId);
  if (toc.exceptionDetails) failures.push(`TOC check failed: ${toc.exceptionDetails.text}`);
  else failures.push(...toc.result.value.problems);

  const shot = await send('Page.captureScreenshot', { format: 'png' }, sessionId);
  fs.writeFileSync(pngPath, Buffer.from(shot.data, 'base64'));

  await send('Emulation.setDeviceMetricsOverride',
             { width: PHONE_WIDTH, height: PHONE_HEIGHT, deviceScaleFactor: 2, mobile: true }, sessionId);
  const phone = await send('Runtime.evaluate',
                           { expression: `(${checkPhoneWidth.toString()})(${PHONE_WIDTH})`, awaitPromise: true,
                             returnByValue: true }, sessionId);
  if (phone.exceptionDetails) failures.push(`phone-width check failed: ${phone.exceptionDetails.text}`);
  else {
    failures.push(...phone.result.value.problems);
    console.log(`cdp-check: at ${PHONE_WIDTH} px the page is ${phone.result.value.scrollWidth} px wide`);
  }

  console.log(`cdp-check: ${requests.length} request(s), ${toc.result && toc.result.value ? toc.result.value.links : 0} TOC link(s) followed`);
  return failures;
}

const watchdog = setTimeout(() => {
  console.error(`cdp-check: Chromium did not answer in 60 s\n${stderr}`);
  browser.kill('SIGKILL');
  process.exit(1);
}, 60000);

browser.on('error', (e) => {
  console.error(`cdp-check: cannot start ${chromium}: ${e.message}`);
  process.exit(1);
});

main().then((failures) => {
  clearTimeout(watchdog);
  send('Browser.close').catch(() => {});
  setTimeout(() => browser.kill('SIGKILL'), 2000).unref();
  browser.on('exit', () => {
    fs.rmSync(profile, { recursive: true, force: true });
    for (const f of failures) console.error(`FAIL: ${f}`);
    process.exit(failures.length > 0 ? 1 : 0);
  });
}, (e) => {
  clearTimeout(watchdog);
  console.error(`cdp-check: ${e.message}\n${stderr}`);
  browser.kill('SIGKILL');
  fs.rmSync(profile, { recursive: true, force: true });
  process.exit(1);
});
