// Places one call from the emulator's web console in headless Chromium and reports what the page saw,
// as JSON on stdout, for ConsoleBrowserTest to judge. Usage:
//   node console-call.mjs <consoleUrl> <microphone.wav> <screenshot.png> <checkpointName>
// It then loads the call's saved record back into the page (screenshot <screenshot>-record.png).
// The fake microphone plays <microphone.wav> in a loop; CHROMIUM names the browser (/usr/bin/chromium).
import { chromium } from 'playwright-core';

const [consoleUrl, microphoneWav, screenshot, checkpointName] = process.argv.slice(2);
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  headless: true,
  args: [
    '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-sync',
    // this machine's network is closed: Chromium's own calls home only fail, many at a time
    '--disable-background-networking', '--disable-component-update',
    '--use-fake-ui-for-media-stream', '--use-fake-device-for-media-stream',
    `--use-file-for-fake-audio-capture=${microphoneWav}`, '--autoplay-policy=no-user-gesture-required',
  ],
});
const pageErrors = [];
const report = { pageErrors };
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  page.on('pageerror', (error) => pageErrors.push(String(error)));
  page.on('console', (message) =>
    message.type() === 'error' && pageErrors.push(`${message.text()} (${message.location().url})`));
  await page.goto(consoleUrl);
  await page.waitForSelector('#connection.up', { timeout: 10000 });
  await page.click('#call');
  await page.waitForSelector(`#checkpoints li[data-checkpoint="${checkpointName}"][data-state="played"]`, { timeout: 20000 });
  await page.click('#keypad button[data-key="5"]');
  await page.waitForSelector('#timeline tr[data-what="dtmf"]', { timeout: 5000 });
  // Echo until the caller has heard 4 s of it: the test expects 1.5 s of audible echo, and the looped
  // microphone is tone only 7/12 of the time.
  await page.waitForFunction(() => window.consoleStats.heardMillis >= 4000, null, { timeout: 20000 });
  await page.screenshot({ path: screenshot, fullPage: true });
  await page.click('#hangup');
  await page.waitForFunction(() => window.consoleStats.ended !== null, null, { timeout: 10000 });
  report.stats = await page.evaluate(() => window.consoleStats);
  report.checkpoints = await page.$$eval('#checkpoints li', (items) =>
    items.map((li) => ({ name: li.dataset.checkpoint, state: li.dataset.state })));
  report.timeline = await page.$$eval('#timeline tbody tr', (rows) => rows.map((row) => row.dataset.what));
  report.status = await page.textContent('#status');
  report.recordLink = await page.getAttribute('#download', 'href');

  // The saved record, loaded back into the viewer as a developer would from a file.
  const saved = await page.evaluate(async (link) => (await fetch(link)).text(), report.recordLink);
  await page.setInputFiles('#load', { name: 'call.json', mimeType: 'application/json', buffer: Buffer.from(saved) });
  await page.waitForFunction(() => document.querySelector('#status').textContent.startsWith('Recorded call'));
  report.loaded = {
    status: await page.textContent('#status'),
    timeline: await page.$$eval('#timeline tbody tr', (rows) => rows.map((row) => row.dataset.what)),
    checkpoints: await page.$$eval('#checkpoints li', (items) => items.map((li) => li.dataset.state)),
    waveformWidth: await page.$eval('#waveform', (canvas) => canvas.width),
  };
  await page.screenshot({ path: screenshot.replace(/\.png$/, '-record.png'), fullPage: true });
} catch (error) {
  report.failure = String(error);
} finally {
  await browser.close();
}
console.log(JSON.stringify(report));
