import { describe, expect, it } from 'vitest';
import { goJSONError, patchLocally, patchOnServer, patchToJSON } from './patch-body.ts';

const deploy = { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web' }, spec: { replicas: 1, template: { spec: { containers: [{ name: 'nginx', image: 'nginx' }] } } } };

describe('patchToJSON', () => {
  it('passes text starting with { through and reads the rest as YAML', () => {
    expect(patchToJSON('{bad')).toBe('{bad');
    expect(JSON.parse(patchToJSON('spec:\n  replicas: 2\n'))).toEqual({ spec: { replicas: 2 } });
    expect(() => patchToJSON('foo: [bar')).toThrow(`unable to parse "foo: [bar": yaml: line 1: did not find expected ',' or ']'`);
    expect(() => patchToJSON('a: b: c')).toThrow('unable to parse "a: b: c": yaml: mapping values are not allowed in this context');
  });
});

describe('goJSONError', () => {
  it("words syntax errors as encoding/json's Unmarshal", () => {
    expect(goJSONError('{bad')).toBe("invalid character 'b' looking for beginning of object key string");
    expect(goJSONError('{"a":')).toBe('unexpected end of JSON input');
    expect(goJSONError('{"a":1}')).toBeUndefined();
  });
});

describe('patching by type', () => {
  it('merges containers by name for a strategic patch, replaces the list for a merge patch', () => {
    const patch = JSON.stringify({ spec: { template: { spec: { containers: [{ name: 'side', image: 'busybox' }] } } } });
    const names = (o: typeof deploy) => o.spec.template.spec.containers.map((c) => c.name);
    expect(names(patchLocally(deploy, 'Deployment', 'strategic', patch) as typeof deploy)).toEqual(['side', 'nginx']);
    expect(names(patchLocally(deploy, 'Deployment', 'merge', patch) as typeof deploy)).toEqual(['side']);
  });

  // Local (kubectl --local / --dry-run=client) and server wordings for a patch that is not an object.
  it('rejects a patch that is not an object as each side does', () => {
    expect(() => patchLocally(deploy, 'Deployment', 'strategic', '"s"')).toThrow('invalid JSON document');
    expect(() => patchLocally(deploy, 'Deployment', 'merge', '"s"')).toThrow('Invalid JSON Patch');
    expect(() => patchOnServer(deploy, 'Deployment', 'strategic', '"s"')).toThrow('json: cannot unmarshal string into Go value of type map[string]interface {}');
    expect(() => patchOnServer(deploy, 'Deployment', 'strategic', '{bad')).toThrow("invalid character 'b' looking for beginning of object key string");
  });

  it('turns a failed JSON patch test into the server 422', () => {
    expect(() => patchOnServer(deploy, 'Deployment', 'json', '[{"op":"test","path":"/spec/replicas","value":2}]')).toThrow('the server rejected our request due to an error in our request');
  });
});
