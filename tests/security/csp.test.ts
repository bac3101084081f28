// The client works under the server's content security policy: built, served by createApp, driven
// in headless Chromium through the canvas, search and the Cypher console (CodeMirror), with no
// CSP violation reported by the page or on the console.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, listen, type AppUnderTest } from '../support/app.ts';

const root = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const skip = existsSync(chromiumPath)
  ? null
  : `no Chromium at ${chromiumPath} (apt-get install -y chromium, or set CHROMIUM_PATH)`;
if (skip) console.warn(`CSP browser test skipped: ${skip}`);

describe.skipIf(skip !== null)('content security policy in Chromium', () => {
  let dir: string;
  let h: AppUnderTest;
  let server: Awaited<ReturnType<typeof listen>>;
  let browser: Browser;

  beforeAll(async () => {
    // A build of its own, so the test never races another build of dist/client.
    dir = mkdtempSync(join(tmpdir(), 'kg-csp-'));
    const build = spawnSync(
      process.execPath,
      [join(root, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn', '--outDir', dir, '--emptyOutDir'],
      {
        cwd: root,
        encoding: 'utf8',
      },
    );
    if (build.status !== 0) throw new Error(`vite build failed:\n${build.stdout}\n${build.stderr}`);
    h = await buildApp({ deps: { clientDir: dir } });
    server = await listen(h.app);
    browser = await chromium.launch({ executablePath: chromiumPath, args: ['--no-sandbox'] });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await h?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('renders the graph, searches and runs a Cypher query with no CSP violation', async () => {
    const page = await browser.newPage();
    const violations: string[] = [];
    const errors: string[] = [];
    await page.exposeFunction('reportViolation', (text: string) => violations.push(text));
    await page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (event) => {
        (window as unknown as { reportViolation(t: string): void }).reportViolation(
          `${event.violatedDirective} ${event.blockedURI} ${event.sample}`,
        );
      });
    });
    page.on('console', (message) => {
      if (/Content Security Policy|Refused to/i.test(message.text())) violations.push(message.text());
      if (message.type() === 'error') errors.push(message.text());
    });
    page.on('pageerror', (error) => errors.push(error.message));

    const response = await page.goto(server.url, { waitUntil: 'networkidle' });
    expect(response?.headers()['content-security-policy']).toContain("script-src 'self'");
    // the canvas drew something: Cytoscape's canvases are there
    await page.waitForSelector('canvas', { timeout: 20_000 });
    // CodeMirror mounted (it injects its <style> elements at run time)
    await page.click('#console-toggle');
    await page.waitForSelector('#cypher-editor .cm-editor', { timeout: 20_000 });
    const injectedStyles = await page.evaluate(() => document.querySelectorAll('style').length);
    expect(injectedStyles).toBeGreaterThan(0);
    // styles applied: CodeMirror's own rule gives the editor display:flex
    expect(
      await page.evaluate(() => getComputedStyle(document.querySelector('#cypher-editor .cm-editor')!).display),
    ).toBe('flex');

    await page.fill('#search-input', 'putin');
    await page.waitForSelector('#search-list li', { timeout: 10_000 });

    await page.click('#cypher-editor .cm-content');
    await page.keyboard.press('Control+A');
    await page.keyboard.type('MATCH (c:Country) RETURN c.name AS name');
    await page.click('#cypher-run');
    await page.waitForFunction(
      () => (document.querySelector('#cypher-result')?.textContent ?? '').includes('Russia'),
      null,
      { timeout: 15_000 },
    );

    // the map layout: its chunk (code and outlines) loads from this origin and draws under the graph
    await page.selectOption('#layout-select', 'map');
    await page.waitForSelector('canvas.map-underlay:not([hidden])', { timeout: 20_000 });

    expect(violations, violations.join('\n')).toEqual([]);
    expect(errors, errors.join('\n')).toEqual([]);
    await page.close();
  });

  it('the policy is enforced: an inline script injected into the page is refused and reported', async () => {
    // Proves the listener above would see a violation if the client caused one.
    const page = await browser.newPage();
    await page.goto(server.url);
    const outcome = await page.evaluate(
      () =>
        new Promise<{ ran: boolean; violated: string }>((done) => {
          document.addEventListener('securitypolicyviolation', (event) =>
            done({
              ran: Boolean((window as never as { injected?: boolean }).injected),
              violated: event.violatedDirective,
            }),
          );
          const script = document.createElement('script');
          script.textContent = 'window.injected = true';
          document.body.append(script);
          setTimeout(
            () => done({ ran: Boolean((window as never as { injected?: boolean }).injected), violated: '' }),
            2000,
          );
        }),
    );
    expect(outcome).toEqual({ ran: false, violated: 'script-src-elem' });
    await page.close();
  });
});
