// Modelled on a deliberately vulnerable web-services app's controller (raw Sequelize queries with JWT user data).
const jwt = require('jsonwebtoken')
const sequelize = require('../models/passphrase')

module.exports = {
  save: async (req, res) => {
    const token = req.headers.authorization.split(' ')[1]
    const result = jwt.verify(token, process.env.JWT_SECRET)
    await sequelize.query( // clean
      'CREATE TABLE IF NOT EXISTS `passphrases` (`username` varchar(200) NOT NULL, `passphrase` varchar(200) NOT NULL, `reminder` varchar(200) NOT NULL)'
    )
    const saveQuery = `INSERT INTO passphrases (username, passphrase, reminder) values ('${result.user}', '${req.body.passphrase}', '${req.body.reminder}')`
    await sequelize.query(saveQuery) // expect: sql-concatenation
    res.send('Passphrase Saved Successfully')
  },

  get: async (req, res) => {
    const result = await sequelize.query( // expect-next-line: sql-concatenation
      `SELECT passphrase, reminder FROM passphrases WHERE username = '${req.params.username}'`
    )
    res.json(result[0])
  },

  remove: async (req, res) => {
    await sequelize.query('DELETE FROM passphrases WHERE username = :username', { replacements: { username: req.params.username } }) // clean
    res.sendStatus(204)
  },

  audit: async (req, res) => {
    const days = parseInt(req.query.days, 10) || 7
    const rows = await sequelize.query(`SELECT * FROM audit WHERE created_at > NOW() - INTERVAL '${days} days'`) // clean
    res.json(rows[0])
  },

  rename: async (req, res) => {
    let sql = 'UPDATE passphrases SET reminder = '
    sql = sql.concat("'", req.body.reminder, "'")
    sql = sql.concat(' WHERE username = ', "'", req.params.username, "'")
    await sequelize.query(sql) // expect: sql-concatenation
    res.sendStatus(204)
  },
}
