import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createStore } from '../../src/store/index.ts';
import { runCli } from './run.ts';

const dir = mkdtempSync(join(tmpdir(), 'parley-user-'));
const db = join(dir, 'users.db');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('parley user', () => {
  it('adds accounts (printing a working API token once), lists them without secrets, and removes them, never the last admin', async () => {
    const add = await runCli('user', 'add', 'root', '--role', 'admin', '--db', db);
    expect(add.code).toBe(0);
    const token = add.stdout.trim();
    expect(token).toMatch(/^parley_\S{20,}$/);
    expect(add.stderr).toContain('added root (admin)');
    const store = await createStore(db);
    try {
      expect(await store.users.byToken(token)).toEqual({ name: 'root', role: 'admin' });
    } finally {
      await store.close();
    }
    expect((await runCli('user', 'add', 'ana', '--role', 'analyst', '--db', db)).code).toBe(0);
    const list = await runCli('user', 'list', '--db', db);
    expect(list.stdout.split('\n').filter(Boolean).map((l) => l.split('\t').slice(0, 2))).toEqual([
      ['ana', 'analyst'],
      ['root', 'admin'],
    ].sort((a, b) => (a[0] < b[0] ? -1 : 1)));
    expect(list.stdout).not.toContain(token);
    const last = await runCli('user', 'remove', 'root', '--db', db);
    expect(last.code).toBe(1);
    expect(last.stderr).toContain('last admin');
    expect((await runCli('user', 'remove', 'ana', '--db', db)).stdout).toBe('removed ana\n');
  });

  it('refuses a bad role (usage), a bad name and a duplicate (input), naming the problem', async () => {
    const role = await runCli('user', 'add', 'kim', '--role', 'boss', '--db', db);
    expect(role.code).toBe(2);
    expect(role.stderr).toMatch(/boss/);
    const name = await runCli('user', 'add', 'Kim Jones', '--role', 'viewer', '--db', db);
    expect(name.code).toBe(1);
    expect(name.stderr).toMatch(/^error: name: /);
    expect((await runCli('user', 'add', 'kim', '--role', 'viewer', '--db', db)).code).toBe(0);
    const dup = await runCli('user', 'add', 'kim', '--role', 'viewer', '--db', db);
    expect(dup.code).toBe(1);
    expect(dup.stderr).toMatch(/kim/);
  });
});
