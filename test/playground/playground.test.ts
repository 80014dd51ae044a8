/**
 * The playground in a real browser (Debian's Chromium through playwright-core), against the built page: the
 * preview and result of a derivative, steps one by one in two languages, a slider that redraws a plot, check my
 * answer, a URL that reproduces the session, a loss curve that goes down, a syntax error underlined at its
 * column, cancelling a long run, the phone-width layout — and no console errors anywhere. Each state is saved
 * as a PNG in playground/screenshots/.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { DIST, LAUNCH_ARGS, SHOTS, ensureBuilt, findChromium, serve } from './harness.js';

const exe = findChromium();
const title = exe === undefined
  ? 'playground in Chromium — SKIPPED: no Chromium found (install Debian\'s: apt-get install -y chromium, or set CHROMIUM_PATH)'
  : 'playground in Chromium';

describe.skipIf(exe === undefined)(title, () => {
  let ctx: BrowserContext;
  let page: Page;
  let base = '';
  let close: () => Promise<void> = async () => {};
  let profile = '';
  const problems: string[] = [];

  const watch = (p: Page): void => {
    p.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') problems.push(`${m.type()}: ${m.text()}`); });
    p.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  };

  beforeAll(async () => {
    await ensureBuilt();
    mkdirSync(SHOTS, { recursive: true });
    const srv = await serve(DIST);
    base = srv.url;
    close = srv.close;
    profile = mkdtempSync(join(tmpdir(), 'lousa-chromium-'));
    ctx = await chromium.launchPersistentContext(profile, {
      executablePath: exe!, args: LAUNCH_ARGS, headless: true, viewport: { width: 1000, height: 820 },
    });
    page = ctx.pages()[0] ?? await ctx.newPage();
    watch(page);
  }, 120_000);

  afterAll(async () => {
    await ctx?.close();
    await close();
    if (profile !== '') rmSync(profile, { recursive: true, force: true });
  });

  afterEach(() => {
    expect(problems, 'console errors').toEqual([]);
    problems.length = 0;
  });

  const shot = (name: string, p: Page = page): Promise<Buffer> => p.screenshot({ path: join(SHOTS, `${name}.png`) });

  async function fresh(): Promise<void> {
    await page.goto(base);
    await page.waitForSelector('body[data-ready="true"]');
  }

  /** Type a line, press Enter and wait for its card to finish; returns the card's locator. */
  async function run(line: string, timeout = 20_000) {
    const before = await page.locator('.card').count();
    await page.fill('#input', line);
    await page.press('#input', 'Enter');
    const card = page.locator('.card').nth(before);
    await card.and(page.locator('[aria-busy="false"]')).waitFor({ timeout });
    return card;
  }

  it('typing diff(sin(x^2), x) shows the KaTeX preview and the result 2x cos(x^2)', async () => {
    await fresh();
    expect(await page.locator('#output .card').count()).toBe(0);
    await page.click('#input');
    await page.keyboard.type('diff(sin(x^2), x)');
    await page.locator('#preview .katex').waitFor();
    expect(await page.locator('#preview annotation').textContent()).toBe('\\operatorname{diff}\\left(\\sin\\left(x^{2}\\right), x\\right)');
    await page.fill('#input', '1/2x');
    expect(await page.locator('#preview annotation').textContent()).toBe('\\frac{x}{2}');
    const card = await run('diff(sin(x^2), x)');
    expect(await card.getAttribute('class')).toContain('ok');
    const exact = card.locator('.form.exact');
    expect(await exact.getAttribute('data-text')).toBe('2x cos(x^2)');
    expect(await exact.locator('.katex annotation').textContent()).toBe('2 x \\cos\\left(x^{2}\\right)');
    await exact.locator('button[data-copy="text"]').click();
    await expect.poll(() => exact.locator('button[data-copy="text"]').getAttribute('data-copied')).toBe('2x cos(x^2)');
    await shot('1-diff');
  });

  it('shows the steps of a derivative one by one and switches language, remembering it', async () => {
    const card = await run('steps(diff(sin(x^2), x))');
    const body = card.locator('.card-body');
    expect(await body.getAttribute('data-shown')).toBe('1');
    expect(await body.locator('.step-labels li').count()).toBe(1);
    await shot('2-steps-first');
    await body.locator('.next-step').click();
    expect(await body.getAttribute('data-shown')).toBe('2');
    const english = await body.locator('.step-labels').textContent();
    expect(english).toContain('chain rule');
    expect(english).toContain('power rule');
    await page.click('#lang');
    expect(await body.getAttribute('data-lang')).toBe('pt');
    const portuguese = await body.locator('.step-labels').textContent();
    expect(portuguese).toContain('regra da cadeia');
    expect(await body.locator('.next-step').textContent()).toBe('Próximo passo');
    const copyText = body.locator('.step-controls button[data-copy="text"]');
    await copyText.click();
    await expect.poll(() => copyText.getAttribute('data-copied')).toContain('[regra da potência]');
    await shot('3-steps-pt');
    await fresh();
    expect(await page.evaluate(() => localStorage.getItem('lousa.lang'))).toBe('pt');
    await page.click('#lang');
    expect(await page.evaluate(() => localStorage.getItem('lousa.lang'))).toBe('en');
  });

  it('redraws a plot when its parameter slider moves', async () => {
    const card = await run('plot(sin(k x), x, 0, 10)');
    const body = card.locator('.card-body');
    const slider = body.locator('input[type="range"][data-param="k"]');
    expect(await slider.count()).toBe(1);
    const pixels = (): Promise<string> => body.locator('canvas.plot').evaluate((c: HTMLCanvasElement) => c.toDataURL());
    const before = await pixels();
    await shot('4-plot-k1');
    await slider.focus();
    for (let i = 0; i < 3; i++) await page.keyboard.press('PageUp');
    await expect.poll(async () => Number(await slider.inputValue())).toBeGreaterThan(1.5);
    await body.and(page.locator('[data-settled]')).waitFor();
    await expect.poll(pixels).not.toBe(before);
    const moved = await pixels();
    await body.locator('canvas.plot').hover({ position: { x: 300, y: 120 } });
    await expect.poll(() => body.locator('.plot-readout').textContent()).toMatch(/^x = [0-9.]+ {2}· {2}sin\(k x\) = -?[0-9.]+/);
    await body.locator('input[data-show="df"]').check();
    await expect.poll(pixels).not.toBe(moved);
    await shot('5-plot-k-moved-with-derivative');
  });

  it('check my answer accepts 2 x cos(x^2) and rejects x cos(x^2), saying where', async () => {
    await page.fill('#check-f', 'sin(x^2)');
    await page.fill('#check-answer', '2 x cos(x^2)');
    await page.click('#check-run');
    const result = page.locator('#check-result');
    await expect.poll(() => result.getAttribute('data-verdict')).toBe('right');
    await shot('6-check-right');
    await page.fill('#check-answer', 'x cos(x^2)');
    await page.click('#check-run');
    await expect.poll(() => result.getAttribute('data-verdict')).toBe('wrong');
    expect(await result.textContent()).toMatch(/at x = -?[0-9.]+/);
    await shot('7-check-wrong');
    await page.fill('#check-f', 'x cos(x)');
    await page.check('input[name="mode"][value="antiderivative"]');
    await page.fill('#check-answer', 'x sin(x) + cos(x) + 5');
    await page.click('#check-run');
    await expect.poll(() => result.getAttribute('data-verdict')).toBe('right');
  });

  it('keeps the session in the URL, and the URL reproduces it', async () => {
    await page.click('#clear');
    expect(new URL(page.url()).hash).toBe('');
    await run('a := 3');
    await run('f(x) := x^2 + a');
    await run('f(2)');
    const plot = await run('plot(sin(k x), x, 0, 10)');
    await plot.locator('input[data-param="k"]').fill('2.5');
    const url = page.url();
    expect(new URL(url).hash).toContain('i=');
    expect(new URL(url).hash).toContain('p=3%3Ak%3D2.5');
    const other = await ctx.newPage();
    watch(other);
    await other.goto(url);
    await other.waitForSelector('body[data-ready="true"]');
    expect(await other.locator('.card.ok').count()).toBe(4);
    expect(await other.locator('.card').nth(2).locator('.form.exact').getAttribute('data-text')).toBe('7');
    expect(await other.locator('.card').nth(3).locator('input[data-param="k"]').inputValue()).toBe('2.5');
    const pixels = (p: Page): Promise<string> => p.locator('.card').nth(3).locator('canvas.plot').evaluate((c: HTMLCanvasElement) => c.toDataURL());
    await other.locator('.card').nth(3).locator('.card-body[data-settled]').waitFor();
    await plot.locator('.card-body[data-settled]').waitFor();
    expect(await pixels(other)).toBe(await pixels(page));
    expect(other.url()).toBe(url);
    await shot('8-url-restored', other);
    await other.close();
  });

  it('trains a network with a loss curve that goes down and a decision boundary', async () => {
    const card = await run('nntrain(moons, 8, 2000)', 40_000);
    const body = card.locator('.card-body');
    expect(await body.getAttribute('data-done')).toBe('true');
    const first = Number(await body.getAttribute('data-first-loss'));
    const last = Number(await body.getAttribute('data-last-loss'));
    expect(last).toBeLessThan(first / 4);
    expect(Number(await body.getAttribute('data-updates'))).toBeGreaterThanOrEqual(2);
    expect(await body.locator('.loss-chart canvas').count()).toBeGreaterThan(0);
    expect(await body.locator('canvas.boundary').isVisible()).toBe(true);
    expect(await body.locator('.train-stats').textContent()).toMatch(/steps\/s/);
    await shot('9-training');
  });

  it('underlines a syntax error at its column with the message', async () => {
    await page.fill('#input', '');
    await page.click('#input');
    await page.keyboard.type('1 +* 2');
    const bad = page.locator('#mirror .bad');
    await bad.waitFor();
    expect(await bad.getAttribute('data-column')).toBe('4');
    expect(await bad.textContent()).toBe('*');
    expect(await page.locator('#parse-error').textContent()).toContain("unexpected '*'");
    // The mirror lies exactly over the input, and the underlined character is the fourth of a monospaced line.
    const [input, mirror, before, mark] = await Promise.all(['#input', '#mirror', '#mirror .before', '#mirror .bad'].map((s) => page.locator(s).boundingBox()));
    expect(Math.abs(mirror!.x - input!.x)).toBeLessThan(1);
    expect(Math.abs(before!.width - 3 * mark!.width)).toBeLessThan(1);
    await shot('10-syntax-error');
    await page.fill('#input', '');
    await page.keyboard.type('diff(sin(x^2), x');
    expect(await bad.getAttribute('data-column')).toBe('5');
    expect(await bad.textContent()).toBe('(');
  });

  it('cancels a long computation and keeps the session', async () => {
    await run('a := 3');
    const n = await page.locator('.card').count();
    await page.fill('#input', 'nntrain(moons, 64, 200000)');
    await page.press('#input', 'Enter');
    await page.locator('.card').nth(n).locator('.train-stats').waitFor();
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('.card').nth(n).textContent()).toContain('cancelled');
    const card = await run('a + 1');
    expect(await card.locator('.form.exact').getAttribute('data-text')).toBe('4');
  });

  it('is usable at phone width and with the keyboard alone', async () => {
    await page.setViewportSize({ width: 390, height: 800 });
    await fresh();
    await run('steps(diff(x^2 exp(-x), x))');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(391);
    await shot('11-phone');
    await page.setViewportSize({ width: 1000, height: 820 });
    // History: ↑ brings the last line back.
    await page.focus('#input');
    await page.keyboard.press('ArrowUp');
    expect(await page.inputValue('#input')).toBe('steps(diff(x^2 exp(-x), x))');
    // Tab order reaches the input from the top of the page (its first stop, the skip link).
    await page.fill('#input', '');
    await page.locator('a.skip').focus();
    let reached = false;
    for (let i = 0; i < 8 && !reached; i++) {
      await page.keyboard.press('Tab');
      reached = await page.evaluate(() => document.activeElement?.id === 'input');
    }
    expect(reached).toBe(true);
  });
});
