/**
 * mountSandbox turns a `<wh-sandbox>` placeholder into a live sandbox: an xterm.js terminal
 * running the learner's shell against a simulated cluster whose clock follows wall time.
 */
import { FitAddon } from '@xterm/addon-fit';
import { WebLinksAddon } from '@xterm/addon-web-links';
import { Terminal } from '@xterm/xterm';
import xtermCss from '@xterm/xterm/css/xterm.css?inline';
import { Session } from '@wheelhouse/sim-engine';
import { animationTicker, LiveClock } from './live-clock.ts';
import { ShellRunner } from './shell-runner.ts';
import { TerminalSession } from './terminal/terminal-session.ts';
import { terminalTheme } from './terminal-theme.ts';

const WELCOME = '\x1b[2mA simulated Kubernetes cluster: one control-plane node and three workers. Type \x1b[0;1mhelp\x1b[0;2m to see what you can do.\x1b[0m\r\n';

/** mountSandbox starts the sandbox inside `host` and returns a function that tears it down. */
export function mountSandbox(host: HTMLElement): () => void {
  adoptStyles();
  const mount = host.querySelector<HTMLElement>('[data-terminal]') ?? host;
  mount.replaceChildren();
  const session = new Session({ startTime: Math.floor(Date.now() / 1000) * 1000 });
  const clock = new LiveClock(session.cluster, animationTicker());
  session.useSleep((ms) => clock.sleep(ms));
  clock.start();

  const term = new Terminal({
    cursorBlink: true,
    convertEol: false,
    fontFamily: 'ui-monospace, "Cascadia Mono", "Source Code Pro", Menlo, Consolas, monospace',
    // Small screens get a smaller font so kubectl's tables still fit a line.
    fontSize: mount.clientWidth < 520 ? 12 : 14,
    scrollback: 5000,
    theme: terminalTheme,
  });
  const fit = new FitAddon();
  term.loadAddon(fit);
  term.loadAddon(new WebLinksAddon());
  term.open(mount);
  fit.fit();
  const resize = new ResizeObserver(() => fit.fit());
  resize.observe(mount);
  term.write(WELCOME);

  const runner = new ShellRunner(session);
  const terminalSession = new TerminalSession({ terminal: term, runner, prompt: () => runner.prompt() });
  host.dataset.ready = 'true';
  term.focus();
  return () => {
    resize.disconnect();
    terminalSession.dispose();
    clock.dispose();
    term.dispose();
  };
}

// The terminal's stylesheet travels inside the sandbox bundle, so a page that never shows a
// sandbox never downloads it.
function adoptStyles(): void {
  if (document.getElementById('wh-xterm-css')) return;
  const style = document.createElement('style');
  style.id = 'wh-xterm-css';
  style.textContent = xtermCss;
  document.head.append(style);
}
