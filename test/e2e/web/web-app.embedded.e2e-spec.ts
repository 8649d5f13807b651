import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { EmbeddedProcess, REPOSITORY_ROOT } from '../../../apps/embedded/src/client/embedded-process';
import { GraphqlClient } from '../../../apps/embedded/src/client/graphql-client';
import { launchChromium } from './support/chromium';
import { horizontalOverflow, seriousAccessibilityViolations, tabTo } from './support/page-checks';
import { seedLaunches, type SeededLaunch } from './support/seed';

const SCREENSHOTS = join(REPOSITORY_ROOT, 'docs', 'screenshots');

// The web app in Debian's Chromium against a real `npm start`: the launch manager's board follows a
// team lead's work live, without a reload.
describe('the web app, embedded mode', () => {
  let stack: EmbeddedProcess;
  let dataDir: string;
  let browser: Browser;
  let seeded: SeededLaunch;
  let adminToken: string;
  const contexts: BrowserContext[] = [];

  const newPage = async (width = 1100): Promise<Page> => {
    const context = await browser.newContext({ viewport: { width, height: 900 } });
    contexts.push(context);
    return context.newPage();
  };
  const signIn = async (page: Page, path: string, token: string): Promise<void> => {
    await page.goto(`${stack.baseUrl}${path}`);
    await page.getByLabel('API token').fill(token);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('button', { name: 'Sign out' }).waitFor();
  };

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'tminus-web-'));
    stack = await EmbeddedProcess.start({ dataDir, readyTimeoutMs: 120_000, env: { LOG_LEVEL: 'warn' } });
    adminToken = await stack.adminToken();
    seeded = await seedLaunches(stack.baseUrl, adminToken);
    browser = await launchChromium();
    await mkdir(SCREENSHOTS, { recursive: true });
  });

  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
    await stack?.kill('SIGTERM');
    await rm(dataDir, { recursive: true, force: true });
  });

  let board: Page;

  it('turns away a wrong or revoked token in words, then signs in and lists the launches', async () => {
    board = await newPage();
    await board.goto(stack.baseUrl);
    for (const token of ['tm_not_a_token', seeded.revokedToken]) {
      await board.getByLabel('API token').fill(token);
      await board.getByRole('button', { name: 'Sign in' }).click();
      await board.getByRole('alert').filter({ hasText: 'not valid' }).waitFor();
    }
    await board.getByLabel('API token').fill(adminToken);
    await board.getByRole('button', { name: 'Sign in' }).click();
    await board.getByRole('link', { name: 'Search revamp' }).waitFor();
    expect(await board.getByRole('listitem').filter({ hasText: 'checkout-v2' }).textContent()).toMatch(
      /50% not ready/,
    );

    await board.getByLabel('Search').fill('checkout');
    await board.getByRole('link', { name: 'Search revamp' }).waitFor({ state: 'detached' });
    expect(await seriousAccessibilityViolations(board)).toEqual([]);
    await board.screenshot({ path: join(SCREENSHOTS, 'launch-list.png'), fullPage: true });
  });

  it('opens the board: readiness, blockers, teams, forecast and the burn-up the API returns', async () => {
    const started = Date.now();
    await board.getByRole('link', { name: 'Checkout v2' }).click();
    await board.getByTestId('readiness').filter({ hasText: '50%' }).waitFor();
    const inApp = Date.now() - started;
    const loading = Date.now();
    await board.reload();
    await board.getByTestId('readiness').filter({ hasText: '50%' }).waitFor();
    console.log(
      `to a rendered board: ${inApp} ms from the list, ${Date.now() - loading} ms loading the page`,
    );
    const blockers = board.getByRole('list', { name: 'Blockers' });
    expect(await blockers.textContent()).toMatch(/open required item · team qa · item Load test at 2x peak/);
    expect(await board.getByTestId('forecast').textContent()).toMatch(/Forecast: (on track|slips \d+ days?)/);

    const api = new GraphqlClient({ url: stack.graphqlUrl, token: adminToken });
    const { launch } = await api.request<{
      launch: { burnup: { at: string; required: number; done: number; waived: number }[] };
    }>('query($key: String!) { launch(key: $key) { burnup { at required done waived } } }', {
      key: seeded.launchKey,
    });
    const rows = await board.locator('table.burnup-data tbody tr').evaluateAll((trs) =>
      trs.map((tr) => ({
        at: tr.getAttribute('data-at'),
        counts: [...tr.querySelectorAll('td')].slice(1).map((td) => Number(td.textContent)),
      })),
    );
    // The last point is "now", so its time differs between two requests; every count must match.
    expect(rows.map(({ counts }) => counts)).toEqual(
      launch.burnup.map((p) => [p.required, p.done, p.waived]),
    );
    expect(rows.slice(0, -1).map(({ at }) => at)).toEqual(launch.burnup.slice(0, -1).map(({ at }) => at));
    expect(rows.at(-1)?.counts).toEqual([2, 1, 0]);
    expect(await board.locator('.chart canvas').count()).toBeGreaterThan(0);
    expect(await seriousAccessibilityViolations(board)).toEqual([]);
    await board.screenshot({ path: join(SCREENSHOTS, 'launch-board.png'), fullPage: true });
  });

  it('shows 100% on the board, without a reload, once the QA lead ticks the last item and signs off by keyboard', async () => {
    const checklist = await newPage();
    await signIn(checklist, `/launches/${seeded.launchKey}/teams/${seeded.qaTeamKey}`, seeded.qaLeadToken);
    const loadTest = checklist.getByRole('checkbox', { name: 'Load test at 2x peak' });
    await loadTest.waitFor();
    expect(await seriousAccessibilityViolations(checklist)).toEqual([]);

    await tabTo(checklist, loadTest);
    await checklist.keyboard.press('Space');
    expect(await loadTest.isChecked()).toBe(true);
    await checklist.getByText('required · done').nth(1).waitFor();
    const signOff = checklist.getByRole('button', { name: 'Sign off' });
    await tabTo(checklist, signOff);
    await checklist.keyboard.press('Enter');
    await checklist.getByText('signed off by lee').waitFor();
    await checklist.screenshot({ path: join(SCREENSHOTS, 'team-checklist.png'), fullPage: true });

    await board.getByTestId('readiness').filter({ hasText: '100% ready' }).waitFor();
    await board.getByText('No blockers.').waitFor();
    expect(await board.getByTestId('forecast').textContent()).toMatch(/on track/);
  });

  it('tells a member of another team in words that the checklist is not theirs, and keeps the item as it is', async () => {
    const outsider = await newPage();
    await signIn(outsider, `/launches/${seeded.launchKey}/teams/${seeded.qaTeamKey}`, seeded.otherTeamToken);
    const loadTest = outsider.getByRole('checkbox', { name: 'Load test at 2x peak' });
    await loadTest.click();
    await outsider
      .getByRole('alert')
      .filter({ hasText: 'Could not untick “Load test at 2x peak”' })
      .waitFor();
    expect(await outsider.getByRole('alert').textContent()).toMatch(/Refused: .+/);
    // The guess is undone: the box shows what the server has, still ticked.
    await outsider.waitForFunction(
      (box) => (box as unknown as { checked: boolean }).checked,
      await loadTest.elementHandle(),
    );
  });

  it('has no horizontal scrolling at 375 px on any page', async () => {
    const narrow = await newPage(375);
    await signIn(narrow, '/', adminToken);
    await narrow.getByRole('link', { name: 'Checkout v2' }).waitFor();
    expect(await horizontalOverflow(narrow)).toBe(0);
    await narrow.getByRole('link', { name: 'Checkout v2' }).click();
    await narrow.getByTestId('readiness').waitFor();
    expect(await horizontalOverflow(narrow)).toBe(0);
    await narrow.goto(`${stack.baseUrl}/launches/${seeded.launchKey}/teams/${seeded.qaTeamKey}`);
    await narrow.getByRole('checkbox', { name: 'Load test at 2x peak' }).waitFor();
    expect(await horizontalOverflow(narrow)).toBe(0);
  });

  it('reconnects by itself when the WebSocket drops (server restarted), and catches up', async () => {
    const page = await newPage();
    await signIn(page, `/launches/${seeded.launchKey}`, adminToken);
    await page.getByTestId('readiness').filter({ hasText: '100% ready' }).waitFor();

    await stack.kill('SIGTERM');
    stack = await EmbeddedProcess.start({
      dataDir,
      port: stack.port,
      readyTimeoutMs: 120_000,
      env: { LOG_LEVEL: 'warn' },
    });
    const api = new GraphqlClient({ url: stack.graphqlUrl, token: adminToken });
    const { launch } = await api.request<{
      launch: { teams: { checklist: { items: { id: string; title: string }[] } }[] };
    }>('query($key: String!) { launch(key: $key) { teams { checklist { items { id title } } } } }', {
      key: seeded.launchKey,
    });
    const smoke = launch.teams[0].checklist.items.find(({ title }) => title === 'Smoke tests pass');
    await api.request('mutation($i: ItemRefInput!) { untickItem(input: $i) { id } }', {
      i: { itemId: smoke?.id },
    });

    await page
      .getByTestId('readiness')
      .filter({ hasText: '50% not ready' })
      .waitFor()
      .catch(async (error: Error) => {
        throw new Error(
          `${error.message}\n--- the page shows ---\n${await page.locator('main').innerText()}`,
        );
      });
  });
});
