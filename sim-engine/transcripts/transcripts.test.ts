/**
 * The golden-transcript suite: each `*.sh` script here runs through the transcript runner
 * with echo on, and its output must equal the `*.out` file beside it byte for byte.
 * Regenerate after an intended change with `UPDATE_GOLDEN=1 npx vitest run sim-engine/transcripts`
 * and review the diff like code. A script whose first line is `# scenario: FILE` starts from
 * that scenario file (relative to this folder) instead of the default cluster, as
 * `ksim --scenario FILE` would.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runTranscript } from '../src/index.ts';
import { parseScenario, startSession } from '../src/validate.ts';

const dir = import.meta.dirname;
const scripts = readdirSync(dir).filter((f) => f.endsWith('.sh')).sort();

describe('golden transcripts', () => {
  for (const script of scripts) {
    it(script, async () => {
      const text = readFileSync(join(dir, script), 'utf8');
      const scenario = /^# scenario: (\S+)\n/.exec(text)?.[1];
      const session = scenario ? startSession(parseScenario(readFileSync(join(dir, scenario), 'utf8'), scenario), { seed: 1 }) : undefined;
      const { output } = await runTranscript(text, { echo: true, ...(session && { session }) });
      const golden = join(dir, script.replace(/\.sh$/, '.out'));
      if (process.env.UPDATE_GOLDEN || !existsSync(golden)) writeFileSync(golden, output);
      expect(output).toBe(readFileSync(golden, 'utf8'));
    });
  }
});
