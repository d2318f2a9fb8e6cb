/**
 * The golden-transcript suite: each `*.sh` script here runs through the transcript runner
 * with echo on, and its output must equal the `*.out` file beside it byte for byte.
 * Regenerate after an intended change with `UPDATE_GOLDEN=1 npx vitest run sim-engine/transcripts`
 * and review the diff like code.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runTranscript } from '../src/index.ts';

const dir = import.meta.dirname;
const scripts = readdirSync(dir).filter((f) => f.endsWith('.sh')).sort();

describe('golden transcripts', () => {
  for (const script of scripts) {
    it(script, async () => {
      const { output } = await runTranscript(readFileSync(join(dir, script), 'utf8'), { echo: true });
      const golden = join(dir, script.replace(/\.sh$/, '.out'));
      if (process.env.UPDATE_GOLDEN || !existsSync(golden)) writeFileSync(golden, output);
      expect(output).toBe(readFileSync(golden, 'utf8'));
    });
  }
});
