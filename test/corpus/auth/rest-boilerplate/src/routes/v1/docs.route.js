const express = require('express');
const swaggerUi = require('swagger-ui-express');
const spec = require('../../docs/spec');

const router = express.Router();
router.use('/', swaggerUi.serve);
router.get('/', swaggerUi.setup(spec, { explorer: true }));

module.exports = router;
