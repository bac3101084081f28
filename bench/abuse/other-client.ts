// The other client of the abuse cases, in a process of its own (so its latencies are the server's,
// not those of the process sending the abuse): asks /api/health and /api/search in turn from its
// own address until its input closes; prints `ready` once it is asking, and at the end its slowest
// answers and any 5xx as one JSON line.
// Usage: tsx bench/abuse/other-client.ts <base URL> <client address>
const [base, address] = process.argv.slice(2) as [string, string];
const headers = { 'x-forwarded-for': address };
const worst = { health: 0, search: 0 };
const errors: Record<string, number> = {};
let running = true;
let ready = false;
process.stdin.on('end', () => (running = false));
process.stdin.resume();

while (running) {
  for (const [kind, path] of [
    ['health', 'api/health'],
    ['search', 'api/search?q=putin'],
  ] as const) {
    const started = performance.now();
    const res = await fetch(new URL(path, base), { headers });
    await res.arrayBuffer();
    worst[kind] = Math.max(worst[kind], performance.now() - started);
    if (res.status >= 500) errors[`${kind} ${res.status}`] = (errors[`${kind} ${res.status}`] ?? 0) + 1;
  }
  // The first round answered: the abuse may start.
  if (!ready) console.log('ready');
  ready = true;
  await new Promise((done) => setTimeout(done, 50));
}
console.log(JSON.stringify({ worst, errors }));
