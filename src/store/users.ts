/**
 * Workbench accounts (tables users, user_tokens and sessions, migration 0004; docs/security.md):
 * `store.users`. A user has a name, a role (viewer, analyst, admin), optionally a password (hashed
 * with Argon2id) and API tokens; a browser login is a session with its own CSRF token and an expiry.
 *
 * Nothing secret is stored in the clear: API tokens and session ids are kept as SHA-256 hashes (they
 * are long random strings, so a fast hash is enough: there is nothing to guess), passwords as Argon2id
 * hashes (slow on purpose: people choose guessable ones). The CSRF token is stored as it is: it is
 * shown to the logged-in page and is worthless without the session cookie.
 */
import { createHash, randomBytes } from 'node:crypto';
import { hash as argon2Hash, verify as argon2Verify } from '@node-rs/argon2';
import type { Kysely } from 'kysely';
import { ConflictError, NotFoundError, StoreError } from './errors.ts';
import type { Database } from './tables.ts';

export const ROLES = ['viewer', 'analyst', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** A user name: lowercase letters, digits, '.', '_' and '-', starting with a letter or digit, at most 32. */
export const USER_NAME = /^[a-z0-9][a-z0-9._-]{0,31}$/;
/** Names that already mean something as a revision's author. */
export const RESERVED_NAMES: readonly string[] = ['api', 'anonymous'];
export const MIN_PASSWORD = 8;
/** Argon2 takes any length; a cap keeps a hostile login from costing more than a normal one. */
export const MAX_PASSWORD = 256;
/** How long a browser session lasts from login (hours). */
export const SESSION_HOURS = 12;

/** The prefix of every user's API token, so a leaked one is recognisable (secret scanners, logs). */
const TOKEN_PREFIX = 'parley_';
const MAX_TOKEN_LENGTH = 200;

export interface UserIdentity {
  name: string;
  role: Role;
}
export interface UserInfo extends UserIdentity {
  createdAt: string;
  /** Whether the user can log in with a password (otherwise: API tokens only). */
  hasPassword: boolean;
}
export interface NewUser {
  name: string;
  role: string;
  /** Absent or empty: a token-only user (no browser login). */
  password?: string;
}
export interface SessionInfo {
  user: UserIdentity;
  csrfToken: string;
  expiresAt: string;
}

/** A user the store refuses to create: the field at fault (name, role, password) and why. Nothing is written. */
export class InvalidUserError extends StoreError {
  constructor(
    readonly field: 'name' | 'role' | 'password',
    message: string,
  ) {
    super(message);
  }
}

/** The tables of this file, as kysely sees them. */
export type UserTables = {
  users: { name: string; role: string; password_hash: string | null; created_at: string };
  user_tokens: { token_hash: string; user_name: string; created_at: string };
  sessions: { id_hash: string; user_name: string; csrf_token: string; created_at: string; expires_at: string };
};

export const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');
const randomToken = (): string => randomBytes(32).toString('base64url');
const isRole = (r: string): r is Role => (ROLES as readonly string[]).includes(r);

/** Check a new user's fields; the first problem as an InvalidUserError. */
export function checkNewUser(u: NewUser): { name: string; role: Role; password: string | null } {
  if (typeof u.name !== 'string' || !USER_NAME.test(u.name)) {
    throw new InvalidUserError('name', `user name "${String(u.name).slice(0, 40)}" is not allowed: use 1 to 32 lowercase letters, digits, '.', '_' or '-', starting with a letter or digit`);
  }
  if (RESERVED_NAMES.includes(u.name)) throw new InvalidUserError('name', `user name "${u.name}" is reserved (it names revisions written without an account)`);
  if (!isRole(u.role)) throw new InvalidUserError('role', `unknown role "${String(u.role).slice(0, 40)}" (known: ${ROLES.join(', ')})`);
  const password = u.password === undefined || u.password === '' ? null : u.password;
  if (password !== null) {
    if (password.length < MIN_PASSWORD) throw new InvalidUserError('password', `the password must have at least ${MIN_PASSWORD} characters`);
    if (password.length > MAX_PASSWORD) throw new InvalidUserError('password', `the password must have at most ${MAX_PASSWORD} characters`);
  }
  return { name: u.name, role: u.role, password };
}

function isUniqueViolation(e: unknown): boolean {
  const code = (e as { code?: string } | null)?.code;
  return code === '23505' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY' || code === 'SQLITE_CONSTRAINT_UNIQUE';
}

export class UserStore {
  private readonly db: Kysely<Database & UserTables>;
  /** A hash to verify against when the name is unknown, so a wrong name costs as long as a wrong password. */
  private dummyHash: Promise<string> | undefined;
  /** Once accounts exist they are assumed to stay (the safe direction); "none" is asked again after a second. */
  private knownAccounts = false;
  private noAccountsUntil = 0;

  constructor(
    db: Kysely<Database>,
    private readonly postgres: boolean,
  ) {
    this.db = db.withTables<UserTables>();
  }

  /** Create a user with one API token (returned, the only time it is seen) and, when given, a password. */
  async add(u: NewUser): Promise<UserIdentity & { token: string }> {
    const { name, role, password } = checkNewUser(u);
    const passwordHash = password === null ? null : await argon2Hash(password);
    const token = TOKEN_PREFIX + randomToken();
    const t = new Date().toISOString();
    try {
      await this.db.transaction().execute(async (trx) => {
        if (await trx.selectFrom('users').select('name').where('name', '=', name).executeTakeFirst()) throw new ConflictError(`a user named "${name}" exists already`);
        await trx.insertInto('users').values({ name, role, password_hash: passwordHash, created_at: t }).execute();
        await trx.insertInto('user_tokens').values({ token_hash: sha256(token), user_name: name, created_at: t }).execute();
      });
    } catch (e) {
      if (isUniqueViolation(e)) throw new ConflictError(`a user named "${name}" exists already`);
      throw e;
    }
    this.knownAccounts = true;
    return { name, role, token };
  }

  /** Every user, by name (never a hash). */
  async list(): Promise<UserInfo[]> {
    const rows = await this.db.selectFrom('users').select(['name', 'role', 'created_at', 'password_hash']).orderBy('name').execute();
    return rows.map((r) => ({ name: r.name, role: r.role as Role, createdAt: r.created_at, hasPassword: r.password_hash !== null }));
  }

  /** Remove a user with their tokens and sessions. The last admin cannot be removed (nobody could manage users then). */
  async remove(name: string): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      let admins = trx.selectFrom('users').select(['name']).where('role', '=', 'admin');
      // Lock the admin rows on PostgreSQL, so two removals at once cannot each leave the other as the last admin.
      if (this.postgres) admins = admins.forUpdate();
      const adminNames = (await admins.execute()).map((r) => r.name);
      const user = await trx.selectFrom('users').select(['role']).where('name', '=', name).executeTakeFirst();
      if (!user) throw new NotFoundError(`no user "${name}"`);
      if (user.role === 'admin' && adminNames.length === 1) {
        throw new ConflictError(`"${name}" is the last admin: add another admin first (parley user add NAME --role admin), so that someone can still manage the users`);
      }
      await trx.deleteFrom('sessions').where('user_name', '=', name).execute();
      await trx.deleteFrom('user_tokens').where('user_name', '=', name).execute();
      await trx.deleteFrom('users').where('name', '=', name).execute();
    });
  }

  /** Whether any account exists (then every API request needs an identity). */
  async any(): Promise<boolean> {
    if (this.knownAccounts) return true;
    if (Date.now() < this.noAccountsUntil) return false;
    const row = await this.db.selectFrom('users').select('name').limit(1).executeTakeFirst();
    if (row) this.knownAccounts = true;
    else this.noAccountsUntil = Date.now() + 1000;
    return this.knownAccounts;
  }

  async hasAdmin(): Promise<boolean> {
    return (await this.db.selectFrom('users').select('name').where('role', '=', 'admin').limit(1).executeTakeFirst()) !== undefined;
  }

  /** The user, when the name and password match; null otherwise (the same time spent either way). */
  async verifyPassword(name: string, password: string): Promise<UserIdentity | null> {
    if (typeof password !== 'string' || password.length === 0 || password.length > MAX_PASSWORD) return null;
    const row = USER_NAME.test(name) ? await this.db.selectFrom('users').select(['name', 'role', 'password_hash']).where('name', '=', name).executeTakeFirst() : undefined;
    const stored = row?.password_hash ?? (await (this.dummyHash ??= argon2Hash(randomToken())));
    let ok = false;
    try {
      ok = await argon2Verify(stored, password);
    } catch {
      ok = false;
    }
    return ok && row && row.password_hash !== null ? { name: row.name, role: row.role as Role } : null;
  }

  /** The user whose API token this is, or null. */
  async byToken(token: string): Promise<UserIdentity | null> {
    if (typeof token !== 'string' || !token.startsWith(TOKEN_PREFIX) || token.length > MAX_TOKEN_LENGTH) return null;
    const row = await this.db
      .selectFrom('user_tokens')
      .innerJoin('users', 'users.name', 'user_tokens.user_name')
      .select(['users.name', 'users.role'])
      .where('user_tokens.token_hash', '=', sha256(token))
      .executeTakeFirst();
    return row ? { name: row.name, role: row.role as Role } : null;
  }

  /** A new API token for the user (the earlier ones keep working until the user is removed). */
  async addToken(name: string): Promise<string> {
    const token = TOKEN_PREFIX + randomToken();
    await this.db.transaction().execute(async (trx) => {
      if (!(await trx.selectFrom('users').select('name').where('name', '=', name).executeTakeFirst())) throw new NotFoundError(`no user "${name}"`);
      await trx.insertInto('user_tokens').values({ token_hash: sha256(token), user_name: name, created_at: new Date().toISOString() }).execute();
    });
    return token;
  }

  /** Start a browser session: the id (for the cookie, stored only hashed), its CSRF token and expiry. Drops expired sessions. */
  async createSession(name: string, hours = SESSION_HOURS): Promise<{ id: string; csrfToken: string; expiresAt: string }> {
    const id = randomToken();
    const csrfToken = randomToken();
    const now = new Date();
    const expiresAt = new Date(now.getTime() + hours * 3600_000).toISOString();
    await this.db.deleteFrom('sessions').where('expires_at', '<=', now.toISOString()).execute();
    await this.db.insertInto('sessions').values({ id_hash: sha256(id), user_name: name, csrf_token: csrfToken, created_at: now.toISOString(), expires_at: expiresAt }).execute();
    return { id, csrfToken, expiresAt };
  }

  /** The live session of this id (from the cookie), or null when unknown or expired. */
  async session(id: string): Promise<SessionInfo | null> {
    if (typeof id !== 'string' || id.length === 0 || id.length > MAX_TOKEN_LENGTH) return null;
    const row = await this.db
      .selectFrom('sessions')
      .innerJoin('users', 'users.name', 'sessions.user_name')
      .select(['users.name', 'users.role', 'sessions.csrf_token', 'sessions.expires_at'])
      .where('sessions.id_hash', '=', sha256(id))
      .where('sessions.expires_at', '>', new Date().toISOString())
      .executeTakeFirst();
    return row ? { user: { name: row.name, role: row.role as Role }, csrfToken: row.csrf_token, expiresAt: row.expires_at } : null;
  }

  async endSession(id: string): Promise<void> {
    if (typeof id !== 'string' || id.length === 0 || id.length > MAX_TOKEN_LENGTH) return;
    await this.db.deleteFrom('sessions').where('id_hash', '=', sha256(id)).execute();
  }
}
