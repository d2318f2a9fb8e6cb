import { describe, expect, it } from 'vitest';
import { parseEnvelope, SAVE_SCHEMA, validateEnvelope } from './envelope.ts';

const good = () => ({
  schema: SAVE_SCHEMA,
  savedAt: 1_760_000_000_000,
  session: { version: 1, cluster: { version: 1 }, shell: { cwd: '/home/learner' }, context: { namespace: 'default' } },
  terminal: { history: ['kubectl get pods'], scrollback: 'learner@wheelhouse:~$ kubectl get pods\nNo resources found' },
  clock: { speed: 0 },
});

describe('validateEnvelope', () => {
  it('accepts a well-formed envelope, with or without the clock', () => {
    expect(validateEnvelope(good())).toEqual({ ok: true, value: good() });
    const { clock: _clock, ...noClock } = good();
    expect(validateEnvelope(noClock).ok).toBe(true);
  });

  it('refuses another schema version and says which', () => {
    expect(validateEnvelope({ ...good(), schema: 2 })).toEqual({ ok: false, reason: 'It was saved in another format (version 2; this page reads version 1).' });
    expect(validateEnvelope({ ...good(), schema: undefined })).toMatchObject({ ok: false, reason: expect.stringContaining('version unknown') });
  });

  it.each([
    ['not an object', [], 'not an object'],
    ['null', null, 'not an object'],
    ['a bad save time', { ...good(), savedAt: 'yesterday' }, 'save time'],
    ['no session', { ...good(), session: undefined }, 'cluster is missing'],
    ['a session without version', { ...good(), session: { ...good().session, version: '1' } }, 'no version'],
    ['a session without cluster', { ...good(), session: { ...good().session, cluster: null } }, 'no cluster state'],
    ['a session without shell', { ...good(), session: { ...good().session, shell: [] } }, 'no shell state'],
    ['no terminal', { ...good(), terminal: 'x' }, 'terminal is missing'],
    ['a history of numbers', { ...good(), terminal: { history: [1], scrollback: '' } }, 'history'],
    ['no scrollback', { ...good(), terminal: { history: [] } }, 'terminal text'],
    ['a negative speed', { ...good(), clock: { speed: -1 } }, 'speed'],
    ['a huge speed', { ...good(), clock: { speed: 1e9 } }, 'speed'],
  ])('refuses %s', (_label, data, reason) => {
    const v = validateEnvelope(data);
    expect(v.ok).toBe(false);
    if (!v.ok) expect(v.reason).toContain(reason);
  });
});

describe('parseEnvelope', () => {
  it('reports corrupt JSON', () => {
    expect(parseEnvelope('{"schema":1,')).toEqual({ ok: false, reason: 'The saved data is not valid JSON.' });
  });

  it('parses and validates', () => {
    expect(parseEnvelope(JSON.stringify(good())).ok).toBe(true);
  });
});
