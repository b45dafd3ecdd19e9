const express = require('express');
const session = require('express-session');
const lusca = require('lusca');
const passport = require('passport');
const homeController = require('./controllers/home');
const userController = require('./controllers/user');

const app = express(); // expect: missing-helmet
app.set('port', process.env.PORT || 8080);
app.set('view engine', 'pug');
app.use(express.urlencoded({ extended: true }));
app.use(session({ secret: process.env.SESSION_SECRET, resave: false, saveUninitialized: false }));
app.use(passport.initialize());
app.use(passport.session());
app.use(lusca.xframe('SAMEORIGIN'));
app.use(lusca.xssProtection(true));
app.use(express.static('public', { maxAge: 31557600000 }));

app.get('/', homeController.index);
app.get('/login', userController.getLogin);
app.post('/login', userController.postLogin);

app.listen(app.get('port'), () => console.log('App is running at http://localhost:%d', app.get('port')));

module.exports = app;
