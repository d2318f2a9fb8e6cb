/**
 * One `kubectl patch` body applied to one object, by patch type, either as kubectl does it
 * locally (--local, --dry-run=client: plain errors) or as the API server does for a PATCH
 * request (errors are BadRequest Statuses), with the messages each side prints.
 */
import { badRequest, StatusError } from '../../apiserver/errors.ts';
import { splitJSONStream } from '../goyaml/json-stream.ts';
import { yamlToJSONValue, YamlError } from '../goyaml/decode.ts';
import { KubectlError } from '../errors.ts';
import { goQuote } from '../printers/go-fmt.ts';
import { applyJsonPatch, decodeJsonPatch, JsonPatchError } from './json-patch.ts';
import { applyMergePatch } from './merge-patch.ts';
import { cursorForKind, isMap, PatchError, type JSONMap } from './patch-meta.ts';
import { applyStrategicPatch } from './strategic-merge.ts';

/** PatchType is `--type`. */
export type PatchType = 'strategic' | 'merge' | 'json';

/** PATCH_TYPES are the values `--type` accepts, as kubectl lists them. */
export const PATCH_TYPES: readonly PatchType[] = ['json', 'merge', 'strategic'];

/** patchToJSON is apimachinery's yaml.ToJSON: text starting with `{` passes as JSON untouched, anything else is read as YAML. */
export function patchToJSON(text: string): string {
  if (text.trimStart().startsWith('{')) return text;
  try {
    return JSON.stringify(yamlToJSONValue(text));
  } catch (e) {
    if (e instanceof YamlError) throw new KubectlError(`unable to parse ${goQuote(text)}: ${e.message}`);
    throw e;
  }
}

/** goJSONError is encoding/json's Unmarshal syntax error for `text`, or undefined when it is valid JSON. */
export function goJSONError(text: string): string | undefined {
  const { values, error } = splitJSONStream(text);
  if (error === 'unexpected EOF' || (!error && values.length === 0)) return 'unexpected end of JSON input';
  if (error) return error.replace(/^json: offset \d+: /, '');
  return values.length > 1 ? `invalid character '${values[1]!.trimStart()[0]!}' after top-level value` : undefined;
}

function goJSONType(v: unknown): string {
  if (Array.isArray(v)) return 'array';
  return isMap(v) ? 'object' : typeof v === 'boolean' ? 'bool' : typeof v;
}

/** patchLocally is kubectl's getPatchedJSON: the patch applied on the client, failing with the libraries' plain errors. */
export function patchLocally(obj: JSONMap, kind: string, type: PatchType, json: string): JSONMap {
  try {
    if (type === 'json') return applyJsonPatch(obj, decodeJsonPatch(json, goJSONError(json)));
    const value: unknown = goJSONError(json) === undefined ? JSON.parse(json) : undefined;
    if (type === 'merge') {
      if (!isMap(value)) throw new KubectlError('Invalid JSON Patch');
      return applyMergePatch(obj, value);
    }
    if (!isMap(value)) throw new KubectlError('invalid JSON document');
    return applyStrategicPatch(obj, value, cursorForKind(kind));
  } catch (e) {
    if (e instanceof JsonPatchError || e instanceof PatchError) throw new KubectlError(e.message);
    throw e;
  }
}

/** patchOnServer is the API server's PATCH handler up to decoding: the patched JSON, or a BadRequest. */
export function patchOnServer(obj: JSONMap, kind: string, type: PatchType, json: string): JSONMap {
  const syntax = goJSONError(json);
  try {
    if (type === 'json') return applyJsonPatch(obj, decodeJsonPatch(json, syntax));
    const value: unknown = syntax === undefined ? JSON.parse(json) : undefined;
    if (type === 'merge') {
      if (!isMap(value)) throw badRequest('Invalid JSON Patch');
      return applyMergePatch(obj, value);
    }
    if (syntax !== undefined) throw badRequest(syntax);
    if (!isMap(value)) throw badRequest(`json: cannot unmarshal ${goJSONType(value)} into Go value of type map[string]interface {}`);
    return applyStrategicPatch(obj, value, cursorForKind(kind));
  } catch (e) {
    if (e instanceof JsonPatchError && e.testFailed) throw new StatusError('Invalid', 422, 'the server rejected our request due to an error in our request');
    if (e instanceof JsonPatchError || e instanceof PatchError) throw badRequest(e.message);
    throw e;
  }
}
