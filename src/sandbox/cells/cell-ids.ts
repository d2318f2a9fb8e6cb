/** Stable names for a page's cells: the hash of the code, numbered among cells with the same code. */

/** cellIds turns the cells' code hashes, in page order, into ids that survive edits to other cells. */
export function cellIds(hashes: readonly string[]): string[] {
  const seen = new Map<string, number>();
  return hashes.map((h) => {
    const n = seen.get(h) ?? 0;
    seen.set(h, n + 1);
    return n === 0 ? h : `${h}.${n}`;
  });
}

/**
 * resolveSandboxId picks the sandbox a cell runs in: for `sandbox=NAME`, the sandbox with that
 * id or with an id ending in `/NAME`; otherwise the lesson's own (`lessonId`, else the first).
 */
export function resolveSandboxId(named: string | undefined, ids: readonly string[], lessonId?: string): string | undefined {
  if (!named) return lessonId !== undefined && ids.includes(lessonId) ? lessonId : ids[0];
  return ids.find((id) => id === named) ?? ids.find((id) => id.endsWith(`/${named}`));
}
