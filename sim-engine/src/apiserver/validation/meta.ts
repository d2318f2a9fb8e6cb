/** ObjectMeta validation shared by every kind. */
import type { ObjectMeta } from '../../api/meta.ts';
import type { FieldError } from '../errors.ts';
import { invalidValue, required } from './field.ts';

const LABEL_VALUE = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;
const QUALIFIED_NAME = /^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/;

const NO_LABELS: Record<string, string> = Object.freeze({});

/** validateMeta checks the name with `nameCheck` and the labels' syntax. */
export function validateMeta(meta: ObjectMeta, nameCheck: (field: string, value: string) => FieldError[]): FieldError[] {
  const errs: FieldError[] = [];
  if (!meta.name) errs.push(required('metadata.name', 'name or generateName is required'));
  else errs.push(...nameCheck('metadata.name', meta.name));
  // Every write passes here, most without labels (Events): no entry arrays.
  const labels: Record<string, unknown> = meta.labels ?? NO_LABELS;
  for (const k in labels) {
    const v = labels[k];
    const name = k.includes('/') ? k.slice(k.indexOf('/') + 1) : k;
    if (!QUALIFIED_NAME.test(name) || name.length > 63) {
      errs.push(
        invalidValue(
          'metadata.labels',
          k,
          "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')",
        ),
      );
    }
    if (typeof v !== 'string' || v.length > 63 || !LABEL_VALUE.test(v)) {
      errs.push(
        invalidValue(
          'metadata.labels',
          v,
          "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')",
        ),
      );
    }
  }
  return errs;
}
