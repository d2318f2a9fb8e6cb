/** Field error bodies, worded as apimachinery's `field.Error` prints them. */
import type { FieldError } from '../errors.ts';

/** required is `<path>: Required value[: detail]`. */
export function required(field: string, detail?: string): FieldError {
  return { field, detail: detail ? `Required value: ${detail}` : 'Required value' };
}

/** invalidValue is `<path>: Invalid value: <value>: <detail>`, the value rendered as Go's %#v would. */
export function invalidValue(field: string, value: unknown, detail: string): FieldError {
  return { field, detail: `Invalid value: ${goValue(value)}: ${detail}` };
}

/** unsupported is `<path>: Unsupported value: <value>: supported values: "A", "B"`. */
export function unsupported(field: string, value: unknown, supported: string[]): FieldError {
  return { field, detail: `Unsupported value: ${goValue(value)}: supported values: ${supported.map((s) => `"${s}"`).join(', ')}` };
}

/** duplicate is `<path>: Duplicate value: <value>`. */
export function duplicate(field: string, value: unknown): FieldError {
  return { field, detail: `Duplicate value: ${goValue(value)}` };
}

/** forbiddenField is `<path>: Forbidden: <detail>`. */
export function forbiddenField(field: string, detail: string): FieldError {
  return { field, detail: `Forbidden: ${detail}` };
}

/** goValue renders a value as Kubernetes 1.32 does in field errors: strings quoted, numbers bare, maps as Go literals. */
export function goValue(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `map[string]string{${entries.map(([k, v]) => `${JSON.stringify(k)}:${JSON.stringify(String(v))}`).join(', ')}}`;
  }
  return String(value);
}
