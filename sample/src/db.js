const { Pool } = require('pg');

// Connection settings come from the standard PG* environment variables (PGHOST, PGUSER, ...).
const pool = new Pool({ max: 10 });

module.exports = { pool };
