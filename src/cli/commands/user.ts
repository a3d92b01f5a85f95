/**
 * `parley user add|list|remove`: the workbench's accounts (src/store/users.ts, docs/security.md).
 * `add` prints the user's API token once (sent as `Authorization: Bearer`); with a password
 * (`--password-stdin`, or typed at a terminal with `--password`) the user can also sign in to
 * the dashboard.
 */
import { Option, type Command } from 'commander';
import { InvalidUserError, ROLES } from '../../store/users.ts';
import { CliError } from '../errors.ts';
import { withStore } from '../with-store.ts';
import { dbOption } from './serve.ts';

/** All of stdin, without its final line break. */
async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8').replace(/\r?\n$/, '');
}

/** A password typed at the terminal, not echoed. */
async function promptPassword(prompt: string): Promise<string> {
  if (!process.stdin.isTTY) throw new CliError('error: --password needs a terminal; pipe the password with --password-stdin instead', 2);
  process.stderr.write(prompt);
  process.stdin.setRawMode(true);
  process.stdin.resume();
  return new Promise((resolve, reject) => {
    let typed = '';
    const onData = (buf: Buffer) => {
      for (const ch of buf.toString('utf8')) {
        if (ch === '\r' || ch === '\n') {
          done();
          return resolve(typed);
        }
        if (ch === '\u0003') {
          done();
          return reject(new CliError('error: cancelled', 1));
        }
        typed = ch === '\u007f' ? typed.slice(0, -1) : typed + ch;
      }
    };
    const done = () => {
      process.stdin.off('data', onData);
      process.stdin.setRawMode(false);
      process.stdin.pause();
      process.stderr.write('\n');
    };
    process.stdin.on('data', onData);
  });
}

const userErrors = async <T>(work: () => Promise<T>): Promise<T> => {
  try {
    return await work();
  } catch (e) {
    if (e instanceof InvalidUserError) throw new CliError(`error: ${e.field}: ${e.message}`, 1);
    throw e;
  }
};

export function register(program: Command): void {
  const user = program.command('user').description('the workbench accounts: add, list, remove');
  user
    .command('add')
    .description("add an account; prints its API token once")
    .argument('<name>', 'user name: lower-case letters, digits, . _ - (at most 32)')
    .addOption(new Option('--role <role>', 'viewer (reads), analyst (edits), admin (users, deleting cases)').choices([...ROLES]).makeOptionMandatory())
    .option('--password-stdin', 'read the dashboard password from standard input')
    .option('--password', 'type the dashboard password at the terminal (not echoed)')
    .addOption(dbOption())
    .action((name: string, opts: { role: string; passwordStdin?: boolean; password?: boolean; db: string }) =>
      withStore(opts.db, async (store) => {
        const password = opts.passwordStdin ? await readStdin() : opts.password ? await promptPassword(`password for ${name}: `) : undefined;
        const added = await userErrors(() => store.users.add({ name, role: opts.role, ...(password !== undefined ? { password } : {}) }));
        process.stderr.write(`added ${added.name} (${added.role})${password ? ', who can sign in to the dashboard' : ''}; the API token (shown once; send it as "Authorization: Bearer <token>"):\n`);
        process.stdout.write(`${added.token}\n`);
      }),
    );
  user
    .command('list')
    .description('list the accounts (never a password or token)')
    .addOption(dbOption())
    .action((opts: { db: string }) =>
      withStore(opts.db, async (store) => {
        for (const u of await store.users.list()) process.stdout.write(`${u.name}\t${u.role}\t${u.createdAt}\t${u.hasPassword ? 'password' : 'token only'}\n`);
      }),
    );
  user
    .command('remove')
    .description('remove an account with its tokens and sessions (not the last admin)')
    .argument('<name>')
    .addOption(dbOption())
    .action((name: string, opts: { db: string }) =>
      withStore(opts.db, async (store) => {
        await store.users.remove(name);
        process.stdout.write(`removed ${name}\n`);
      }),
    );
}
