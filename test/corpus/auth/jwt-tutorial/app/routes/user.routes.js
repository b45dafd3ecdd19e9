const { authJwt } = require('../middlewares');
const controller = require('../controllers/user.controller');

module.exports = function (app) {
  app.get('/api/test/all', controller.allAccess);
  app.get('/api/test/user', [authJwt.verifyToken], controller.userBoard);
  app.get('/api/test/mod', [authJwt.verifyToken, authJwt.isModerator], controller.moderatorBoard);
  app.delete('/api/test/user/:id', controller.deleteUser); // expect: missing-auth
};
