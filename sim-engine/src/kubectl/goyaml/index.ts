/**
 * decodeManifestStream is kubectl's YAMLOrJSONDecoder as the resource builder's StreamVisitor
 * drives it: a stream starting with `{` is read as JSON values, anything else as YAML documents
 * split on `---` lines, each converted to JSON by the go-yaml v2 port. Empty documents are skipped.
 */
import { YamlError, yamlToJSONValue } from './decode.ts';
import { splitJSONStream } from './json-stream.ts';

/** Go's unicode.IsSpace, then `{`: how GuessJSONStream tells JSON from YAML. */
const GO_SPACE_THEN_BRACE = /^[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]*\{/;

/** StreamDecodeError is a failure reading the stream; kubectl prints it as `error parsing SOURCE: <message>`. */
export class StreamDecodeError extends Error {}

/** decodeManifestStream yields each non-empty document as JSON data; it throws StreamDecodeError where kubectl stops reading. */
export function* decodeManifestStream(text: string): Generator<unknown, void, undefined> {
  if (GO_SPACE_THEN_BRACE.test(text)) {
    const { values, error } = splitJSONStream(text);
    for (const v of values) if (v.trim() !== 'null') yield JSON.parse(v) as unknown;
    if (error) throw new StreamDecodeError(error);
    return;
  }
  for (const doc of splitYAMLDocuments(text)) {
    if (doc.error) throw new StreamDecodeError(doc.error);
    let value: unknown;
    try {
      value = yamlToJSONValue(doc.text);
    } catch (e) {
      if (e instanceof YamlError) throw new StreamDecodeError(`error converting YAML to JSON: ${e.message}`);
      throw e;
    }
    if (value !== null && value !== undefined) yield value;
  }
}

/** splitYAMLDocuments is apimachinery's YAMLReader: lines (CR LF folded to LF), documents split on `---` lines. */
export function splitYAMLDocuments(text: string): { text: string; error?: string }[] {
  const docs: { text: string; error?: string }[] = [];
  const lines = text.split('\n');
  // A trailing newline does not start another line.
  if (lines[lines.length - 1] === '') lines.pop();
  let buffer = '';
  for (const raw of lines) {
    const line = `${raw.endsWith('\r') ? raw.slice(0, -1) : raw}\n`;
    if (line.startsWith('---')) {
      const trimmed = line.slice(3).trim();
      if (trimmed.length > 0 && trimmed[0] !== '#') {
        docs.push({ text: '', error: `invalid Yaml document separator: ${trimmed}` });
        return docs;
      }
      if (buffer.length !== 0) docs.push({ text: buffer });
      buffer = '';
      continue;
    }
    buffer += line;
  }
  if (buffer.length !== 0) docs.push({ text: buffer });
  return docs;
}
