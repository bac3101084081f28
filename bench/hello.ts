// The ceiling the API's throughput is compared with: Express answering a small JSON body, in its
// own process like the real server. Prints its URL on stdout when ready.
import express from 'express';

const app = express();
app.disable('x-powered-by');
app.get('/hello', (_req, res) => {
  res.json({ hello: 'world' });
});
const server = app.listen(0, '127.0.0.1', () => {
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  console.log(`hello ready at http://127.0.0.1:${port}/`);
});
process.once('SIGTERM', () => server.close(() => process.exit(0)));
