/**
 * Progress migrations: each step lifts saved progress from one schema version to the next, so
 * a learner's record survives every change of its shape. parseProgress runs them before it
 * validates; a version newer than this page knows is refused, never guessed at.
 */

/** MIGRATIONS[n] turns schema n into schema n + 1. */
export const MIGRATIONS: Readonly<Record<number, (raw: Record<string, unknown>) => Record<string, unknown>>> = {
  // 1 → 2: entries gain `updatedAt` (ms since the epoch) for "last worked on"; old entries have none.
  // Quiz entries stop storing their score, which is counted from the answers.
  1: (raw) => {
    const quizzes: Record<string, unknown> = {};
    if (isRecord(raw.quizzes)) {
      for (const [id, q] of Object.entries(raw.quizzes)) {
        if (!isRecord(q)) {
          quizzes[id] = q;
          continue;
        }
        const { score: _score, ...rest } = q;
        quizzes[id] = rest;
      }
    }
    return { ...raw, schema: 2, quizzes };
  },
};

/** migrateProgress lifts `raw` (schema `from`) to `to`, or says why it cannot. */
export function migrateProgress(raw: Record<string, unknown>, to: number): { ok: true; value: Record<string, unknown> } | { ok: false; reason: string } {
  const from = raw.schema;
  if (typeof from !== 'number' || !Number.isInteger(from) || from < 1) return { ok: false, reason: `has no valid schema version (${JSON.stringify(from)})` };
  if (from > to) return { ok: false, reason: `was saved by a newer version of Wheelhouse (schema ${from}; this page reads up to ${to})` };
  let value = raw;
  for (let v = from; v < to; v++) {
    const step = MIGRATIONS[v];
    if (!step) return { ok: false, reason: `has schema ${v}, which cannot be upgraded` };
    value = step(value);
  }
  return { ok: true, value };
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
