import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';

const RECORD = {
  schema: 2,
  exercises: { '03-pods/01-your-first-pod/run-a-pod': { done: true, score: 10, attempts: 2, hintsUsed: 1, updatedAt: 1 } },
  quizzes: {},
};

test('the progress page shows what was done, exports it, and imports it back in another browser', async ({ page, browser }) => {
  await page.goto('/progress/');
  await page.evaluate((r) => localStorage.setItem('wheelhouse:progress', JSON.stringify(r)), RECORD);
  await page.reload();
  const row = page.locator('[data-exercise-row="03-pods/01-your-first-pod/run-a-pod"]');
  await expect(row.locator('[data-status]')).toHaveText('✓ Done');
  await expect(row.locator('[data-score]')).toHaveText('10 / 10');
  await expect(row.locator('[data-attempts]')).toHaveText('2');
  await expect(page.locator('[data-total]')).toContainText(/^1 of \d+ exercises and quizzes done/);

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export to a file' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^wheelhouse-progress-\d{4}-\d\d-\d\d\.json$/);
  const text = await readFile((await file.path())!, 'utf8');

  // A fresh browser: nothing done until the file comes in.
  const other = await browser.newPage();
  await other.goto('/progress/');
  const otherRow = other.locator('[data-exercise-row="03-pods/01-your-first-pod/run-a-pod"]');
  await expect(otherRow.locator('[data-status]')).toHaveText('Not started');
  const input = other.locator('input[data-import]');
  await input.setInputFiles({ name: 'notes.json', mimeType: 'application/json', buffer: Buffer.from('{"name":"not progress"}') });
  await expect(other.locator('[data-message]')).toHaveText('This file is not a Wheelhouse progress file.');
  await expect(otherRow.locator('[data-status]')).toHaveText('Not started');
  await input.setInputFiles({ name: 'progress.json', mimeType: 'application/json', buffer: Buffer.from(text) });
  await expect(other.locator('[data-message]')).toHaveText('Imported 1 exercise and 0 quizzes.');
  await expect(otherRow.locator('[data-status]')).toHaveText('✓ Done');
  await other.reload();
  await expect(otherRow.locator('[data-status]')).toHaveText('✓ Done');
  await other.close();
});
