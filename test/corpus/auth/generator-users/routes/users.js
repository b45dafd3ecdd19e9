var express = require('express');
var router = express.Router();

router.get('/', function (req, res) { // expect: missing-auth
  res.send('respond with a resource');
});

router.delete('/:id', function (req, res) { // expect: missing-auth
  res.sendStatus(204);
});

module.exports = router;
