import pg from 'pg';

/** Runs one statement (create or drop a database) on the PostgreSQL server at `url`, on a connection of its own. */
export async function adminQuery(url: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

/**
 * Waits (20 ms a look, `attempts` looks at most) until no connection to database `name` is left:
 * a pool's end() resolves before its connections have finished closing, and a template must be
 * unused to be copied, while dropping with force kills closing clients with an unhandled 57P01.
 */
export async function waitUntilUnused(url: string, name: string, attempts: number): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    for (let wait = 0; wait < attempts; wait++) {
      const open = await client.query('select count(*)::int as n from pg_stat_activity where datname = $1', [name]);
      if (open.rows[0]?.n === 0) return;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  } finally {
    await client.end();
  }
}
