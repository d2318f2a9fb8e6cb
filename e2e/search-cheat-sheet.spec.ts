import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';

const POD_LESSON = '/03-pods/01-your-first-pod/';

test('searching for words from a lesson finds it, and the result opens the lesson', async ({ page }) => {
  const fetched: string[] = [];
  page.on('request', (r) => fetched.push(r.url()));
  await page.goto('/');
  await page.waitForLoadState('networkidle');
  // Reading costs nothing of Pagefind: it is fetched when search is opened.
  expect(fetched.some((u) => u.includes('/pagefind/'))).toBe(false);

  // Keyboard: "/" opens the dialog with the focus in the search field.
  await page.keyboard.press('/');
  const dialog = page.getByRole('dialog', { name: 'Search the course' });
  await expect(dialog).toBeVisible();
  const field = dialog.getByPlaceholder('Search the lessons');
  await expect(field).toBeFocused();
  await page.keyboard.type('your first pod');

  const result = dialog.locator(`.pagefind-ui__result-title a[href="${POD_LESSON}"]`);
  await expect(result).toBeVisible({ timeout: 15_000 });
  await expect(result).toHaveText('Your first pod');

  // Escape closes the dialog (Pagefind clears the field too); the header button opens it again.
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await page.getByRole('button', { name: 'Search', exact: true }).click();
  await expect(field).toBeFocused();
  await field.fill('your first pod');
  await expect(result).toBeVisible({ timeout: 15_000 });

  await result.click();
  await expect(page).toHaveURL(POD_LESSON);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Your first pod');
});

for (const scheme of ['light', 'dark'] as const) {
  test(`the open search passes axe (${scheme})`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto(POD_LESSON);
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Search the course' });
    await dialog.getByPlaceholder('Search the lessons').fill('pod');
    await expect(dialog.locator('.pagefind-ui__result').first()).toBeVisible({ timeout: 15_000 });
    const results = await new AxeBuilder({ page }).include('dialog[open]').analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  });
}

test('the /search/ page takes ?q=', async ({ page }) => {
  await page.goto('/search/?q=kubelet');
  await expect(page.locator('#search-page-ui .pagefind-ui__result').first()).toBeVisible({ timeout: 15_000 });
});

test('the cheat sheet lists kubectl run, linked to the pods lesson, and prints without the header', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('link', { name: 'Cheat sheet' }).first().click();
  await expect(page).toHaveURL('/cheat-sheet/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Cheat sheet');

  const pods = page.getByRole('region', { name: /Working with pods/ });
  const group = pods.locator('.sheet__group').filter({ has: page.getByRole('heading', { level: 3, name: 'kubectl run', exact: true }) });
  const item = group.getByRole('listitem').filter({ has: page.locator('code').getByText('kubectl run web --image=nginx', { exact: true }) });
  await expect(item).toHaveCount(1);
  await expect(item.getByRole('link')).toHaveAttribute('href', POD_LESSON);
  await expect(item.getByRole('link')).toHaveText('Your first pod');

  const results = await new AxeBuilder({ page }).include('main').analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);

  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('.site-header')).toBeHidden();
  await expect(page.locator('.sheet__groups').first()).toHaveCSS('column-count', '2');
});
