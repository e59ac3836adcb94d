import { confirm, editor, input, select } from '@inquirer/prompts';
import { cancelled } from '../core/errors.js';
import type { Io } from './io.js';
import { readPaste } from '../commands/init/read-paste.js';

/**
 * The prompts the wizard asks, as an interface (the loop is tested with injected prompt
 * functions). The default implementation wraps @inquirer/prompts 8.7 on the command's Io streams.
 * Every prompt that validates re-asks with the reason shown: inquirer keeps the prompt open while
 * `validate` returns a message.
 */
export interface Choice<T extends string> {
  name: string;
  value: T;
  description?: string;
}

export interface Prompter {
  input(q: { message: string; default?: string; validate?: (v: string) => true | string }): Promise<string>;
  confirm(q: { message: string; default?: boolean }): Promise<boolean>;
  select<T extends string>(q: { message: string; choices: Choice<T>[]; default?: T }): Promise<T>;
  /** $VISUAL / $EDITOR with the text to edit (inquirer's editor prompt). */
  editor(q: { message: string; default?: string }): Promise<string>;
  /** Multi-line paste in the terminal, ending at the line that closes `closing`. */
  paste(q: { message: string; closing: RegExp }): Promise<string>;
}

/**
 * Ctrl-C inside an inquirer prompt rejects with ExitPromptError (matched by name: @inquirer/core
 * is not a direct dependency). The wizard turns it into "cancelled, nothing written" (exit 130).
 */
export function isPromptExit(e: unknown): boolean {
  return e instanceof Error && (e.name === 'ExitPromptError' || e.name === 'AbortPromptError');
}

async function guard<T>(p: Promise<T>): Promise<T> {
  try {
    return await p;
  } catch (e) {
    if (isPromptExit(e)) throw cancelled();
    throw e;
  }
}

/** Every prompt of `fns` with Ctrl-C mapped to the wizard's cancel (tests inject `fns`). */
export function guardPrompter(fns: Prompter): Prompter {
  return {
    input: (q) => guard(fns.input(q)),
    confirm: (q) => guard(fns.confirm(q)),
    select: (q) => guard(fns.select(q)),
    editor: (q) => guard(fns.editor(q)),
    paste: (q) => guard(fns.paste(q)),
  };
}

export function inquirerPrompter(io: Io, output: NodeJS.WritableStream, opts: { maxBytes?: number } = {}): Prompter {
  const context = { input: io.stdin, output };
  return guardPrompter({
    input: (q) =>
      input(
        { message: q.message, ...(q.default !== undefined ? { default: q.default } : {}), ...(q.validate ? { validate: q.validate } : {}) },
        context,
      ),
    confirm: (q) => confirm({ message: q.message, default: q.default ?? true }, context),
    select: <T extends string>(q: { message: string; choices: Choice<T>[]; default?: T }) =>
      select<T>({ message: q.message, choices: q.choices, ...(q.default !== undefined ? { default: q.default } : {}) }, context),
    editor: (q) => editor({ message: q.message, ...(q.default !== undefined ? { default: q.default } : {}), postfix: '.xml' }, context),
    paste: (q) => readPaste(io.stdin, output, q.message, q.closing, opts.maxBytes),
  });
}
