const express = require('express');
const helmet = require('helmet');
const passport = require('passport');
const multer = require('multer');
const homeController = require('./controllers/home');
const userController = require('./controllers/user');
const apiController = require('./controllers/api');
const contactController = require('./controllers/contact');
const sportController = require('./controllers/sport');
const passportConfig = require('./config/passport');

const upload = multer({ dest: 'uploads/' });
const app = express();
app.use(helmet());
app.use(passport.initialize());
app.use(passport.session());

app.get('/', homeController.index);
app.get('/login', userController.getLogin);
app.post('/login', userController.postLogin);
app.get('/logout', userController.logout);
app.get('/forgot', userController.getForgot);
app.post('/forgot', userController.postForgot);
app.get('/reset/:token', userController.getReset);
app.post('/reset/:token', userController.postReset);
app.get('/signup', userController.getSignup);
app.post('/signup', userController.postSignup);
app.get('/contact', contactController.getContact);
// backend-guide-public: visitors write to us before they have an account
app.post('/contact', contactController.postContact);
app.get('/account', passportConfig.isAuthenticated, userController.getAccount);
app.post('/account/profile', passportConfig.isAuthenticated, userController.postUpdateProfile);
app.post('/account/password', passportConfig.isAuthenticated, userController.postUpdatePassword);
app.post('/account/delete', passportConfig.isAuthenticated, userController.postDeleteAccount);
app.get('/account/unlink/:provider', passportConfig.isAuthenticated, userController.getOauthUnlink);

app.get('/create', sportController.createSportForm);
app.post('/createSport', sportController.createSport); // expect: missing-auth
app.post('/msports', sportController.multipleSports); // expect: missing-auth
app.get('/list', sportController.listSports);
app.post('/deletesport', sportController.deleteSport); // expect: missing-auth
app.post('/updateSport', sportController.updateSport); // expect: missing-auth

app.get('/api', apiController.getApi);
app.get('/api/lastfm', apiController.getLastfm);
app.get('/api/stripe', apiController.getStripe);
app.post('/api/stripe', apiController.postStripe); // expect: missing-auth
app.post('/api/twilio', apiController.postTwilio); // expect: missing-auth
app.get('/api/upload', apiController.getFileUpload);
app.post('/api/upload', upload.single('myFile'), apiController.postFileUpload); // expect: missing-auth
app.get('/api/github', passportConfig.isAuthenticated, passportConfig.isAuthorized, apiController.getGithub);
app.post('/api/pinterest', passportConfig.isAuthenticated, passportConfig.isAuthorized, apiController.postPinterest);

app.get('/auth/github', passport.authenticate('github'));
app.get('/auth/github/callback', passport.authenticate('github', { failureRedirect: '/login' }), (req, res) => {
  res.redirect(req.session.returnTo || '/');
});

app.listen(8080);
