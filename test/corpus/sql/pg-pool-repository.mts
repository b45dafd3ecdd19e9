// A TypeScript repository over node-postgres: some methods parameterized, some assembled by hand.
import { Pool, type QueryResult } from 'pg'

const pool = new Pool({ connectionString: process.env.DATABASE_URL })
const USERS_TABLE = 'app_users'
const SORTABLE = ['created_at', 'email', 'last_login'] as const

export interface UserFilter { email?: string; role?: string; sort?: string; limit?: string }

export async function findUserByEmail(email: string) {
  const { rows } = await pool.query(`SELECT * FROM ${USERS_TABLE} WHERE email = $1`, [email]) // clean
  return rows[0]
}

export async function findUserByEmailUnsafe(email: string) {
  const { rows } = await pool.query(`SELECT * FROM ${USERS_TABLE} WHERE email = '${email}'`) // expect: sql-concatenation
  return rows[0]
}

export async function listUsers(filter: UserFilter): Promise<QueryResult> {
  const where: string[] = []
  const values: unknown[] = []
  if (filter.email) { values.push(filter.email); where.push(`email = $${values.length}`) }
  if (filter.role) { values.push(filter.role); where.push(`role = $${values.length}`) }
  const sort = SORTABLE.includes(filter.sort as any) ? filter.sort : 'created_at'
  const clause = where.length ? `WHERE ${where.join(' AND ')}` : ''
  return pool.query(`SELECT * FROM ${USERS_TABLE} ${clause} ORDER BY ${sort} LIMIT ${Number(filter.limit) || 50}`, values) // clean
}

export async function listUsersNoGuard(filter: UserFilter) {
  const sort = filter.sort || 'created_at'
  return pool.query(`SELECT * FROM ${USERS_TABLE} ORDER BY ${sort} LIMIT 50`) // expect: sql-concatenation
}

export async function listUsersAllowList(filter: UserFilter) {
  const orderBy = ({ email: 'email', created: 'created_at' } as Record<string, string>)[filter.sort ?? ''] ?? 'id'
  return pool.query(`SELECT * FROM ${USERS_TABLE} ORDER BY ${orderBy} LIMIT $1`, [Number(filter.limit) || 50]) // clean
}

export async function deactivate(ids: number[]) {
  const placeholders = ids.map((_, i) => `$${i + 1}`).join(', ')
  return pool.query(`UPDATE ${USERS_TABLE} SET active = false WHERE id IN (${placeholders})`, ids) // clean
}

export async function deactivateUnsafe(ids: string[]) {
  return pool.query(`UPDATE ${USERS_TABLE} SET active = false WHERE id IN (${ids.join(',')})`) // expect: sql-concatenation
}

export async function countSince(days: number) {
  return pool.query(`SELECT count(*) FROM ${USERS_TABLE} WHERE created_at > now() - interval '${days} days'`) // clean
}

export async function renameTable(from: string, to: string) {
  await pool.query('ALTER TABLE ' + from + ' RENAME TO ' + to) // expect: sql-concatenation
}

export async function auditTrail(userId: string, action: string) {
  const client = await pool.connect()
  try {
    await client.query('BEGIN') // clean
    await client.query('INSERT INTO audit (user_id, action) VALUES ($1, $2)', [userId, action]) // clean
    await client.query("UPDATE app_users SET last_action = '" + action + "' WHERE id = " + userId) // expect: sql-concatenation
    await client.query('COMMIT') // clean
  } finally {
    client.release()
  }
}

export async function search(term: string, page: number) {
  const text = 'SELECT * FROM products WHERE name ILIKE $1 OFFSET $2 LIMIT 20'
  return pool.query({ text, values: [`%${term}%`, page * 20] }) // clean
}

export async function searchUnsafe(term: string) {
  return pool.query({ text: "SELECT * FROM products WHERE name ILIKE '%" + term + "%'", rowMode: 'array' }) // expect: sql-concatenation
}

export async function bySchema(schema: string, id: string) {
  const sql = `SELECT * FROM "${schema}".orders WHERE id = $1`
  return pool.query(sql, [id]) // expect: sql-concatenation
}
