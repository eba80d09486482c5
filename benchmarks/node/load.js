// The load generator of docs/BENCHMARKS.md: N simulated Vobiz calls, each a real-time stream of 20 ms
// L16/8 kHz `media` frames (50 a second) to an echo server, matched to the `playAudio` that echoes each
// one. Written to cost the machine far less than the servers it drives (one thread, no JSON parsing of
// replies, one timer walking the calls in phase order), and to say what it cost: its own CPU, how late
// it sent frames and how late its event loop ran, printed beside every result, so that a run in which
// the generator was the limit is seen as such.
//
// Optionally, while the calls run, it attacks the same server as a hostile internet would: slow HTTP
// clients that trickle a POST body (--slow-http), connections that never send a byte (--idle-sockets),
// WebSockets that only ever ping (--ping-sockets), each reopened when the server closes it; and it
// times the answer URL meanwhile (--answer-url).
//
// Usage: node load.js ws://127.0.0.1:18089/media [--calls 300] [--seconds 15] [--ramp 2] [--skip 3]
//          [--json out.json] [--slow-http N --slow-path /events] [--idle-sockets N] [--ping-sockets N]
//          [--answer-url http://127.0.0.1:18089/answer]
'use strict';
const WebSocket = require('ws');
const http = require('http');
const net = require('net');
const fs = require('fs');
const { monitorEventLoopDelay, performance } = require('perf_hooks');

const args = parseArgs(process.argv.slice(2));
const url = new URL(args._[0] || 'ws://127.0.0.1:18089/media');
const calls = int(args.calls, 300);
const seconds = num(args.seconds, 15);
const rampSeconds = num(args.ramp, 2);
const skipSeconds = num(args.skip, 3); // measured from the end of the ramp
const FRAME_MS = 20;
const FRAME_BYTES = 320; // 20 ms of L16 at 8 kHz
const WINDOW = 1 << 12; // sends remembered per call (82 s)

const t0 = performance.now();
const measureFrom = t0 + (rampSeconds + skipSeconds) * 1000;
const sendUntil = t0 + (rampSeconds + seconds) * 1000;
const latencies = new Float64Array(Math.ceil(calls * (seconds + 1) * 1000 / FRAME_MS) + 1024);
let latencyCount = 0;
const sendLags = [];
let framesSent = 0, framesReturned = 0, measuredSent = 0, measuredReturned = 0, outOfOrder = 0, unmatched = 0;
let connected = 0, refused = 0, closedEarly = 0;

// ---- the calls -----------------------------------------------------------------------------------

// Each call's media message is a fixed-width template, copied and patched per frame: sequence number,
// timestamp, chunk and the first 12 base64 characters of the payload, which carry the chunk number as
// a marker (each byte doubled, so that it survives a byte-order swap of the echoed L16 samples).
const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const B64_VALUE = new Int16Array(256).fill(-1);
for (let i = 0; i < 64; i++) B64_VALUE[B64.charCodeAt(i)] = i;
const NUMBER_BASE = 1e9; // sequence numbers and chunks as 10-digit numbers: fixed width

function template(streamId) {
  const fields = {};
  let text = '{"event":"media","streamId":"' + streamId + '","sequenceNumber":';
  fields.sequence = text.length; text += '0'.repeat(10) + ',"media":{"track":"inbound","timestamp":"';
  fields.timestamp = text.length; text += '0'.repeat(13) + '","chunk":';
  fields.chunk = text.length; text += '0'.repeat(10) + ',"payload":"';
  fields.payload = text.length; text += Buffer.alloc(FRAME_BYTES).toString('base64') + '"}}';
  return { bytes: Buffer.from(text, 'latin1'), fields };
}

function writeDigits(buffer, at, width, value) {
  for (let i = at + width - 1; i >= at; i--) {
    buffer[i] = 48 + (value % 10);
    value = Math.floor(value / 10);
  }
}

const marker = new Uint8Array(9);
function mediaMessage(call, chunk) {
  const t = call.template;
  const message = Buffer.allocUnsafe(t.bytes.length);
  t.bytes.copy(message);
  writeDigits(message, t.fields.sequence, 10, NUMBER_BASE + chunk + 2);
  writeDigits(message, t.fields.timestamp, 13, Math.round(performance.now() - t0));
  writeDigits(message, t.fields.chunk, 10, NUMBER_BASE + chunk);
  for (let i = 0; i < 4; i++) marker[2 * i] = marker[2 * i + 1] = (chunk >>> (24 - 8 * i)) & 0xff;
  for (let i = 0, at = t.fields.payload; i < 9; i += 3, at += 4) { // 9 bytes: 12 characters
    const n = (marker[i] << 16) | (marker[i + 1] << 8) | marker[i + 2];
    message[at] = B64.charCodeAt(n >>> 18);
    message[at + 1] = B64.charCodeAt((n >>> 12) & 63);
    message[at + 2] = B64.charCodeAt((n >>> 6) & 63);
    message[at + 3] = B64.charCodeAt(n & 63);
  }
  return message;
}

const PAYLOAD = Buffer.from('"payload":"');
function onReply(call, data) {
  const at = data.indexOf(PAYLOAD);
  if (at < 0) return; // not a playAudio
  const from = at + PAYLOAD.length;
  if (data.length < from + 12) { unmatched++; return; }
  for (let i = 0, c = from; i < 9; i += 3, c += 4) {
    const n = (B64_VALUE[data[c]] << 18) | (B64_VALUE[data[c + 1]] << 12) | (B64_VALUE[data[c + 2]] << 6) | B64_VALUE[data[c + 3]];
    if (n < 0) { unmatched++; return; }
    marker[i] = n >>> 16; marker[i + 1] = (n >>> 8) & 0xff; marker[i + 2] = n & 0xff;
  }
  if (marker[0] !== marker[1] || marker[2] !== marker[3] || marker[4] !== marker[5] || marker[6] !== marker[7]) {
    unmatched++;
    return;
  }
  const chunk = ((marker[0] << 24) | (marker[2] << 16) | (marker[4] << 8) | marker[6]) >>> 0;
  if (chunk >= call.sent || call.sent - chunk > WINDOW) { unmatched++; return; }
  const now = performance.now();
  framesReturned++;
  if (chunk < call.highest) outOfOrder++;
  call.highest = Math.max(call.highest, chunk);
  const sentAt = call.sentAt[chunk % WINDOW];
  if (sentAt >= measureFrom && sentAt < sendUntil) {
    measuredReturned++;
    if (latencyCount < latencies.length) latencies[latencyCount++] = now - sentAt;
  }
}

const all = [];
for (let i = 0; i < calls; i++) {
  const streamId = 'load-' + process.pid + '-' + i;
  all.push({
    index: i, streamId, socket: null, started: false, sent: 0, highest: -1,
    sentAt: new Float64Array(WINDOW),
    phase: (i * FRAME_MS) / calls,
    template: template(streamId),
  });
  setTimeout(() => open(all[i]), (rampSeconds * 1000 * i) / calls);
}

// A zero mask is a valid mask (RFC 6455, section 5.3) that ws then skips applying: the generator pays nothing
// for it, the server unmasks as it always does.
const CLIENT_OPTIONS = { perMessageDeflate: false, generateMask: (mask) => mask.fill(0) };
const TEXT = { binary: false };

function open(call) {
  const socket = new WebSocket(url, CLIENT_OPTIONS);
  call.socket = socket;
  socket.on('open', () => {
    connected++;
    socket.send(JSON.stringify({
      event: 'start', sequenceNumber: 1,
      start: {
        streamId: call.streamId, callId: 'call-' + call.streamId, accountId: 'load',
        tracks: ['inbound'], mediaFormat: { encoding: 'audio/x-l16', sampleRate: 8000 },
      },
    }));
    call.started = true;
  });
  socket.on('message', (data) => onReply(call, data));
  socket.on('unexpected-response', () => { refused++; });
  socket.on('error', () => {});
  socket.on('close', () => {
    if (call.started && performance.now() < sendUntil) closedEarly++;
    call.started = false;
  });
}

// One timer walks the calls in phase order, so sends are spread evenly over each 20 ms.
let cursor = 0;
let cycleStart = t0;
function tick() {
  const now = performance.now();
  if (now >= sendUntil) return finish();
  while (cycleStart + all[cursor].phase <= now) {
    const call = all[cursor];
    if (call.started) {
      const due = cycleStart + call.phase;
      if (now >= measureFrom) {
        sendLags.push(now - due);
        measuredSent++;
      }
      call.sentAt[call.sent % WINDOW] = now;
      call.socket.send(mediaMessage(call, call.sent), TEXT);
      call.sent++;
      framesSent++;
    }
    if (++cursor === calls) {
      cursor = 0;
      cycleStart += FRAME_MS;
    }
  }
  setTimeout(tick, Math.max(0, cycleStart + all[cursor].phase - performance.now()));
}

// ---- hostile clients ------------------------------------------------------------------------------

const hostile = { slowHttpOpen: 0, slowHttpClosedByServer: 0, idleOpen: 0, idleClosedByServer: 0, pingOpen: 0, pingClosedByServer: 0 };
let attacking = true;
const httpUrl = new URL(url.href.replace(/^ws/, 'http'));

function slowHttp() { // a POST whose body trickles in, one byte every 5 s
  const socket = net.connect(Number(httpUrl.port), httpUrl.hostname, () => {
    hostile.slowHttpOpen++;
    socket.write('POST ' + (args['slow-path'] || '/events') + ' HTTP/1.1\r\nHost: ' + httpUrl.host
      + '\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 10000\r\n\r\n');
    const trickle = setInterval(() => socket.write('a'), 5000);
    socket.on('close', () => clearInterval(trickle));
  });
  reopenOnClose(socket, 'slowHttp', slowHttp);
}

function idleSocket() { // connects and never says a word
  const socket = net.connect(Number(httpUrl.port), httpUrl.hostname, () => hostile.idleOpen++);
  reopenOnClose(socket, 'idle', idleSocket);
}

function pingSocket() { // a WebSocket that only ever pings
  const socket = new WebSocket(url, CLIENT_OPTIONS);
  let pinger;
  socket.on('open', () => {
    hostile.pingOpen++;
    pinger = setInterval(() => socket.ping(), 5000);
  });
  socket.on('error', () => {});
  socket.on('close', () => {
    clearInterval(pinger);
    if (attacking) {
      hostile.pingClosedByServer++;
      setTimeout(pingSocket, 100);
    }
  });
}

function reopenOnClose(socket, kind, again) {
  socket.on('error', () => {});
  socket.on('data', () => {});
  socket.on('close', () => {
    if (attacking) {
      hostile[kind + 'ClosedByServer']++;
      setTimeout(again, 100);
    }
  });
  socket.setTimeout(0);
}

function spread(count, start) {
  for (let i = 0; i < count; i++) setTimeout(start, (1000 * i) / count); // over the first second
}
spread(int(args['slow-http'], 0), slowHttp);
spread(int(args['idle-sockets'], 0), idleSocket);
spread(int(args['ping-sockets'], 0), pingSocket);

// The answer URL, timed every 250 ms while the calls run.
const answerTimes = [];
let answerFailures = 0;
if (args['answer-url']) {
  const answerUrl = new URL(args['answer-url']);
  const agent = new http.Agent({ keepAlive: false });
  const ask = () => {
    if (performance.now() >= sendUntil) return;
    const started = performance.now();
    const request = http.request(answerUrl, { method: 'POST', agent, timeout: 5000,
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' } }, (response) => {
      response.resume();
      response.on('end', () => {
        if (started >= measureFrom) {
          if (response.statusCode === 200) answerTimes.push(performance.now() - started);
          else answerFailures++;
        }
        setTimeout(ask, 250);
      });
    });
    request.on('timeout', () => request.destroy(new Error('timeout')));
    request.on('error', () => { if (started >= measureFrom) answerFailures++; setTimeout(ask, 250); });
    request.end('CallUUID=load-answer&From=1&To=2&Direction=inbound&CallStatus=in-progress');
  };
  setTimeout(ask, (rampSeconds + skipSeconds) * 1000);
}

// ---- the generator's own cost, and the report ---------------------------------------------------

const loopDelay = monitorEventLoopDelay({ resolution: 5 });
let cpuAtMeasure = null, wallAtMeasure = 0;
setTimeout(() => {
  loopDelay.enable();
  cpuAtMeasure = process.cpuUsage();
  wallAtMeasure = performance.now();
}, measureFrom - t0);

setTimeout(tick, 0);

function finish() {
  const cpu = process.cpuUsage(cpuAtMeasure);
  const wall = performance.now() - wallAtMeasure;
  loopDelay.disable();
  setTimeout(() => { // echoes still in flight get a second to arrive
    attacking = false;
    const rtt = Array.from(latencies.subarray(0, latencyCount)).sort((a, b) => a - b);
    const lags = sendLags.sort((a, b) => a - b);
    const answers = answerTimes.sort((a, b) => a - b);
    const report = {
      calls, connected, refused, closedEarly, framesSent, framesReturned, measuredSeconds: round(wall / 1000),
      measuredSent, measuredReturned, lost: measuredSent - measuredReturned, outOfOrder, unmatched,
      p50: round(pct(rtt, 0.5)), p99: round(pct(rtt, 0.99)), max: round(rtt[rtt.length - 1]),
      generatorCpuPct: round((100 * (cpu.user + cpu.system)) / 1000 / wall),
      generatorUserPct: round((100 * cpu.user) / 1000 / wall),
      sendLagP99: round(pct(lags, 0.99)), sendLagMax: round(lags[lags.length - 1]),
      sendsLate5ms: lags.filter((l) => l > 5).length,
      loopDelayP99: round(loopDelay.percentile(99) / 1e6), loopDelayMax: round(loopDelay.max / 1e6),
      answers: answers.length, answerFailures,
      answerP50: round(pct(answers, 0.5)), answerP99: round(pct(answers, 0.99)), answerMax: round(answers[answers.length - 1]),
      hostile,
    };
    const text = JSON.stringify(report);
    console.log(text);
    if (args.json) fs.writeFileSync(args.json, text + '\n');
    process.exit(0);
  }, 1000);
}

function pct(sorted, p) {
  return sorted.length === 0 ? NaN : sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];
}
function round(x) { return x === undefined || Number.isNaN(x) ? null : Math.round(x * 100) / 100; }
function int(v, d) { return v === undefined ? d : parseInt(v, 10); }
function num(v, d) { return v === undefined ? d : Number(v); }
function parseArgs(argv) {
  const out = { _: [] };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i].startsWith('--')) out[argv[i].slice(2)] = argv[++i];
    else out._.push(argv[i]);
  }
  return out;
}
