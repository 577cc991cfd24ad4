/// <reference lib="dom" />
// Page callbacks run in the browser: they need the DOM types that the Node code does not have.
import { mkdirSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core';
import type { TestService } from './test-app';

/** Debian's Chromium (/usr/bin/chromium; scripts/install-system-packages.sh installs it), never a browser playwright downloads. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
}

export interface ServedApp {
  baseUrl: string;
  close(): Promise<void>;
}

/** The test service's app on an ephemeral local port, for a real browser to talk to. */
export async function serve(service: TestService): Promise<ServedApp> {
  const server: Server = await new Promise((resolve) => {
    const listening = service.app.listen(0, '127.0.0.1', () => resolve(listening));
  });
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

/** A fresh browser context that records the URL of every request any of its pages makes. */
export async function recordingContext(
  browser: Browser,
  options: BrowserContextOptions,
): Promise<{ context: BrowserContext; page: Page; requested: string[] }> {
  const context = await browser.newContext(options);
  const requested: string[] = [];
  context.on('request', (request) => requested.push(request.url()));
  const page = await context.newPage();
  return { context, page, requested };
}

/**
 * The check page as a browser without its script meets it (one that blocks it, or lacks what it
 * needs): the form posts to the server's check. Unlike javaScriptEnabled: false, the tests can
 * still run code in the page (axe, focus checks).
 */
export async function withoutPageScript(context: BrowserContext): Promise<void> {
  await context.route('**/assets/private-check-*.js', (route) => route.abort('blockedbyclient'));
}

/** Every origin other than the app's that the browser contacted; expected to be empty. */
export function foreignOrigins(requested: string[], baseUrl: string): string[] {
  return [...new Set(requested.map((url) => new URL(url).origin))].filter((origin) => origin !== baseUrl);
}

export const WCAG_22_AA_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** axe-core's WCAG 2.2 AA violations, as rule id and offending selectors, so a failure reads plainly. */
export async function accessibilityViolations(page: Page): Promise<{ rule: string; targets: string[] }[]> {
  const results = await new AxeBuilder({ page }).withTags(WCAG_22_AA_TAGS).analyze();
  return results.violations.map((violation) => ({
    rule: violation.id,
    targets: violation.nodes.map((node) => node.target.join(' ')),
  }));
}

const ARTIFACTS = path.resolve(__dirname, '..', 'artifacts');

/** A full-page screenshot under test/artifacts/ (git-ignored), for people to look at. */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(ARTIFACTS, { recursive: true });
  const file = path.join(ARTIFACTS, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

/** True when the page is wider than the viewport, i.e. the reader must scroll sideways. */
export function scrollsSideways(page: Page): Promise<boolean> {
  return page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
}
