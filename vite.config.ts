// The explorer's front end: root client/, built to dist/client (served by Express in production).
// `npm run dev` proxies /api to the API server (API_PORT, default 3000).
import { defineConfig } from 'vite';
import { fileURLToPath } from 'node:url';
import { contentSecurityPolicy } from './server/api/security.ts';

const apiPort = process.env.API_PORT ?? '3000';

/**
 * The content security policy is the server's header (server/api/security.ts), the one source of
 * truth: the page carries no <meta> copy. Vite's dev and preview servers send the same header, so
 * the client is checked against it in development too.
 */
const csp = Object.entries(contentSecurityPolicy)
  .map(([directive, sources]) => `${directive} ${sources.join(' ')}`)
  .join('; ');
const headers = { 'Content-Security-Policy': csp };

export default defineConfig({
  root: fileURLToPath(new URL('./client', import.meta.url)),
  base: '/',
  build: {
    outDir: fileURLToPath(new URL('./dist/client', import.meta.url)),
    emptyOutDir: true,
    // Maps are written for debugging a build, but not referenced from the bundles; the server
    // does not serve them (server/api/client.ts).
    sourcemap: 'hidden',
    chunkSizeWarningLimit: 2500,
  },
  server: {
    headers,
    port: Number(process.env.VITE_PORT ?? 5173),
    proxy: { '/api': { target: `http://127.0.0.1:${apiPort}`, changeOrigin: true } },
  },
  preview: {
    headers,
    proxy: { '/api': { target: `http://127.0.0.1:${apiPort}`, changeOrigin: true } },
  },
});
