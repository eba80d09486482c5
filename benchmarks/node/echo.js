// The baseline a Node developer would write by hand (docs/BENCHMARKS.md): every media frame is
// parsed, its base64 payload decoded and re-encoded, and one playAudio sent back.
// Usage: node echo.js [port=18091]
const { WebSocketServer } = require('ws');

const port = Number(process.argv[2] || 18091);
const server = new WebSocketServer({ port, path: '/media' });

server.on('connection', (socket) => {
  socket.on('message', (data) => {
    let message;
    try {
      message = JSON.parse(data);
    } catch (e) {
      console.error('bad frame', e.message);
      return;
    }
    if (message.event !== 'media') {
      return;
    }
    const audio = Buffer.from(message.media.payload, 'base64');
    socket.send(JSON.stringify({
      event: 'playAudio',
      media: { contentType: 'audio/x-l16', sampleRate: 8000, payload: audio.toString('base64') },
    }));
  });
});
console.log(`node echo on ws://0.0.0.0:${port}/media`);
