// Knex migrations and seeds: raw SQL that is all constants, or identifiers from the code itself.
const TABLES = ['invoices', 'payments', 'refunds']
const SCHEMA = 'billing'

exports.up = async function up(knex) {
  await knex.raw(`CREATE SCHEMA IF NOT EXISTS ${SCHEMA}`) // clean
  await knex.raw(`
    CREATE TABLE ${SCHEMA}.invoices (
      id bigserial PRIMARY KEY,
      customer_id bigint NOT NULL,
      total numeric(12, 2) NOT NULL DEFAULT 0,
      created_at timestamptz NOT NULL DEFAULT now()
    )
  `)
  for (const table of TABLES) {
    await knex.raw(`ALTER TABLE ${SCHEMA}.${table} ENABLE ROW LEVEL SECURITY`) // clean
    await knex.raw('ALTER TABLE ?? ADD COLUMN IF NOT EXISTS tenant_id bigint', [SCHEMA + '.' + table]) // clean
  }
  await knex.raw('CREATE INDEX invoices_customer_idx ON ' + SCHEMA + '.invoices (customer_id)') // clean
}

exports.down = async function down(knex) {
  for (const table of [...TABLES].reverse()) {
    await knex.raw(`DROP TABLE IF EXISTS ${SCHEMA}.${table}`) // clean
  }
  await knex.raw('DROP SCHEMA IF EXISTS ' + SCHEMA) // clean
}

exports.seed = async function seed(knex) {
  const statuses = ['draft', 'sent', 'paid']
  await knex.raw(`INSERT INTO ${SCHEMA}.statuses (name) VALUES ${statuses.map(() => '(?)').join(', ')}`, statuses) // clean
  const year = new Date().getFullYear()
  await knex.raw(`CREATE TABLE IF NOT EXISTS ${SCHEMA}.invoices_${year} PARTITION OF ${SCHEMA}.invoices FOR VALUES FROM ('${year}-01-01') TO ('${year + 1}-01-01')`) // clean
}

exports.renameColumn = async function renameColumn(knex, from, to) {
  await knex.raw('ALTER TABLE billing.invoices RENAME COLUMN ?? TO ??', [from, to]) // clean
}
