import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { openDatabase } from '../../src/db/client.js';
import { TEST_ROLE_PASSWORDS } from '../helpers/roles.js';

declare module 'vitest' {
  export interface ProvidedContext {
    pgTemplate: string;
  }
}

function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

/** Migrates one template database per run; each test file then clones it (fast, isolated). */
export default async function setup(project: TestProject) {
  const url = process.env.TEST_DATABASE_URL!;
  const template = `smes_tpl_${process.pid}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`drop database if exists ${template}`);
  await admin.query(`create database ${template}`);
  // As the app starts: roles created (or their passwords set), migrations run by the owner.
  const db = openDatabase({
    kind: 'postgres',
    url: withDatabase(url, template),
    poolSize: 1,
    roles: TEST_ROLE_PASSWORDS,
  });
  await db.migrate();
  await db.close();
  project.provide('pgTemplate', template);

  return async () => {
    const leftovers = await admin.query<{ datname: string }>(
      `select datname from pg_database where datname like $1`,
      [`smes_t_${process.pid}_%`],
    );
    for (const { datname } of leftovers.rows)
      await admin.query(`drop database if exists ${datname} with (force)`);
    await admin.query(`drop database if exists ${template} with (force)`);
    await admin.end();
  };
}
