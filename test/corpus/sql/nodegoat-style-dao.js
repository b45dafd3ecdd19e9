// Modelled on a deliberately vulnerable MongoDB data-access layer ($where filters built from request input).
function AllocationsDAO(db) {
  const allocations = db.collection('allocations')

  this.getByUserIdAndThreshold = (userId, threshold, callback) => {
    const parsedUserId = parseInt(userId)
    const criteria = () => {
      if (threshold) {
        return { $where: `this.userId == ${parsedUserId} && this.stocks > '${threshold}'` } // expect: sql-concatenation
      }
      return { userId: parsedUserId }
    }
    allocations.findOne(criteria(), callback)
  }

  this.getByUserIdSafe = (userId, threshold, callback) => {
    const parsedUserId = parseInt(userId, 10)
    const parsedThreshold = parseInt(threshold, 10)
    // numbers only: cannot carry JavaScript
    allocations.findOne({ $where: `this.userId == ${parsedUserId} && this.stocks > ${parsedThreshold}` }, callback) // clean
  }

  this.getByUserIdOperators = (userId, threshold, callback) => {
    allocations.findOne({ userId: parseInt(userId, 10), stocks: { $gt: Number(threshold) } }, callback)
  }

  this.searchMemos = (text, callback) => {
    db.collection('memos').find({ $where: 'this.body.indexOf("' + text + '") >= 0' }).toArray(callback) // expect: sql-concatenation
  }

  this.activeUsers = (callback) => {
    db.collection('users').find({ $where: 'this.lastLogin > this.createdAt' }).toArray(callback) // clean
  }
}

function ProfileDAO(Profile) {
  this.findByNick = (nick) => Profile.$where(`this.nick === '${nick}'`).exec() // expect: sql-concatenation
  this.findRecent = () => Profile.$where('this.updatedAt > this.createdAt').exec() // clean
  this.findByCity = (city) => Profile.find({ 'address.city': city }).exec()
}

module.exports = { AllocationsDAO, ProfileDAO }
