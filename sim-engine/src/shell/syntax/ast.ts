/** The parsed form of a command line, close to bash's grammar for the subset the sandbox runs. */

/** WordPart is one piece of a word before expansion; `quoted` pieces are not split or globbed. */
export type WordPart =
  | { type: 'text'; text: string; quoted: boolean }
  | { type: 'param'; name: string; op?: ParamOp; arg?: WordPart[]; quoted: boolean }
  | { type: 'command'; script: Script; quoted: boolean }
  | { type: 'procsub'; source: string }
  | { type: 'arith'; parts: WordPart[]; raw: string; quoted: boolean }
  | { type: 'unsupported'; message: string };

/** ParamOp is a `${NAME<op>word}` operator; `#` is `${#NAME}`, the length. */
export type ParamOp = ':-' | '-' | ':=' | '=' | ':+' | '+' | '#';

/** Word is a shell word: its pieces, and its source text for messages. */
export interface Word {
  parts: WordPart[];
  raw: string;
}

/** RedirectOp is a redirection operator; `>&` and `<&` duplicate descriptors, `&>` sends stdout and stderr. */
export type RedirectOp = '<' | '>' | '>>' | '>&' | '<&' | '&>' | '&>>' | '<<' | '<<<';

/** Heredoc is a here-document; the parser fills `body` once it reaches the lines after the command. */
export interface Heredoc {
  delimiter: string;
  /** quoted is true when any part of the delimiter was quoted: then the body is not expanded. */
  quoted: boolean;
  stripTabs: boolean;
  body: WordPart[];
}

/** Redirect is one redirection of a command, applied left to right. */
export interface Redirect {
  fd: number;
  op: RedirectOp;
  target: Word;
  heredoc?: Heredoc;
}

/** Assignment is a `NAME=value` word before the command name. */
export interface Assignment {
  name: string;
  value: Word;
}

/** SimpleCommand is assignments, words and redirections. */
export interface SimpleCommand {
  type: 'simple';
  assignments: Assignment[];
  words: Word[];
  redirects: Redirect[];
}

/** Subshell is `( list )`: it runs with a copy of the shell's variables and directory. */
export interface Subshell {
  type: 'subshell';
  body: Script;
  redirects: Redirect[];
}

/** Group is `{ list; }`: it runs in the current shell. */
export interface Group {
  type: 'group';
  body: Script;
  redirects: Redirect[];
}

/** If is `if list; then list; [elif list; then list;]... [else list;] fi`. */
export interface If {
  type: 'if';
  branches: { test: Script; body: Script }[];
  otherwise?: Script;
  redirects: Redirect[];
}

/** For is `for NAME [in WORDS]; do list; done`; without `in` it walks the positional parameters, which the sandbox never has. */
export interface For {
  type: 'for';
  name: string;
  words: Word[];
  body: Script;
  redirects: Redirect[];
}

/** ArithFor is `for ((init; test; step)); do list; done`; an empty test counts as true. */
export interface ArithFor {
  type: 'arith-for';
  init: ArithExpr;
  test: ArithExpr;
  step: ArithExpr;
  body: Script;
  redirects: Redirect[];
}

/** While is `while list; do list; done`, or `until` when `until` is true. */
export interface While {
  type: 'while';
  until: boolean;
  test: Script;
  body: Script;
  redirects: Redirect[];
}

/** ArithExpr is the text of an arithmetic expression before expansion, as read from `(( ))` or `$(( ))`. */
export interface ArithExpr {
  parts: WordPart[];
  raw: string;
}

/** Arith is the `(( expression ))` command: status 0 when the value is non-zero. */
export interface Arith {
  type: 'arith';
  expr: ArithExpr;
  redirects: Redirect[];
}

/** Compound is a command built from lists: the ones with bodies, plus `(( ))`. */
export type Compound = Group | If | For | ArithFor | While | Arith;

/** Command is what a pipeline stage runs. */
export type Command = SimpleCommand | Subshell | Compound;

/** Pipeline is commands joined by `|`, optionally negated with `!`. */
export interface Pipeline {
  commands: Command[];
  negate: boolean;
}

/** AndOr is pipelines joined by `&&` and `||`; `background` marks a trailing `&`. */
export interface AndOr {
  first: Pipeline;
  rest: { op: '&&' | '||'; pipeline: Pipeline }[];
  background: boolean;
}

/** Script is a list of and-or lists run one after another. */
export type Script = AndOr[];
