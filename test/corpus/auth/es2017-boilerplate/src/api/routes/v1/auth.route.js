const express = require('express');
const controller = require('../../controllers/auth.controller');
const oAuthLogin = require('../../middlewares/auth').oAuth;

const router = express.Router();

router.route('/register').post(controller.register);
router.route('/login').post(controller.login);
router.route('/refresh-token').post(controller.refresh);
router.route('/send-password-reset').post(controller.sendPasswordReset);
router.route('/reset-password').post(controller.resetPassword);
router.route('/facebook').post(oAuthLogin('facebook'), controller.oAuth);
router.route('/google').post(oAuthLogin('google'), controller.oAuth);

module.exports = router;
