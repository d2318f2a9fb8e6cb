/** toDiagnostics turns the engine's manifest problems into editor diagnostics with text ranges. */
import type { ManifestDiagnostic } from '@wheelhouse/sim-engine/manifests';
import { fieldRange } from './field-range.ts';

/** EditorDiagnostic is what the editor underlines: a range and kubectl's message. */
export interface EditorDiagnostic {
  from: number;
  to: number;
  severity: 'error' | 'warning';
  message: string;
}

/** toDiagnostics maps each problem to the range of its field (or its parse position). */
export function toDiagnostics(text: string, problems: readonly ManifestDiagnostic[]): EditorDiagnostic[] {
  return problems.map((p) => {
    const range = p.range ? { from: p.range[0], to: p.range[1] } : fieldRange(text, p.span, p.field, p.mark);
    const from = Math.min(range?.from ?? 0, text.length);
    const to = Math.min(Math.max(range?.to ?? from, from), text.length);
    return { from, to, severity: 'error' as const, message: p.message };
  });
}

/** isManifestPath tells whether a file is checked as a manifest (.yaml, .yml, .json). */
export function isManifestPath(path: string): boolean {
  return /\.(ya?ml|json)$/i.test(path);
}
