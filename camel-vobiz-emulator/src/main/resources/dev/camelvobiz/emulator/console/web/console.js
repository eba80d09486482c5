// The emulator console's page: a softphone (microphone to the emulator, the app's audio played here)
// and a call viewer (timeline, checkpoints, a waveform of both directions), live or from a call record.
// Message formats: see ConsoleSocket.java.
'use strict';

const HEARD = 1;
const SAID = 2;
const BUCKET_MICROS = 10000; // the waveform draws one peak per 10 ms
const LIVE_WINDOW_MICROS = 10000000; // a live call shows its last 10 s
const PIXELS_PER_SECOND = 100;
const PLAYBACK_LEAD_SECONDS = 0.04; // a little lead hides network jitter when playback starts from idle

const $ = (selector) => document.querySelector(selector);

// What tests (and a curious developer, in the browser's console) can read about the call.
const stats = (window.consoleStats = {
  callUuid: null, streamRate: null, heardMessages: 0, heardMillis: 0, heardPeakRms: 0, saidMessages: 0, saidPeakRms: 0,
  micMessages: 0, outputPeakRms: 0, ended: null, errors: [],
});

let socket;
let audio; // AudioContext, created on the first Call click (browsers want a gesture)
let output; // the gain node everything the app plays goes through
let analyser;
let microphone; // { stream, tap }
let playback = { next: 0, sources: [] };
let view = newView(true);

function newView(live) {
  return { live, heard: new Map(), said: new Map(), clockOffset: null, endMicros: 0 };
}

// ---- the socket to the emulator -------------------------------------------------------------------

function connect() {
  socket = new WebSocket(`ws://${location.host}/socket`);
  socket.binaryType = 'arraybuffer';
  socket.onopen = () => setConnection('connected', 'up');
  socket.onclose = () => {
    setConnection('disconnected: reload the page once the emulator is back', 'down');
    $('#call').disabled = true;
    $('#hangup').disabled = true;
  };
  socket.onmessage = (message) =>
    typeof message.data === 'string' ? onEvent(JSON.parse(message.data)) : onAudio(message.data);
}

function setConnection(text, state) {
  const badge = $('#connection');
  badge.textContent = text;
  badge.className = `badge ${state}`;
}

function send(command) {
  socket.send(JSON.stringify(command));
}

function onEvent(event) {
  switch (event.type) {
    case 'hello':
      if (!$('#answer-url').value) $('#answer-url').value = event.answerUrl;
      break;
    case 'calling':
      stats.callUuid = event.callUuid;
      setStatus(`Calling ${event.answerUrl}`);
      break;
    case 'entry':
      addTimelineRow(event.at, event.what, event.detail);
      break;
    case 'stream':
      stats.streamRate = event.sampleRate;
      microphone?.tap.port.postMessage({ targetRate: event.sampleRate });
      setStatus(`Talking: stream ${event.sampleRate / 1000} kHz`);
      break;
    case 'checkpoint':
      showCheckpoint(event.name, event.state);
      break;
    case 'cleared':
      stopPlayback();
      dropHeardAfter(event.atMicros);
      break;
    case 'ended':
      stats.ended = event;
      callEnded(event);
      break;
    case 'error':
      stats.errors.push(event.message);
      addTimelineRow(null, 'console', event.message, 'error');
      break;
  }
}

function onAudio(buffer) {
  const header = new DataView(buffer, 0, 16);
  const kind = header.getUint8(0);
  const rate = header.getUint32(4, true);
  const startMicros = header.getFloat64(8, true);
  const samples = new Int16Array(buffer, 16);
  const rms = rootMeanSquare(samples);
  if (view.clockOffset === null) view.clockOffset = performance.now() * 1000 - startMicros;
  addPeaks(kind === HEARD ? view.heard : view.said, startMicros, samples, rate);
  if (kind === HEARD) {
    stats.heardMessages++;
    stats.heardMillis += (samples.length * 1000) / rate;
    stats.heardPeakRms = Math.max(stats.heardPeakRms, rms);
    $('#heard-level').value = rms;
    play(samples, rate);
  } else {
    stats.saidMessages++;
    stats.saidPeakRms = Math.max(stats.saidPeakRms, rms);
  }
}

function rootMeanSquare(samples) {
  let sum = 0;
  for (const sample of samples) sum += (sample / 32768) ** 2;
  return samples.length ? Math.sqrt(sum / samples.length) : 0;
}

// ---- the softphone ------------------------------------------------------------------------------

async function placeCall() {
  $('#call').disabled = true;
  clearView(true);
  try {
    await startAudio();
  } catch (error) {
    setStatus(`No microphone: ${error.message}`);
    $('#call').disabled = false;
    return;
  }
  $('#hangup').disabled = false;
  send({ type: 'call', answerUrl: $('#answer-url').value });
}

async function startAudio() {
  if (!audio) {
    audio = new AudioContext();
    analyser = audio.createAnalyser();
    analyser.fftSize = 2048;
    output = audio.createGain();
    output.connect(analyser);
    analyser.connect(audio.destination);
    await audio.audioWorklet.addModule('microphone-worklet.js');
  }
  await audio.resume();
  const stream = await navigator.mediaDevices.getUserMedia({
    audio: { echoCancellation: true, noiseSuppression: false, autoGainControl: false },
  });
  const tap = new AudioWorkletNode(audio, 'microphone-tap');
  tap.port.onmessage = (message) => sendMicrophone(message.data.rate, message.data.samples);
  audio.createMediaStreamSource(stream).connect(tap);
  microphone = { stream, tap };
}

function sendMicrophone(rate, samples) {
  if (socket.readyState !== WebSocket.OPEN) return;
  const message = new ArrayBuffer(4 + samples.byteLength);
  new DataView(message).setUint32(0, rate, true);
  new Int16Array(message, 4).set(samples);
  socket.send(message);
  stats.micMessages++;
  $('#mic-level').value = rootMeanSquare(samples);
}

function stopMicrophone() {
  if (!microphone) return;
  microphone.stream.getTracks().forEach((track) => track.stop());
  microphone.tap.disconnect();
  microphone = null;
}

// What the app plays is queued back to back, as Vobiz queues it; clearAudio empties the queue.
function play(samples, rate) {
  if (!audio || samples.length === 0) return;
  const buffer = audio.createBuffer(1, samples.length, rate);
  const channel = buffer.getChannelData(0);
  for (let i = 0; i < samples.length; i++) channel[i] = samples[i] / 32768;
  const source = audio.createBufferSource();
  source.buffer = buffer;
  source.connect(output);
  const idle = playback.next < audio.currentTime;
  const start = idle ? audio.currentTime + PLAYBACK_LEAD_SECONDS : playback.next;
  source.start(start);
  playback.next = start + buffer.duration;
  const queue = playback.sources;
  queue.push(source);
  source.onended = () => queue.splice(queue.indexOf(source), 1); // its own queue: a clear starts a new one
}

function stopPlayback() {
  playback.sources.forEach((source) => source.stop());
  playback = { next: 0, sources: [] };
}

function callEnded(event) {
  stopMicrophone();
  stopPlayback(); // the line is dead: what was still queued is never heard
  view.live = false; // the whole call, to scroll through
  requestAnimationFrame(() => { $('#waveform-scroll').scrollLeft = $('#waveform').width; });
  $('#call').disabled = false;
  $('#hangup').disabled = true;
  setStatus(`Call ended: ${event.cause}${event.causeCode ? ` (${event.causeCode})` : ''}, ${event.source}`);
  if (event.record) {
    const link = $('#download');
    link.href = event.record;
    link.hidden = false;
  }
}

function setStatus(text) {
  $('#status').textContent = text;
}

// ---- the call viewer ----------------------------------------------------------------------------

function clearView(live) {
  view = newView(live);
  $('#timeline tbody').replaceChildren();
  $('#checkpoints').replaceChildren();
  $('#download').hidden = true;
  stats.ended = null;
}

function addTimelineRow(at, what, detail, className) {
  const row = document.createElement('tr');
  row.dataset.what = what;
  if (className) row.className = className;
  for (const text of [at === null ? '' : (at / 1000).toFixed(3), what, detail]) {
    const cell = document.createElement('td');
    cell.textContent = text;
    row.appendChild(cell);
  }
  $('#timeline tbody').appendChild(row);
  const scroll = $('#timeline-scroll');
  scroll.scrollTop = scroll.scrollHeight;
}

function showCheckpoint(name, state) {
  let item = [...$('#checkpoints').children].find((li) => li.dataset.checkpoint === name && li.dataset.state === 'queued');
  if (!item) {
    item = document.createElement('li');
    item.dataset.checkpoint = name;
    $('#checkpoints').appendChild(item);
  }
  item.dataset.state = state;
  item.textContent = `${name}: ${state}`;
}

function addPeaks(peaks, startMicros, samples, rate) {
  const perBucket = Math.max(1, Math.round((rate * BUCKET_MICROS) / 1e6));
  for (let from = 0; from < samples.length; from += perBucket) {
    let peak = 0;
    for (let i = from; i < Math.min(samples.length, from + perBucket); i++) peak = Math.max(peak, Math.abs(samples[i]));
    const bucket = Math.floor((startMicros + (from * 1e6) / rate) / BUCKET_MICROS);
    peaks.set(bucket, Math.max(peaks.get(bucket) || 0, peak / 32768));
  }
  view.endMicros = Math.max(view.endMicros, startMicros + (samples.length * 1e6) / rate);
}

function dropHeardAfter(atMicros) {
  const first = Math.ceil(atMicros / BUCKET_MICROS);
  for (const bucket of [...view.heard.keys()]) if (bucket >= first) view.heard.delete(bucket);
}

function draw() {
  const canvas = $('#waveform');
  const container = $('#waveform-scroll');
  const width = view.live
    ? container.clientWidth
    : Math.max(container.clientWidth, Math.ceil((view.endMicros / 1e6) * PIXELS_PER_SECOND));
  if (canvas.width !== width) canvas.width = width;
  const context = canvas.getContext('2d');
  context.clearRect(0, 0, canvas.width, canvas.height);
  const nowMicros = view.live
    ? (view.clockOffset === null ? 0 : performance.now() * 1000 - view.clockOffset)
    : view.endMicros;
  const fromMicros = view.live ? Math.max(0, nowMicros - LIVE_WINDOW_MICROS) : 0; // grows from 0 s, then scrolls
  const microsPerPixel = view.live ? LIVE_WINDOW_MICROS / width : 1e6 / PIXELS_PER_SECOND;
  const lane = canvas.height / 2;
  drawLane(context, view.said, fromMicros, microsPerPixel, lane / 2, lane, getCss('--said'));
  drawLane(context, view.heard, fromMicros, microsPerPixel, lane + lane / 2, lane, getCss('--heard'));
  context.fillStyle = '#c9ced8';
  context.fillRect(0, lane, width, 1);
  drawSeconds(context, fromMicros, microsPerPixel, width);
  if (audio && analyser) measureOutput();
  requestAnimationFrame(draw);
}

function drawLane(context, peaks, fromMicros, microsPerPixel, middle, height, color) {
  context.fillStyle = color;
  for (let x = 0; x < context.canvas.width; x++) {
    const first = Math.floor((fromMicros + x * microsPerPixel) / BUCKET_MICROS);
    const last = Math.floor((fromMicros + (x + 1) * microsPerPixel) / BUCKET_MICROS);
    let peak = 0;
    for (let bucket = first; bucket <= last; bucket++) peak = Math.max(peak, peaks.get(bucket) || 0);
    if (peak > 0) {
      const half = Math.max(0.5, peak * (height / 2 - 4));
      context.fillRect(x, middle - half, 1, half * 2);
    }
  }
}

function drawSeconds(context, fromMicros, microsPerPixel, width) {
  context.fillStyle = '#8a93a3';
  context.font = '10px system-ui';
  const firstSecond = Math.max(0, Math.ceil(fromMicros / 1e6));
  for (let second = firstSecond; ; second++) {
    const x = (second * 1e6 - fromMicros) / microsPerPixel;
    if (x > width) break;
    context.fillText(`${second}s`, x + 2, 10);
    context.fillRect(x, 0, 1, 4);
  }
}

function measureOutput() {
  const samples = new Float32Array(analyser.fftSize);
  analyser.getFloatTimeDomainData(samples);
  let sum = 0;
  for (const sample of samples) sum += sample * sample;
  stats.outputPeakRms = Math.max(stats.outputPeakRms, Math.sqrt(sum / samples.length));
}

const cssCache = {};
function getCss(name) {
  return (cssCache[name] ??= getComputedStyle(document.documentElement).getPropertyValue(name).trim());
}

// ---- a recorded call ----------------------------------------------------------------------------

function showRecord(record) {
  clearView(false);
  for (const entry of record.timeline) addTimelineRow(entry.at, entry.what, entry.detail);
  for (const entry of record.timeline) {
    if (entry.what === 'checkpoint') showCheckpoint(entry.detail.split(',')[0], 'queued');
  }
  record.checkpointsPlayed.forEach((name) => showCheckpoint(name, 'played'));
  record.checkpointsVoided.forEach((name) => showCheckpoint(name, 'voided'));
  for (const [direction, peaks] of [['said', view.said], ['heard', view.heard]]) {
    const track = record[direction];
    const bytes = Uint8Array.from(atob(track.pcm), (c) => c.charCodeAt(0));
    addPeaks(peaks, 0, new Int16Array(bytes.buffer), track.sampleRate);
  }
  const how = record.hangup ? `${record.hangup.cause}, ${record.hangup.source}` : 'still up when saved';
  setStatus(`Recorded call ${record.callUuid}: ${how}`);
}

// ---- wiring -------------------------------------------------------------------------------------

$('#call').addEventListener('click', placeCall);
$('#hangup').addEventListener('click', () => send({ type: 'hangup' }));
$('#keypad').addEventListener('click', (event) => {
  const key = event.target.dataset?.key;
  if (key) send({ type: 'dtmf', digits: key });
});
$('#load').addEventListener('change', async (event) => {
  const file = event.target.files[0];
  if (!file) return;
  try {
    showRecord(JSON.parse(await file.text()));
  } catch (error) {
    setStatus(`Not a call record: ${error.message}`);
  }
});
connect();
requestAnimationFrame(draw);
