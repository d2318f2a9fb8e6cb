/**
 * ksim, the transcript runner: runs a shell script against a fresh simulated cluster and
 * prints exactly what the sandbox terminal would show. Waiting commands (`sleep`, deletes
 * that wait) move virtual time instantly, so a transcript runs in milliseconds and the same
 * seed prints the same bytes on every machine.
 *
 *   npm run -s ksim -- [--seed N] [--echo] [--scenario FILE] [SCRIPT]
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { runTranscript, Session } from '../src/index.ts';
import { parseScenario, startSession } from '../src/validate.ts';

const USAGE = 'usage: ksim [--seed N] [--echo] [--scenario FILE] [SCRIPT]\n';

async function main(): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      allowPositionals: true,
      options: { seed: { type: 'string' }, echo: { type: 'boolean' }, scenario: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
    });
  } catch (e) {
    process.stderr.write(`ksim: ${(e as Error).message}\n${USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    process.stdout.write(USAGE);
    return 0;
  }
  const seed = values.seed === undefined ? 1 : Number(values.seed);
  if (!Number.isInteger(seed)) {
    process.stderr.write('ksim: --seed must be an integer\n');
    return 2;
  }
  try {
    const script = readFileSync(positionals[0] ?? 0, 'utf8');
    const session = values.scenario ? startSession(parseScenario(readFileSync(values.scenario, 'utf8'), values.scenario), { seed }) : new Session({ seed });
    const { output, status } = await runTranscript(script, { session, echo: values.echo });
    process.stdout.write(output);
    return status;
  } catch (e) {
    process.stderr.write(`ksim: ${(e as Error).message}\n`);
    return 2;
  }
}

process.exitCode = await main();
