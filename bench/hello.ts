// The ceilings the API is compared with, in a process of its own like the real server:
// - GET /hello: Express answering a small JSON body, the throughput ceiling;
// - GET /floor: the same body from Node's bare http server, no Express: the HTTP round trip
//   itself, the latency floor subtracted from the API's time to get what the server adds.
// Prints its URL on stdout when ready.
import http from 'node:http';
import express from 'express';

const app = express();
app.disable('x-powered-by');
app.get('/hello', (_req, res) => {
  res.json({ hello: 'world' });
});
const body = JSON.stringify({ hello: 'world' });
const server = http.createServer((req, res) => {
  if (req.url === '/floor') {
    res.writeHead(200, {
      'content-type': 'application/json; charset=utf-8',
      'content-length': Buffer.byteLength(body),
    });
    res.end(body);
    return;
  }
  app(req, res);
});
server.listen(0, '127.0.0.1', () => {
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  console.log(`hello ready at http://127.0.0.1:${port}/`);
});
process.once('SIGTERM', () => server.close(() => process.exit(0)));
