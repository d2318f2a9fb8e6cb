/** Name validation, with apimachinery's exact messages (including their odd double space). */
import type { FieldError } from '../errors.ts';
import { invalidValue } from './field.ts';

const DNS1123_LABEL = '[a-z0-9]([-a-z0-9]*[a-z0-9])?';
const DNS1123_SUBDOMAIN = `${DNS1123_LABEL}(\\.${DNS1123_LABEL})*`;
const DNS1035_LABEL = '[a-z]([-a-z0-9]*[a-z0-9])?';
// Compiled once: every object the API server admits has its name checked.
const SUBDOMAIN_RE = new RegExp(`^${DNS1123_SUBDOMAIN}$`);
const LABEL_RE = new RegExp(`^${DNS1123_LABEL}$`);
const DNS1035_RE = new RegExp(`^${DNS1035_LABEL}$`);

// validation.RegexError joins its examples as "'a', " + " or " + "'b', ", hence the two spaces.
const SUBDOMAIN_MSG = `a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '${DNS1123_SUBDOMAIN}')`;
const LABEL_MSG = `a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '${DNS1123_LABEL}')`;
const DNS1035_MSG = `a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '${DNS1035_LABEL}')`;

/** isDNS1123Subdomain validates object names such as pod and deployment names. */
export function dns1123Subdomain(field: string, value: string): FieldError[] {
  const errs: FieldError[] = [];
  if (value.length > 253) errs.push({ field, detail: `Invalid value: ${JSON.stringify(value)}: must be no more than 253 characters` });
  if (!SUBDOMAIN_RE.test(value)) errs.push(invalidValue(field, value, SUBDOMAIN_MSG));
  return errs;
}

/** dns1123Label validates container names and namespace names. */
export function dns1123Label(field: string, value: string): FieldError[] {
  const errs: FieldError[] = [];
  if (value.length > 63) errs.push({ field, detail: `Invalid value: ${JSON.stringify(value)}: must be no more than 63 characters` });
  if (!LABEL_RE.test(value)) errs.push(invalidValue(field, value, LABEL_MSG));
  return errs;
}

/** dns1035Label validates Service names. */
export function dns1035Label(field: string, value: string): FieldError[] {
  const errs: FieldError[] = [];
  if (value.length > 63) errs.push({ field, detail: `Invalid value: ${JSON.stringify(value)}: must be no more than 63 characters` });
  if (!DNS1035_RE.test(value)) errs.push(invalidValue(field, value, DNS1035_MSG));
  return errs;
}
